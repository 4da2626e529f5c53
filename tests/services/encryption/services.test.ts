import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ServiceDeps } from '../../../electron/services'
import { sealFolder } from '../../../electron/services/convert-folder'
import { createKeyKeeper, type OsKeychain } from '../../../electron/services/encryption/key-keeper'
import { createFolderKey } from '../../../electron/services/folder-key'
import { nodeFs } from '../../../electron/services/fs-port'
import type { Method } from '../../../src/core/contract'
import type { EncryptionStatus } from '../../../src/core/encryption'
import type { Patient, PatientSummary } from '../../../src/core/patient'
import { patientInput } from '../../support/patients'
import { FaultyFs } from '../../support/faulty-fs'
import { callsOn, testServices } from '../../support/services'

const PASSPHRASE = 'blue heron quiet river'
/** Names no file of an encrypted folder may hold in the clear. */
const NAMES = ['Wojciechowska', 'Riverside Physical Therapy', 'Premera', 'MRN-4471']

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  const walk = async (rel: string) => {
    for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
      const path = join(rel, entry.name)
      if (entry.isDirectory()) await walk(path)
      else out.set(path, await readFile(join(dir, path)))
    }
  }
  await walk('')
  return out
}

const fingerprint = async (dir: string) => {
  const hash = createHash('sha256')
  for (const [path, bytes] of [...(await filesUnder(dir))].sort(([a], [b]) => a.localeCompare(b)))
    if (!path.endsWith('homeplan.lock')) hash.update(path).update(bytes)
  return hash.digest('hex')
}

/** A keychain that really transforms what it keeps, as the OS's would. */
const keychain: OsKeychain = {
  available: async () => true,
  encrypt: async (text) => Buffer.from(text).reverse(),
  decrypt: async (sealed) => Buffer.from(sealed).reverse().toString(),
}

async function open(dataDir: string, overrides: Partial<ServiceDeps> = {}) {
  const services = testServices(dataDir, overrides)
  return { services, ...callsOn(services.handlers) }
}

/** A folder with one patient (with a program), clinic settings and a custom exercise. */
async function clinicFolder(overrides: Partial<ServiceDeps> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-encrypted-'))
  const app = await open(dataDir, overrides)
  await app.value('updateSettings', { clinic: { name: 'Riverside Physical Therapy', layout: 'detailed' } })
  const patient = await app.value<Patient>(
    'createPatient',
    patientInput({ lastName: 'Wojciechowska', chartNumber: 'MRN-4471' }),
  )
  await app.value('saveProgram', {
    patientId: patient.id,
    program: {
      title: 'Hip strength',
      status: 'current',
      items: [
        {
          id: 'item-000001',
          exerciseId: 'clamshells',
          dosage: { sets: 2, reps: { min: 10, max: 10 }, timesPerDay: 1, side: 'both' },
        },
      ],
    },
  })
  return { dataDir, app, patient }
}

const plainNamesIn = async (dir: string) => {
  const found: string[] = []
  for (const [path, bytes] of await filesUnder(dir))
    for (const name of NAMES) if (bytes.includes(Buffer.from(name))) found.push(`${name} in ${path}`)
  return found
}

