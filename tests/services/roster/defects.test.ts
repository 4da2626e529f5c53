/**
 * One regression test per data-loss defect found by testers in version 1 (issue #11), numbered as in the
 * issue, each run through the real services or store on a real folder. Each of these failed on the code
 * before the fix (commit 744e550).
 */
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { nodeFs, type FsPort } from '../../../electron/services/fs-port'
import { Backups } from '../../../electron/services/roster/backups'
import { sealedFs } from '../../../electron/services/sealed-fs'
import { SEALED_MAGIC } from '../../../electron/services/sealed-record'
import { encodeChange } from '../../../electron/services/roster/journal'
import { EXPORT_FORMAT, recordHandout } from '../../../electron/services/roster/service'
import { RosterStore, ROSTER_FILE } from '../../../electron/services/roster/store'
import type { Services } from '../../../electron/services'
import type { ProgramInput } from '../../../src/core/patient'
import { AppFailure } from '../../../src/core/result'
import { FaultyFs } from '../../support/faulty-fs'
import { patientInput, syntheticPatients } from '../../support/patients'
import { testServices } from '../../support/services'

const tempDir = () => mkdtemp(join(tmpdir(), 'hp-defect-'))
/** The fault-injection cases run on a plain folder and on an encrypted one (sealedFs over the failing file system). */
const key = randomBytes(32)
const variants = [
  ['plain folder', (fs: FsPort) => fs],
  ['encrypted folder', (fs: FsPort) => sealedFs(fs, { key: () => key, sealWrites: () => true })],
] as const

/** A folder holding three saved patients: in roster.json (`compacted`) or only in the journal. */
async function savedRoster(compacted: boolean): Promise<string> {
  const dir = await tempDir()
  const store = await RosterStore.open({ dir })
  for (const p of syntheticPatients(3)) await store.put(p)
  if (compacted) await store.compact()
  await store.close()
  return dir
}
const open: Services[] = []
const services = (dir: string) => {
  const s = testServices(dir)
  open.push(s)
  return s
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {})
})

const program: ProgramInput = {
  title: 'Hip plan',
  status: 'current',
  items: [
    {
      id: 'item-000001',
      exerciseId: 'clamshells',
      dosage: { sets: 2, reps: { min: 10, max: 10 }, timesPerDay: 1, side: 'both' },
    },
  ],
}
const failure = (act: () => unknown) =>
  Promise.resolve()
    .then(act)
    .then(
      () => undefined,
      (e: unknown) => e as AppFailure,
    )

