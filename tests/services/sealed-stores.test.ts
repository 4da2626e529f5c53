/**
 * Every store of the data folder on an encrypted folder (sealedFs): what is written reads back the same, nothing
 * readable is left on disk, and a flipped byte is refused or reported with the damaged file kept byte for byte.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createAccessLog } from '../../electron/services/access-log'
import { nodeFs } from '../../electron/services/fs-port'
import { keepCopy, readCopy } from '../../electron/services/handout/copies'
import { JsonDocument } from '../../electron/services/json-document'
import { MediaStore } from '../../electron/services/library/media'
import { Backups } from '../../electron/services/roster/backups'
import { RosterStore, ROSTER_FILE } from '../../electron/services/roster/store'
import { sealedFs } from '../../electron/services/sealed-fs'
import { SEALED_MAGIC } from '../../electron/services/sealed-record'
import { createSettingsStore } from '../../electron/services/settings-store'
import type { HandoutInput } from '../../src/core/handout-model'
import { makePng } from '../support/images'
import { syntheticPatients } from '../support/patients'
import { allFiles } from '../support/files'

const key = randomBytes(32)
const fs = sealedFs(nodeFs, { key: () => key, sealWrites: () => true })
const locked = sealedFs(nodeFs, { key: () => undefined, sealWrites: () => true })
const folder = () => mkdtemp(join(tmpdir(), 'hp-sealed-stores-'))
const NAME = 'Zebulonia'
const patients = () => syntheticPatients(4, 1, 2).map((p, i) => ({ ...p, firstName: `${NAME}${i}` }))

const flip = (bytes: Buffer, at: number) => {
  const copy = Buffer.from(bytes)
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41
  return copy
}

/** A roster with a snapshot, journal lines after it and a backup, all through the sealed fs. */
async function sealedRoster(dir: string) {
  const store = await RosterStore.open({ dir, fs })
  const [a, b, c, d] = patients()
  await store.putMany([a!, b!])
  await store.compact()
  await store.put(c!)
  const backups = new Backups({ dir, fs })
  const backup = await backups.create(store, 'manual')
  await store.put(d!)
  await store.close()
  return { backup, all: [a!, b!, c!, d!] }
}