describe('encryption at rest through the services (issue 17)', () => {
  it('turns on: nothing readable in any file, the same data still there, and a restart asks for the passphrase', async () => {
    const { dataDir, app, patient } = await clinicFolder()
    await app.services.idle()
    expect(await plainNamesIn(dataDir)).not.toEqual([])
    const on = await app.value<EncryptionStatus>('turnOnEncryption', { passphrase: PASSPHRASE, remember: false })
    expect(on).toMatchObject({ on: true, open: true, remembered: false })
    expect((await app.value<Patient>('getPatient', { id: patient.id })).programs[0]?.title).toBe('Hip strength')
    // Changes after the conversion are sealed too.
    await app.value('updatePatient', {
      id: patient.id,
      revision: (await app.value<Patient>('getPatient', { id: patient.id })).revision,
      patient: patientInput({ lastName: 'Wojciechowska', chartNumber: 'MRN-4471', notes: 'Premera prior auth' }),
    })
    await app.services.idle()
    await app.services.close()
    expect(await plainNamesIn(dataDir)).toEqual([])

    const later = await open(dataDir)
    expect(await later.value('getEncryption')).toMatchObject({ on: true, open: false })
    const before = await fingerprint(dataDir)
    for (const method of ['listPatients', 'getSettings', 'getLibrary', 'getAccessLog'] as Method[]) {
      const refused = await later.call(method, method === 'getAccessLog' ? { page: 0, pageSize: 10 } : undefined)
      expect(refused, method).toMatchObject({ ok: false, error: { code: 'locked' } })
    }
    const wrong = await later.call('unlockData', { passphrase: 'blue heron quiet rivers' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } })
    expect(await fingerprint(dataDir)).toBe(before)

    expect(await later.value('unlockData', { passphrase: PASSPHRASE })).toMatchObject({ on: true, open: true })
    const [summary] = await later.value<PatientSummary[]>('listPatients')
    expect(summary?.lastName).toBe('Wojciechowska')
    expect((await later.value<Patient>('getPatient', { id: patient.id })).notes).toBe('Premera prior auth')
  })

  it('turns off with the passphrase: the folder is plain again and opens without asking', async () => {
    const { dataDir, app, patient } = await clinicFolder()
    await app.value('turnOnEncryption', { passphrase: PASSPHRASE, remember: false })
    expect(await app.call('turnOffEncryption', { passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    })
    expect(await app.value('turnOffEncryption', { passphrase: PASSPHRASE })).toMatchObject({ on: false, open: true })
    await app.services.close()
    await expect(stat(join(dataDir, 'encryption.json'))).rejects.toThrow()
    expect((await readFile(join(dataDir, 'settings.json'), 'utf8')).includes('Riverside Physical Therapy')).toBe(true)
    const later = await open(dataDir)
    expect(await later.value('getEncryption')).toMatchObject({ on: false, open: true })
    expect((await later.value<Patient>('getPatient', { id: patient.id })).lastName).toBe('Wojciechowska')
  })

  it('remembered in the keychain, this computer opens it without the passphrase until told to forget', async () => {
    const keysDir = await mkdtemp(join(tmpdir(), 'hp-keys-'))
    const dataDir = await mkdtemp(join(tmpdir(), 'hp-encrypted-'))
    const keeper = () => ({ keyKeeper: createKeyKeeper(nodeFs, keysDir, dataDir, keychain) })
    const first = await open(dataDir, keeper())
    await first.value('createPatient', patientInput({ lastName: 'Wojciechowska' }))
    expect(await first.value('turnOnEncryption', { passphrase: PASSPHRASE, remember: true })).toMatchObject({
      remembered: true,
      canRemember: true,
    })
    await first.services.close()

    const second = await open(dataDir, keeper())
    expect(await second.value('getEncryption')).toMatchObject({ on: true, open: true, remembered: true })
    expect(await second.value<PatientSummary[]>('listPatients')).toHaveLength(1)
    expect(await second.value('forgetDataKey')).toMatchObject({ remembered: false })
    await second.services.close()

    const third = await open(dataDir, keeper())
    expect(await third.value('getEncryption')).toMatchObject({ on: true, open: false })
    // Without a keychain (the browser bridge), remembering is refused with its reason and nothing changes.
    const none = await open(await mkdtemp(join(tmpdir(), 'hp-encrypted-')))
    expect(await none.call('turnOnEncryption', { passphrase: PASSPHRASE, remember: true })).toMatchObject({
      ok: false,
      error: { field: 'remember' },
    })
    expect(await none.value('getEncryption')).toMatchObject({ on: false })
  })

  it('a window locked after inactivity opens with the passphrase, no PIN needed', async () => {
    const { app } = await clinicFolder()
    await app.value('turnOnEncryption', { passphrase: PASSPHRASE, remember: false })
    expect(await app.value('lockNow')).toEqual({ locked: true })
    expect(await app.call('listPatients')).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(await app.call('unlockData', { passphrase: 'a wrong passphrase' })).toMatchObject({ ok: false })
    expect(await app.call('listPatients')).toMatchObject({ ok: false, error: { code: 'locked' } })
    await app.value('unlockData', { passphrase: PASSPHRASE })
    expect(await app.value<PatientSummary[]>('listPatients')).toHaveLength(1)
  })

  it('refuses a short passphrase before anything is written', async () => {
    const { dataDir, app } = await clinicFolder()
    await app.services.idle()
    const before = await fingerprint(dataDir)
    expect(await app.call('turnOnEncryption', { passphrase: 'short', remember: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', field: 'passphrase' },
    })
    expect(await fingerprint(dataDir)).toBe(before)
  })

  it('a plain file put into an encrypted folder is refused, not trusted, and nothing is changed', async () => {
    const { dataDir, app } = await clinicFolder()
    await app.value('turnOnEncryption', { passphrase: PASSPHRASE, remember: false })
    await app.services.close()
    // Someone with access to the folder swaps in a roster of their own, unencrypted.
    const other = await mkdtemp(join(tmpdir(), 'hp-plain-'))
    const plain = await open(other)
    await plain.value('createPatient', patientInput({ lastName: 'Impostor' }))
    await plain.services.close()
    await writeFile(join(dataDir, 'roster.json'), await readFile(join(other, 'roster.json')))
    const before = await fingerprint(dataDir)

    const later = await open(dataDir)
    await later.value('unlockData', { passphrase: PASSPHRASE })
    // The roster is refused with the reason (the roster page shows it), none of the impostor's patients listed.
    expect(await later.value('getRosterStatus')).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/roster\.json is not encrypted/),
    })
    expect(await later.value('listPatients')).toEqual([])
    await later.services.close()
    expect(await fingerprint(dataDir)).toBe(before)
  })

  it('encrypted files in a folder whose encryption.json is gone say so, instead of asking for a passphrase', async () => {
    const { dataDir, app } = await clinicFolder()
    await app.value('turnOnEncryption', { passphrase: PASSPHRASE, remember: false })
    await app.services.close()
    await rm(join(dataDir, 'encryption.json'))
    const before = await fingerprint(dataDir)
    const later = await open(dataDir)
    expect(await later.value('getEncryption')).toMatchObject({ on: false })
    expect(await later.call('getSettings')).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: /settings\.json is encrypted, but this data folder has no encryption\.json/ },
    })
    expect(await later.value('getRosterStatus')).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/no encryption\.json/),
    })
    await later.services.close()
    expect(await fingerprint(dataDir)).toBe(before)
  })

  it('changes the passphrase: the old one no longer opens the folder, the new one does, the data is as it was', async () => {
    const { dataDir, app, patient } = await clinicFolder()
    await app.value('turnOnEncryption', { passphrase: PASSPHRASE, remember: false })
    const NEW = 'grey owl winter lantern'
    expect(await app.call('changePassphrase', { current: 'not the passphrase', passphrase: NEW })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    })
    expect(await app.call('changePassphrase', { current: PASSPHRASE, passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { field: 'passphrase' },
    })
    await app.services.idle()
    const roster = await readFile(join(dataDir, 'roster.json'))
    expect(await app.value('changePassphrase', { current: PASSPHRASE, passphrase: NEW })).toMatchObject({
      on: true,
      open: true,
    })
    // Only encryption.json was written again: the data keeps its key.
    expect((await readFile(join(dataDir, 'roster.json'))).equals(roster)).toBe(true)
    await app.services.close()

    const later = await open(dataDir)
    expect(await later.call('unlockData', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    })
    await later.value('unlockData', { passphrase: NEW })
    expect((await later.value<Patient>('getPatient', { id: patient.id })).lastName).toBe('Wojciechowska')
    // And again: a second change works from the first.
    await later.value('changePassphrase', { current: NEW, passphrase: PASSPHRASE })
    await later.services.close()
    const third = await open(dataDir)
    await third.value('unlockData', { passphrase: PASSPHRASE })
    expect(await third.value<PatientSummary[]>('listPatients')).toHaveLength(1)
  })

  it('a crash half way through turning it on is finished by the app when the passphrase is entered', async () => {
    const { dataDir, app, patient } = await clinicFolder()
    await app.services.idle()
    await app.services.close()
    const key = await createFolderKey(nodeFs, dataDir, PASSPHRASE)
    const crashing = new FaultyFs((operation, path) =>
      operation === 'rename' && path.includes('.settings.json.') ? 'kill' : undefined,
    )
    void sealFolder(crashing, dataDir, key)
    await expect.poll(() => crashing.killed).toBe(true)
    await crashing.reap()

    const later = await open(dataDir)
    expect(await later.value('getEncryption')).toMatchObject({ on: true, open: false })
    expect(await later.call('listPatients')).toMatchObject({ ok: false, error: { code: 'locked' } })
    await later.value('unlockData', { passphrase: PASSPHRASE })
    expect((await later.value<Patient>('getPatient', { id: patient.id })).lastName).toBe('Wojciechowska')
    expect(await later.value('getSettings')).toMatchObject({ clinic: { name: 'Riverside Physical Therapy' } })
    await later.services.idle()
    await later.services.close()
    expect(JSON.parse(await readFile(join(dataDir, 'encryption.json'), 'utf8')).state).toBe('sealed')
    expect(await plainNamesIn(dataDir)).toEqual([])
  })
})