describe('issue #11 defects', () => {
  it('1: a deleted patient’s id resolves to nobody: no read, program, delete or edit reaches another patient', async () => {
    const { handlers: h } = services(await tempDir())
    const [alice, bob, carol] = [
      await h.createPatient(patientInput({ firstName: 'Alice', chartNumber: 'A1' })),
      await h.createPatient(patientInput({ firstName: 'Bob', chartNumber: 'B1' })),
      await h.createPatient(patientInput({ firstName: 'Carol', chartNumber: 'C1' })),
    ]
    await h.deletePatient({ id: bob.id })
    expect((await failure(() => h.getPatient({ id: bob.id })))?.code).toBe('not_found')
    expect((await failure(() => h.saveProgram({ patientId: bob.id, program })))?.code).toBe('not_found')
    expect((await failure(() => h.deletePatient({ id: bob.id })))?.code).toBe('not_found')
    expect(
      (
        await failure(() =>
          h.updatePatient({
            id: bob.id,
            revision: 1,
            patient: patientInput({ firstName: 'Mallory', chartNumber: 'B1' }),
          }),
        )
      )?.code,
    ).toBe('not_found')
    expect((await h.listPatients(undefined)).map((p) => p.firstName)).toEqual(['Alice', 'Carol'])
    expect(await h.getPatient({ id: carol.id })).toEqual(carol)
    expect(await h.getPatient({ id: alice.id })).toEqual(alice)
  })

  it.each(variants)(
    '2: one failed journal write (full disk, or a lasting EPERM) keeps the whole roster, and a later backup holds all of it (%s)',
    async (_name, wrap) => {
      const dir = await tempDir()
      for (const code of ['ENOSPC', 'EPERM'] as const) {
        let failing = false
        const fs = wrap(new FaultyFs((op) => (failing && op === 'write' ? code : undefined)))
        const store = await RosterStore.open({ dir, fs, retryForMs: 30 })
        const backups = new Backups({ dir, fs })
        for (const p of syntheticPatients(20, 0, 0)) await store.put(p)
        await store.compact()
        const more = syntheticPatients(25, 0, 0).slice(20)
        for (const p of more) await store.put(p)
        failing = true
        const error = await failure(() => store.put({ ...more[0]!, firstName: 'Lost' }))
        expect(error?.message).toContain(code)
        expect(store.list()).toHaveLength(25)
        failing = false
        await backups.create(store, 'manual')
        await store.close()
        const reopened = await RosterStore.open({ dir, fs: wrap(nodeFs) })
        expect(reopened.health.status).toBe('ready')
        expect(reopened.list()).toHaveLength(25)
        expect(reopened.get(more[0]!.id)?.firstName).toBe(more[0]!.firstName)
        const [backup] = await backups.list()
        expect(backup?.patients).toBe(25)
        await reopened.close()
      }
    },
  )

  it.each(variants)(
    '3: a short write on a full disk is never acknowledged, and the roster opens whole afterwards (%s)',
    async (_name, wrap) => {
      const dir = await tempDir()
      let writes = 0
      let full = false
      // The disk takes half of the line, then has no room for the rest.
      const fs = wrap(
        new FaultyFs((op) => (full && op === 'write' ? (writes++ === 0 ? 'short' : 'ENOSPC') : undefined)),
      )
      const store = await RosterStore.open({ dir, fs })
      const [a, b] = syntheticPatients(2)
      await store.put(a!)
      full = true
      expect((await failure(() => store.put(b!)))?.message).toMatch(/ENOSPC/)
      expect(store.list().map((s) => s.id)).toEqual([a!.id])
      await store.close()
      const reopened = await RosterStore.open({ dir, fs: wrap(nodeFs) })
      expect(reopened.health).toEqual({ status: 'ready' })
      expect(reopened.get(a!.id)).toEqual(a)
      expect(reopened.has(b!.id)).toBe(false)
      await reopened.close()
      // The encrypted variant really wrote encrypted files (and the plain one plain files).
      const journal = (await readdir(dir)).find((n) => n.startsWith('roster.journal.'))!
      expect((await readFile(join(dir, journal), 'latin1')).startsWith(SEALED_MAGIC)).toBe(_name === 'encrypted folder')
    },
  )

  it('4: two windows or tabs: a save from an out-of-date copy of a patient or a program is refused, and nothing is overwritten', async () => {
    const { handlers: h } = services(await tempDir())
    const opened = await h.createPatient(patientInput({ firstName: 'Alice' }))
    const tabA = await h.saveProgram({ patientId: opened.id, program })
    const prog = tabA.programs[0]!
    // Tab A saves the details and the program; tab B still holds the copies it opened before.
    await h.updatePatient({ id: opened.id, revision: opened.revision, patient: patientInput({ firstName: 'Alicia' }) })
    await h.saveProgram({
      patientId: opened.id,
      programId: prog.id,
      revision: prog.revision,
      program: { ...program, title: 'From tab A' },
    })
    const staleDetails = await failure(() =>
      h.updatePatient({ id: opened.id, revision: opened.revision, patient: patientInput({ firstName: 'From tab B' }) }),
    )
    expect(staleDetails?.code).toBe('conflict')
    expect(staleDetails?.message).toMatch(/changed elsewhere.*Reload/)
    const staleProgram = await failure(() =>
      h.saveProgram({
        patientId: opened.id,
        programId: prog.id,
        revision: prog.revision,
        program: { ...program, title: 'From tab B' },
      }),
    )
    expect(staleProgram?.code).toBe('conflict')
    expect(staleProgram?.message).toMatch(/changed elsewhere/)
    const now = await h.getPatient({ id: opened.id })
    expect(now.firstName).toBe('Alicia')
    expect(now.programs.map((p) => p.title)).toEqual(['From tab A'])
  })

  it('5: an empty journal file numbered past the last change (a crash during compaction) costs nothing', async () => {
    const dir = await savedRoster(true)
    // The compaction that was cut off had just opened the next journal file.
    for (const f of (await readdir(dir)).filter((n) => n.endsWith('.jsonl'))) await rm(join(dir, f))
    await writeFile(join(dir, 'roster.journal.000000000009.jsonl'), '')
    const reopened = await RosterStore.open({ dir })
    expect(reopened.health).toEqual({ status: 'ready' })
    expect(reopened.list()).toHaveLength(3)
    await reopened.put({ ...syntheticPatients(4)[3]! })
    await reopened.close()
    const again = await RosterStore.open({ dir })
    expect(again.health).toEqual({ status: 'ready' })
    expect(again.list()).toHaveLength(4)
    await again.close()
  })

  it('6: editing a patient’s details keeps their programs and handout history', async () => {
    const dir = await tempDir()
    const { handlers: h } = services(dir)
    const created = await h.createPatient(patientInput())
    const withProgram = await h.saveProgram({ patientId: created.id, program })
    const prog = withProgram.programs[0]!
    const store = await RosterStore.open({ dir, readOnly: 'peek' })
    await store.close()
    // The handout history is written the way an export writes it.
    const s2 = open[0]!
    await s2.close()
    const direct = await RosterStore.open({ dir })
    await recordHandout(direct, created.id, {
      id: 'handout-01',
      at: '2026-03-01T10:00:00.000Z',
      programId: prog.id,
      layout: 'detailed',
      paper: 'letter',
      file: 'a.pdf',
      snapshot: { title: prog.title, items: prog.items },
    })
    await direct.close()
    const { handlers: again } = services(dir)
    const edited = await again.updatePatient({
      id: created.id,
      revision: created.revision,
      patient: patientInput({ lastName: 'Nowak' }),
    })
    expect(edited.lastName).toBe('Nowak')
    expect(edited.handouts).toHaveLength(1)
    expect(edited.programs).toEqual(withProgram.programs)
  })

  it('8: a missing roster.json beside a journal that starts later goes to recovery, not a silently short roster', async () => {
    const dir = await tempDir()
    const store = await RosterStore.open({ dir })
    for (const p of syntheticPatients(3)) await store.put(p)
    await store.compact()
    await store.put(syntheticPatients(4)[3]!)
    await store.close()
    await writeFile(join(dir, 'elsewhere.json'), await readFile(join(dir, ROSTER_FILE)))
    await rm(join(dir, ROSTER_FILE))
    const reopened = await RosterStore.open({ dir })
    expect(reopened.health.status).toBe('recovery')
    expect(reopened.list()).toHaveLength(0)
    await reopened.close()
  })

  describe('9: unreadable states go to recovery or a plain refusal, never "internal", and a failed open is not kept', () => {
    it.each([
      ['schemaVersion 0', JSON.stringify({ format: 'homeplan-roster', schemaVersion: 0, patients: [] })],
      ['a version 1 file with no patient list', JSON.stringify({ format: 'homeplan-roster', schemaVersion: 1 })],
    ])('%s', async (_name, content) => {
      const dir = await tempDir()
      await writeFile(join(dir, ROSTER_FILE), content)
      const { handlers: h } = services(dir)
      const status = await h.getRosterStatus(undefined)
      expect(status.status).toBe('recovery')
      const backups = await readdir(join(dir, 'backups')).catch(() => [])
      expect(backups.filter((b) => b.includes('before-migration'))).toHaveLength(0)
    })

    it('roster.json is a folder', async () => {
      const dir = await tempDir()
      await mkdir(join(dir, ROSTER_FILE))
      const { handlers: h } = services(dir)
      expect((await h.getRosterStatus(undefined)).status).toBe('recovery')
      expect((await h.startEmptyRoster(undefined)).status).toBe('ready')
      await h.createPatient(patientInput())
      expect(await h.listPatients(undefined)).toHaveLength(1)
    })

    it('a folder that cannot be read right now is refused with Try again, and Try again works once it can', async () => {
      if (process.getuid?.() === 0) {
        // Root reads any folder whatever its mode; the same path is taken with an injected EACCES in recovery.test.ts.
        const dir = await tempDir()
        const fs = new FaultyFs((op) => (op === 'readFile' ? 'EBUSY' : undefined))
        const store = await RosterStore.open({ dir, fs })
        expect(store.health.status).toBe('refused')
        expect('reason' in store.health && store.health.reason).toMatch(/Try again/)
        return
      }
      const dir = await tempDir()
      const { chmod } = await import('node:fs/promises')
      await writeFile(join(dir, ROSTER_FILE), '{}')
      await chmod(join(dir, ROSTER_FILE), 0)
      const { handlers: h } = services(dir)
      const status = await h.getRosterStatus(undefined)
      expect(status.status).toBe('refused')
      await chmod(join(dir, ROSTER_FILE), 0o600)
    })
  })

  it('10: recovery offers only a backup that can be restored, never a copy of a damaged file', async () => {
    const dir = await tempDir()
    const { handlers: h } = services(dir)
    await h.createPatient(patientInput())
    const good = await h.backupNow(undefined)
    await open[0]!.close()
    // A damaged old-version file: an upgrade would copy it aside first; it must not be offered.
    await writeFile(join(dir, ROSTER_FILE), '{"format":"homeplan-roster","schemaVersion":1,"patients":[{"id":')
    const { handlers: again } = services(dir)
    const status = await again.getRosterStatus(undefined)
    expect(status.status).toBe('recovery')
    if (status.status !== 'recovery') return
    expect(status.newestBackup?.kind).not.toBe('before-migration')
    expect(status.newestBackup?.usable).toBe(true)
    const listed = await again.listBackups(undefined)
    expect(listed.map((b) => b.id)).toContain(good.id)
    for (const b of listed) if (b.kind === 'before-migration') expect(b.usable).toBe(false)
    const restored = await again.restoreBackup({ id: status.newestBackup!.id })
    expect(restored.restored.patients).toBe(1)
    expect(await again.listPatients(undefined)).toHaveLength(1)
  })

  describe('11: damage costs only the damaged part', () => {
    const journalWith = async (mutate: (text: string) => string) => {
      const dir = await savedRoster(false)
      const [file] = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'))
      await writeFile(join(dir, file!), mutate(await readFile(join(dir, file!), 'utf8')))
      return dir
    }
    it.each([
      ['a trailing empty line', (t: string) => `${t}\n`],
      ['a BOM', (t: string) => `\uFEFF${t}`],
      ['a duplicated line', (t: string) => `${t}${t.split('\n')[1]}\n`],
    ])('a journal with %s opens whole', async (_name, mutate) => {
      const dir = await journalWith(mutate)
      const store = await RosterStore.open({ dir })
      expect(store.health.status).toBe('ready')
      expect(store.list()).toHaveLength(3)
      await store.close()
    })

    it('a roster.json with a UTF-8 BOM opens', async () => {
      const dir = await savedRoster(true)
      await writeFile(
        join(dir, ROSTER_FILE),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(join(dir, ROSTER_FILE))]),
      )
      const reopened = await RosterStore.open({ dir })
      expect(reopened.health).toEqual({ status: 'ready' })
      expect(reopened.list()).toHaveLength(3)
      await reopened.close()
    })
  })

  describe('12: damage that still fits the schema is caught, and a record that does not is never served', () => {
    it('a changed character in roster.json is caught by its checksum', async () => {
      const dir = await savedRoster(true)
      const text = await readFile(join(dir, ROSTER_FILE), 'utf8')
      await writeFile(join(dir, ROSTER_FILE), text.replace('"Anna"', '"Anne"'))
      const reopened = await RosterStore.open({ dir })
      expect(reopened.health.status).toBe('recovery')
      await reopened.close()
    })

    it('a changed character in a journal line is caught by the line’s checksum', async () => {
      const dir = await savedRoster(false)
      const [file] = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'))
      const text = await readFile(join(dir, file!), 'utf8')
      await writeFile(join(dir, file!), text.replace('"Anna"', '"Anne"'))
      const reopened = await RosterStore.open({ dir })
      expect(reopened.health.status).toBe('ready')
      expect(reopened.list().map((s) => s.firstName)).not.toContain('Anne')
      expect(reopened.list()).toHaveLength(2)
      await reopened.close()
    })

    it('a line with a valid checksum but a record that fails the schema is left out, not served', async () => {
      const dir = await tempDir()
      const bad = { ...syntheticPatients(1)[0]!, firstName: 42 as unknown as string }
      await writeFile(
        join(dir, 'roster.journal.000000000001.jsonl'),
        encodeChange({ seq: 1, at: '2026-01-01T00:00:00.000Z', op: 'put', patient: bad }),
      )
      const store = await RosterStore.open({ dir })
      expect(store.list()).toHaveLength(0)
      expect(store.health.status).toBe('ready')
      await store.close()
    })
  })

  it('14: an import whose patients share an id adds every one of them', async () => {
    const dir = await tempDir()
    const s = services(dir)
    await s.handlers.createPatient(patientInput({ chartNumber: 'X-1' }))
    const [p] = syntheticPatients(1)
    const file = join(dir, 'shared-ids.json')
    await writeFile(
      file,
      JSON.stringify({
        format: EXPORT_FORMAT,
        schemaVersion: 3,
        patients: [
          { ...p, chartNumber: 'S-1' },
          { ...p, chartNumber: 'S-2', firstName: 'Second' },
        ],
      }),
    )
    s.dialogs.answers.open.push(file)
    const report = await s.handlers.importRoster(undefined)
    expect(report.imported).toBe(2)
    expect(await s.handlers.listPatients(undefined)).toHaveLength(3)
  })

  it('15: a file from a newer version is refused even when its version comes after 400 bytes', async () => {
    const dir = await tempDir()
    const doc = `{"format":"homeplan-roster","savedAt":"${'x'.repeat(600)}","schemaVersion":99,"patients":[]}`
    await writeFile(join(dir, ROSTER_FILE), doc)
    const store = await RosterStore.open({ dir })
    expect(store.health.status).toBe('refused')
    expect('reason' in store.health && store.health.reason).toMatch(/newer/)
    expect(await readFile(join(dir, ROSTER_FILE), 'utf8')).toBe(doc)
    await store.close()
  })

  it('16: temporary files a crash left behind are removed at the next start; files are owner-only', async () => {
    const dir = await tempDir()
    const store = await RosterStore.open({ dir })
    await store.put(syntheticPatients(1)[0]!)
    await store.compact()
    await store.close()
    const orphan = join(dir, '.roster.json.999999.0123456789ab.tmp')
    await writeFile(orphan, await readFile(join(dir, ROSTER_FILE)))
    const reopened = await RosterStore.open({ dir })
    expect(await readdir(dir)).not.toContain('.roster.json.999999.0123456789ab.tmp')
    for (const f of (await readdir(dir)).filter((n) => n.endsWith('.jsonl') || n === ROSTER_FILE)) {
      expect((await stat(join(dir, f))).mode & 0o077).toBe(0)
    }
    expect((await stat(dir)).mode & 0o077).toBe(0)
    await reopened.close()
  })
})
