/**
 * Turning encryption on and off for a whole data folder, and a crash at every single file operation of it: after
 * `resumeConversion` with the key, every patient is there and every file is in the target form.
 */
import { cp, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createAccessLog } from '../../electron/services/access-log'
import { TEMP_NAME } from '../../electron/services/atomic-write'
import { resumeConversion, sealFolder, unsealFolder } from '../../electron/services/convert-folder'
import { WINDOW_STATE_FILE } from '../../electron/main/window-state'
import { LOCK_FILE } from '../../electron/services/data-lock'
import { createFolderKey, readKeyFile } from '../../electron/services/folder-key'
import { nodeFs, type FsPort } from '../../electron/services/fs-port'
import { keepCopy } from '../../electron/services/handout/copies'
import { JsonDocument } from '../../electron/services/json-document'
import { MediaStore } from '../../electron/services/library/media'
import { Backups } from '../../electron/services/roster/backups'
import { RosterStore } from '../../electron/services/roster/store'
import { KEY_FILE, sealedFs } from '../../electron/services/sealed-fs'
import { SEALED_MAGIC } from '../../electron/services/sealed-record'
import { createSettingsStore } from '../../electron/services/settings-store'
import type { HandoutInput } from '../../src/core/handout-model'
import { FaultyFs } from '../support/faulty-fs'
import { makePng } from '../support/images'
import { syntheticPatients } from '../support/patients'
import { allFiles } from '../support/files'

const NAME = 'Zebulonia'
const PASS = 'correct horse battery'
const params = { N: 2 ** 10, r: 8, p: 1 }
const folder = () => mkdtemp(join(tmpdir(), 'hp-convert-'))
let template: string
let ids: string[]

/** A plain folder with every kind of data file: roster, journal, backup, settings, library, media, a handout copy, the access log. */
beforeAll(async () => {
  template = await folder()
  const patients = syntheticPatients(4, 1, 2).map((p, i) => ({ ...p, firstName: `${NAME}${i}` }))
  ids = patients.map((p) => p.id)
  const store = await RosterStore.open({ dir: template })
  await store.putMany(patients.slice(0, 3))
  await new Backups({ dir: template }).create(store, 'manual')
  await store.put(patients[3]!)
  await store.close()
  await createSettingsStore(template).update({ colorScheme: 'dark' })
  const schema = z.object({ notes: z.array(z.string()) })
  await new JsonDocument({
    file: join(template, 'library.json'),
    schema,
    empty: () => ({ notes: [] }),
    consequence: 'x',
  }).update((d) => void d.notes.push(`${NAME} likes bands`))
  await new MediaStore(template).put(makePng())
  const input = JSON.parse(await readFile('docs/handout-example.json', 'utf8')) as HandoutInput
  await keepCopy(template, { patientId: ids[0]!, handoutId: 'handout-000001', path: `/x/${NAME}.pdf`, input })
  const log = createAccessLog({ fs: nodeFs, dir: template, report: () => {} })
  log.record({ who: `${NAME} PT`, action: 'viewed', patientId: ids[0]!, initials: 'ZQ' })
  await log.close()
  await writeFile(join(template, LOCK_FILE), '{"pid":1}')
  await writeFile(join(template, WINDOW_STATE_FILE), '{"maximized":true}')
  // What a save cut off by a crash of another run left: a whole plaintext copy.
  await writeFile(join(template, 'media', '.library.json.99999.0123456789ab.tmp'), `{"notes":["${NAME}"]}`)
})

async function copyOfTemplate(): Promise<string> {
  const dir = await folder()
  await cp(template, dir, { recursive: true })
  return dir
}

const snapshot = async (dir: string) =>
  Object.fromEntries(await Promise.all((await allFiles(dir)).map(async (f) => [f, await readFile(join(dir, f))])))

/** Every patient opens through `fs`, and every data file is in the expected form (no patient name when sealed). */
async function expectFolder(dir: string, fs: FsPort, sealed: boolean, where: string) {
  const store = await RosterStore.open({ dir, fs })
  expect(store.health.status, where).toBe('ready')
  expect(
    store
      .list()
      .map((p) => p.id)
      .sort(),
    where,
  ).toEqual([...ids].sort())
  await store.close()
  for (const file of await allFiles(dir)) {
    const raw = await readFile(join(dir, file))
    const name = file.split('/').at(-1)!
    if (name === LOCK_FILE || name === KEY_FILE || name === WINDOW_STATE_FILE) {
      expect(raw.toString('latin1').startsWith(SEALED_MAGIC), `${where}: ${file}`).toBe(false)
      continue
    }
    if (sealed) expect(raw.includes(NAME), `${where}: ${file} holds a patient name`).toBe(false)
    if (raw.length === 0 || TEMP_NAME.test(name)) continue
    // A before-decryption copy stays sealed on purpose (it opens with its own copy of encryption.json).
    const keptSealed = sealed || file.includes('before-decryption-')
    expect(raw.toString('latin1').startsWith(SEALED_MAGIC), `${where}: ${file}`).toBe(keptSealed)
  }
}

/**
 * Where to crash: every operation in the long run (HOMEPLAN_LONG); in the unit run the first and last ten (the
 * marker, the copy's start, the last rewrites and the marker cleared) and every 11th between, so each phase is hit.
 */
const crashPoints = (total: number) =>
  [...Array(total).keys()].filter((n) => process.env['HOMEPLAN_LONG'] || n < 10 || n >= total - 10 || n % 11 === 0)