describe('the stores on an encrypted folder', () => {
  it('read back what they wrote (roster, journal, backups, settings, library, media, handout copies, access log), with no patient name on disk', async () => {
    const dir = await folder()
    const { backup, all } = await sealedRoster(dir)
    const store = await RosterStore.open({ dir, fs })
    expect(store.health.status).toBe('ready')
    expect(store.patients()).toEqual(all)
    const backups = new Backups({ dir, fs })
    expect((await backups.list()).find((b) => b.id === backup.id)).toMatchObject({ usable: true, patients: 3 })
    expect((await backups.restore(store, backup.id)).restored.patients).toBe(3)
    await store.close()

    const settings = createSettingsStore(dir, undefined, undefined, fs)
    await settings.update({ colorScheme: 'dark' })
    expect((await createSettingsStore(dir, undefined, undefined, fs).get()).colorScheme).toBe('dark')

    const schema = z.object({ notes: z.array(z.string()) })
    const doc = () =>
      new JsonDocument({ file: join(dir, 'library.json'), schema, empty: () => ({ notes: [] }), consequence: 'x', fs })
    await doc().update((d) => void d.notes.push(`${NAME} likes bands`))
    expect((await doc().read()).notes).toEqual([`${NAME} likes bands`])

    const png = makePng()
    const media = new MediaStore(dir, fs)
    const name = await media.put(png)
    expect(await new MediaStore(dir, fs).stored(name)).toEqual(png)

    const input = JSON.parse(await readFile('docs/handout-example.json', 'utf8')) as HandoutInput
    const copy = { patientId: all[0]!.id, handoutId: 'handout-000001', path: `/tmp/${NAME}.pdf`, input }
    await keepCopy(dir, copy, fs)
    expect((await readCopy(dir, copy.patientId, copy.handoutId, fs)).path).toBe(copy.path)

    const log = createAccessLog({ fs, dir, report: () => {} })
    log.record({ who: `${NAME} PT`, action: 'viewed', patientId: all[0]!.id, initials: 'ZQ' })
    await log.close()
    expect((await createAccessLog({ fs, dir, report: () => {} }).read()).map((e) => e.who)).toEqual([`${NAME} PT`])

    const files = await allFiles(dir)
    expect(files.length).toBeGreaterThan(8)
    for (const file of files) {
      const raw = await readFile(join(dir, file))
      expect(raw.includes(NAME), file).toBe(false)
      expect(raw.includes(png.subarray(0, 16)), file).toBe(false)
      // An empty file (a journal started for the next change) holds nothing to seal.
      expect(raw.length === 0 || raw.toString('latin1').startsWith(SEALED_MAGIC), file).toBe(true)
    }
  })

  it('refuses to open any of them without the key, and changes nothing', async () => {
    const dir = await folder()
    await sealedRoster(dir)
    await createSettingsStore(dir, undefined, undefined, fs).update({ colorScheme: 'dark' })
    const before = await Promise.all((await allFiles(dir)).map((f) => readFile(join(dir, f))))
    const store = await RosterStore.open({ dir, fs: locked })
    expect(store.health).toEqual({ status: 'refused', reason: expect.stringMatching(/encrypted and locked/) })
    await store.close()
    await expect(createSettingsStore(dir, undefined, undefined, locked).get()).rejects.toMatchObject({ code: 'locked' })
    const after = await Promise.all((await allFiles(dir)).map((f) => readFile(join(dir, f))))
    expect(after).toEqual(before)
  })

  it('sends a roster.json with a flipped byte to recovery, keeping its bytes unchanged aside', async () => {
    const dir = await folder()
    await sealedRoster(dir)
    const tampered = flip(await readFile(join(dir, ROSTER_FILE)), 200)
    await writeFile(join(dir, ROSTER_FILE), tampered)
    const store = await RosterStore.open({ dir, fs })
    expect(store.health.status).toBe('recovery')
    const aside = (await readdir(dir)).find((n) => n.startsWith(`${ROSTER_FILE}.quarantined-`))!
    expect(await readFile(join(dir, aside))).toEqual(tampered)
    await store.close()
  })

  it('reports a journal record with a flipped byte as damage, keeps the file aside as it was, and keeps every other change', async () => {
    const dir = await folder()
    const { all } = await sealedRoster(dir)
    const journal = (await readdir(dir)).find((n) => n.startsWith('roster.journal.'))!
    const raw = await readFile(join(dir, journal))
    const tampered = flip(raw, raw.length - 30)
    await writeFile(join(dir, journal), tampered)
    const store = await RosterStore.open({ dir, fs })
    expect(store.health).toMatchObject({ status: 'ready', warnings: [expect.stringMatching(/damaged|could not/i)] })
    expect(store.list().map((p) => p.id)).toEqual(all.slice(0, 3).map((p) => p.id))
    const aside = (await readdir(dir)).find((n) => n.startsWith(`${journal}.quarantined-`))!
    expect(await readFile(join(dir, aside))).toEqual(tampered)
    await store.close()
  })

  it('takes a journal record cut off by a crash for a torn tail: cut back at the next start, every acknowledged change kept', async () => {
    const dir = await folder()
    const { all } = await sealedRoster(dir)
    const journal = (await readdir(dir)).find((n) => n.startsWith('roster.journal.'))!
    const raw = await readFile(join(dir, journal))
    // Half of one more record reached the disk (a process killed in the middle of an append).
    const lastLine = raw.subarray(raw.lastIndexOf(0x0a, raw.length - 2) + 1)
    await writeFile(join(dir, journal), Buffer.concat([raw, lastLine.subarray(0, 40)]))
    const store = await RosterStore.open({ dir, fs })
    expect(store.health).toEqual({ status: 'ready' })
    expect(store.patients()).toEqual(all)
    expect((await readdir(dir)).some((n) => n.includes('quarantined'))).toBe(false)
    const [extra] = syntheticPatients(5, 0, 0).slice(4)
    await store.put(extra!)
    await store.close()
    const reopened = await RosterStore.open({ dir, fs })
    expect(reopened.health).toEqual({ status: 'ready' })
    expect(reopened.list().map((p) => p.id)).toEqual([...all, extra!].map((p) => p.id))
    await reopened.close()
  })

  it('marks a backup with a flipped byte unusable and leaves it exactly as it is', async () => {
    const dir = await folder()
    const { backup } = await sealedRoster(dir)
    const path = join(dir, 'backups', backup.id)
    const tampered = flip(await readFile(path), 120)
    await writeFile(path, tampered)
    const [listed] = await new Backups({ dir, fs }).list()
    expect(listed).toMatchObject({ id: backup.id, usable: false })
    const store = await RosterStore.open({ dir, fs })
    await expect(new Backups({ dir, fs }).restore(store, backup.id)).rejects.toMatchObject({ code: 'conflict' })
    await store.close()
    expect(await readFile(path)).toEqual(tampered)
  })

  it('keeps a library.json with a flipped byte aside byte for byte, tells the user, and never writes over it', async () => {
    const dir = await folder()
    const file = join(dir, 'library.json')
    const schema = z.object({ notes: z.array(z.string()) })
    const notify = vi.fn()
    const doc = () =>
      new JsonDocument({ file, schema, empty: () => ({ notes: [] }), consequence: 'the list starts empty', notify, fs })
    await doc().update((d) => void d.notes.push('kept'))
    const tampered = flip(await readFile(file), 90)
    await writeFile(file, tampered)
    const reopened = doc()
    expect(await reopened.read()).toEqual({ notes: [] })
    expect(notify).toHaveBeenCalledOnce()
    const aside = (await readdir(dir)).find((n) => n.startsWith('library.json.damaged-'))!
    expect(await readFile(join(dir, aside))).toEqual(tampered)
    await reopened.update((d) => void d.notes.push('new'))
    expect(await readFile(join(dir, aside))).toEqual(tampered)
    expect((await stat(join(dir, aside))).mode & 0o777).toBe(0o600)
  })
})
