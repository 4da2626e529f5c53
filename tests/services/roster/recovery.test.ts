import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../electron/services/roster/format'
import { RosterStore, ROSTER_FILE } from '../../../electron/services/roster/store'
import { nodeFs, type FsPort } from '../../../electron/services/fs-port'
import { syntheticPatients } from '../../support/patients'

const tempDir = () => mkdtemp(join(tmpdir(), 'hp-recovery-'))
const clock = () => new Date('2026-11-26T10:00:00.000Z')
const errno = (code: string) => Object.assign(new Error(code), { code })

/** A data folder holding a compacted roster of `n` patients. */
async function savedRoster(n = 3) {
  const dir = await tempDir()
  const store = await RosterStore.open({ dir })
  for (const p of syntheticPatients(n)) await store.put(p)
  await store.compact()
  await store.close()
  return { dir, bytes: await readFile(join(dir, ROSTER_FILE)) }
}

describe('a roster file that cannot be read', () => {
  const cases: [string, (good: Buffer) => Buffer][] = [
    ['empty', () => Buffer.alloc(0)],
    ['truncated', (good) => good.subarray(0, Math.floor(good.length / 2))],
    ['filled with zero bytes', (good) => Buffer.alloc(good.length)],
    [
      'valid JSON of the wrong shape',
      () => Buffer.from('{"schemaVersion":2,"patients":[{"id":"patient-1","firstName":""}]}'),
    ],
    ['not JSON at all', () => Buffer.from('<html>oops</html>')],
  ]
  for (const [name, damage] of cases) {
    it(`is set aside, never overwritten, when ${name}`, async () => {
      const { dir, bytes } = await savedRoster()
      const damaged = damage(bytes)
      await writeFile(join(dir, ROSTER_FILE), damaged)
      const store = await RosterStore.open({ dir, now: clock })
      // The journal beside it is only meaningful with that snapshot, so it is set aside with it.
      expect(store.health).toMatchObject({
        status: 'recovery',
        quarantined: [
          'roster.json.quarantined-2026-11-26T10-00-00-000Z',
          expect.stringMatching(/^roster\.journal\.\d+\.jsonl\.quarantined-/),
        ],
      })
      expect(await readFile(join(dir, 'roster.json.quarantined-2026-11-26T10-00-00-000Z'))).toEqual(damaged)
      expect((await readdir(dir)).filter((f) => !f.includes('quarantined'))).toEqual([])
      expect(store.list()).toEqual([])
      expect(() => store.put(syntheticPatients(1)[0]!)).toThrow(/could not be read/)
    })
  }

  it('loses only the damaged line of a journal damaged in the middle, says so, and keeps a copy of the file', async () => {
    const dir = await tempDir()
    const store = await RosterStore.open({ dir })
    for (const p of syntheticPatients(3)) await store.put(p)
    await store.close()
    const journal = join(dir, 'roster.journal.000000000001.jsonl')
    const lines = (await readFile(journal, 'utf8')).split('\n')
    lines[1] = lines[1]!.slice(0, 40) + '#' + lines[1]!.slice(41)
    await writeFile(journal, lines.join('\n'))
    const reopened = await RosterStore.open({ dir, now: clock })
    expect(reopened.health).toMatchObject({ status: 'ready', warnings: [expect.stringContaining('could not be read')] })
    expect(reopened.list().map((p) => p.id)).toEqual(['patient-000000', 'patient-000002'])
    expect(await readdir(dir)).toContain('roster.journal.000000000001.jsonl.quarantined-2026-11-26T10-00-00-000Z')
    expect(
      await readFile(join(dir, 'roster.journal.000000000001.jsonl.quarantined-2026-11-26T10-00-00-000Z'), 'utf8'),
    ).toBe(lines.join('\n'))
  })

  it('drops a last journal line cut off by a crash, keeps the rest, and appends cleanly after it', async () => {
    const dir = await tempDir()
    const store = await RosterStore.open({ dir })
    const patients = syntheticPatients(3)
    for (const p of patients) await store.put(p)
    await store.close()
    const journal = join(dir, 'roster.journal.000000000001.jsonl')
    const text = await readFile(journal, 'utf8')
    await writeFile(
      journal,
      text + '{"seq":4,"at":"2026-11-26T10:00:00.000Z","op":"put","patient":{"id":"pat' + '\0'.repeat(64),
    )
    const reopened = await RosterStore.open({ dir })
    expect(reopened.health).toEqual({ status: 'ready' })
    expect(reopened.list()).toHaveLength(3)
    // The cut-off line is gone from the live files (the roster was rewritten without it at open).
    for (const name of (await readdir(dir)).filter((f) => f.endsWith('.jsonl')))
      expect(await readFile(join(dir, name), 'utf8')).not.toContain('"id":"pat\0')
    await reopened.put({ ...patients[0]!, notes: 'after the crash' })
    await reopened.close()
    expect((await RosterStore.open({ dir })).get(patients[0]!.id)?.notes).toBe('after the crash')
  })
})