/** A file system that fails every operation from the `after`-th on (a disk gone, a process stopped there). */
const failingAfter = (after: number) => {
  let n = 0
  return new FaultyFs(() => (n++ >= after ? 'EIO' : undefined))
}

describe('converting a data folder', () => {
  it('seals every data file (and the copy made before), leaves the lock and key file plain, and opens with the key', async () => {
    const dir = await copyOfTemplate()
    const key = await createFolderKey(nodeFs, dir, PASS, { params })
    await sealFolder(nodeFs, dir, key)
    const fs = sealedFs(nodeFs, { key: () => key, sealWrites: () => true })
    await expectFolder(dir, fs, true, 'sealed')
    expect(await readKeyFile(nodeFs, dir)).toMatchObject({ state: 'present', file: { state: 'sealed' } })
    expect(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8')).toBe('{"maximized":true}')
    // The key itself is in no file, in any form.
    for (const file of await allFiles(dir)) {
      const raw = await readFile(join(dir, file))
      for (const form of [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64'))])
        expect(raw.includes(form), file).toBe(false)
    }
    const [copy] = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('before-encryption-'))
    expect(copy).toBeDefined()
    const copied = await allFiles(join(dir, 'backups', copy!))
    expect(copied).toContain('roster.json')
    expect((await stat(join(dir, 'backups', copy!))).mode & 0o777).toBe(0o700)
    for (const f of copied) expect((await stat(join(dir, 'backups', copy!, f))).mode & 0o777).toBe(0o600)
    // The copy reads as the folder did before.
    expect(await fs.readFile(join(dir, 'backups', copy!, 'library.json'))).toEqual(
      await readFile(join(template, 'library.json')),
    )
  })

  it('refuses a wrong key for either direction and changes nothing', async () => {
    const dir = await copyOfTemplate()
    const key = await createFolderKey(nodeFs, dir, PASS, { params })
    const before = await snapshot(dir)
    const wrong = Buffer.alloc(32, 7)
    await expect(sealFolder(nodeFs, dir, wrong)).rejects.toMatchObject({ code: 'wrong_passphrase' })
    expect(await snapshot(dir)).toEqual(before)
    await sealFolder(nodeFs, dir, key)
    const sealed = await snapshot(dir)
    await expect(unsealFolder(nodeFs, dir, wrong)).rejects.toMatchObject({ code: 'wrong_passphrase' })
    expect(await snapshot(dir)).toEqual(sealed)
  })

  it('unseals every file back (the earlier copy too) and removes encryption.json last', async () => {
    const dir = await copyOfTemplate()
    const key = await createFolderKey(nodeFs, dir, PASS, { params })
    await sealFolder(nodeFs, dir, key)
    await unsealFolder(nodeFs, dir, key)
    await expectFolder(dir, nodeFs, false, 'unsealed')
    expect(await readKeyFile(nodeFs, dir)).toEqual({ state: 'missing' })
    expect(await readFile(join(dir, 'library.json'))).toEqual(await readFile(join(template, 'library.json')))
  })

  it('finishes sealing after a crash at any operation, with every patient there and no plaintext left', async () => {
    const probe = await copyOfTemplate()
    const probeKey = await createFolderKey(nodeFs, probe, PASS, { params })
    const counting = new FaultyFs()
    await sealFolder(counting, probe, probeKey)
    const total = counting.operations
    expect(total).toBeGreaterThan(40)
    for (const after of crashPoints(total)) {
      const dir = await copyOfTemplate()
      const key = await createFolderKey(nodeFs, dir, PASS, { params })
      // (A failure near the end may be one the conversion rides over, such as a folder that cannot be flushed.)
      await sealFolder(failingAfter(after), dir, key).catch(() => {})
      // Until it is finished the folder opens with the key, whatever mix of forms it holds.
      const fs = sealedFs(nodeFs, { key: () => key, sealWrites: () => true })
      const midway = await RosterStore.open({ dir, fs, readOnly: 'peek' })
      expect(midway.list(), `after ${after}`).toHaveLength(ids.length)
      await midway.close()
      expect([null, 'sealed']).toContain(await resumeConversion(nodeFs, dir, key))
      await expectFolder(dir, fs, true, `crash after ${after} of ${total} operations`)
    }
  }, 60_000)

  it('finishes unsealing after a crash at any operation', async () => {
    const sealed = await copyOfTemplate()
    const key = await createFolderKey(nodeFs, sealed, PASS, { params })
    await sealFolder(nodeFs, sealed, key)
    const probe = await folder()
    await cp(sealed, probe, { recursive: true })
    const counting = new FaultyFs()
    await unsealFolder(counting, probe, key)
    const total = counting.operations
    for (const after of crashPoints(total)) {
      const dir = await folder()
      await cp(sealed, dir, { recursive: true })
      await unsealFolder(failingAfter(after), dir, key).catch(() => {})
      const fs = sealedFs(nodeFs, { key: () => key, sealWrites: () => true })
      const midway = await RosterStore.open({ dir, fs, readOnly: 'peek' })
      expect(midway.list(), `after ${after}`).toHaveLength(ids.length)
      await midway.close()
      // A crash before the marker was written left the folder sealed as it was: unsealing is simply asked again.
      if ((await resumeConversion(nodeFs, dir, key)) === null && (await readKeyFile(nodeFs, dir)).state === 'present') {
        expect(await readKeyFile(nodeFs, dir), `after ${after}`).toMatchObject({ file: { state: 'sealed' } })
        await unsealFolder(nodeFs, dir, key)
      }
      await expectFolder(dir, nodeFs, false, `crash after ${after} of ${total} operations`)
    }
  }, 60_000)
})