describe('versions', () => {
  it('refuses a file from a newer Homeplan and never touches it', async () => {
    const { dir, bytes } = await savedRoster()
    const newer = Buffer.from(bytes.toString('utf8').replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":7'))
    await writeFile(join(dir, ROSTER_FILE), newer)
    const store = await RosterStore.open({ dir })
    expect(store.health).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('newer version of Homeplan (file version 7'),
    })
    expect(() => store.put(syntheticPatients(1)[0]!)).toThrow(/newer version/)
    await store.compact()
    expect(await readFile(join(dir, ROSTER_FILE))).toEqual(newer)
  })

  it('migrates a v1 file after backing up the original', async () => {
    const dir = await tempDir()
    await copyFile('tests/fixtures/roster-v1.json', join(dir, ROSTER_FILE))
    const backedUp: string[] = []
    const store = await RosterStore.open({
      dir,
      beforeMigrate: async (file, version) => {
        backedUp.push(`${version}:${await readFile(file, 'utf8')}`)
      },
    })
    expect(backedUp).toEqual([`1:${await readFile('tests/fixtures/roster-v1.json', 'utf8')}`])
    expect(store.health).toEqual({ status: 'ready' })
    expect(store.get('v1-patient-0001')).toMatchObject({
      firstName: 'Anna',
      lastName: 'Łukasiewicz',
      dateOfBirth: '1956-03-14',
      chartNumber: 'A-1001',
      status: 'active',
      patientType: 'new',
      appointment: { days: [], timesOfDay: [], coverage: null },
    })
    expect(store.get('v1-patient-0002')).toMatchObject({
      firstName: 'Thị Mai',
      lastName: 'Nguyễn',
      status: 'discharged',
    })
    expect(store.get('v1-patient-0002')?.programs[0]?.items[0]?.dosage).toEqual({
      sets: 2,
      reps: { min: 10, max: 15 },
      holdSeconds: 5,
    })
    expect(JSON.parse(await readFile(join(dir, ROSTER_FILE), 'utf8'))).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      count: 2,
    })
  })
})

describe('a locked roster.json', () => {
  it('is retried while the lock is brief', async () => {
    const dir = await tempDir()
    let failures = 3
    const flaky: FsPort = {
      ...nodeFs,
      rename: async (from, to) => {
        if (failures-- > 0) throw errno('EBUSY')
        await nodeFs.rename(from, to)
      },
    }
    const store = await RosterStore.open({ dir, fs: flaky })
    for (const p of syntheticPatients(2)) await store.put(p)
    await store.compact()
    expect(failures).toBe(-1)
    expect(JSON.parse(await readFile(join(dir, ROSTER_FILE), 'utf8')).count).toBe(2)
  })

  it('reports a lasting lock, keeps the old file intact and loses no change', async () => {
    const { dir, bytes } = await savedRoster(2)
    const locked: FsPort = {
      ...nodeFs,
      rename: async (from, to) => {
        if (from.endsWith('.tmp')) throw errno('EPERM')
        await nodeFs.rename(from, to)
      },
    }
    const store = await RosterStore.open({ dir, fs: locked, retryForMs: 200 })
    await store.put({ ...syntheticPatients(1)[0]!, notes: 'kept in the journal' })
    await expect(store.compact()).rejects.toMatchObject({ code: 'io_error', message: expect.stringContaining('EPERM') })
    expect(await readFile(join(dir, ROSTER_FILE))).toEqual(bytes)
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    await store.close()
    expect((await RosterStore.open({ dir })).get('patient-000000')?.notes).toBe('kept in the journal')
  })
})
