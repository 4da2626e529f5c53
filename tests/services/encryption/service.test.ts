import { mkdtemp, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sealFolder } from '../../../electron/services/convert-folder'
import { folderCrypto } from '../../../electron/services/encryption/folder'
import { noKeyKeeper } from '../../../electron/services/encryption/key-keeper'
import { createEncryption } from '../../../electron/services/encryption/service'
import { createFolderKey } from '../../../electron/services/folder-key'
import { looksSealed } from '../../../electron/services/sealed-record'
import { dispatch } from '../../../src/core/dispatch'
import { FaultyFs } from '../../support/faulty-fs'
import { patientInput } from '../../support/patients'
import { testServices } from '../../support/services'

const PASSPHRASE = 'blue heron quiet river'

/** A data folder with a patient, settings and a library, written by the real services and closed. */
async function folderWithData() {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-encryption-'))
  const services = testServices(dataDir)
  const ok = async (method: Parameters<typeof dispatch>[1], arg?: unknown) => {
    const result = await dispatch(services.handlers, method, arg)
    if (!result.ok) throw new Error(result.error.message)
  }
  await ok('createPatient', patientInput({ lastName: 'Wojciechowska' }))
  await ok('updateSettings', { clinic: { name: 'Riverside Physical Therapy', layout: 'detailed' } })
  await ok('setFavourite', { id: 'clamshells', favourite: true })
  await services.idle()
  await services.close()
  return dataDir
}

const closedStores = <T>(work: () => Promise<T>) => work()

describe('turning encryption on and off (the service)', () => {
  it('a full disk half way through turning it on puts the folder back in the clear and says why', async () => {
    const dataDir = await folderWithData()
    // The roster's rewrite fails for lack of space, after settings and the library may already be sealed.
    const fs = new FaultyFs((operation, path) =>
      operation === 'write' && path.includes('.roster.json.') ? 'ENOSPC' : undefined,
    )
    const encryption = createEncryption({
      folder: folderCrypto(fs, dataDir),
      keeper: noKeyKeeper,
      withStoresClosed: closedStores,
    })
    await expect(encryption.turnOn(PASSPHRASE, false)).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(fs.injected.ENOSPC).toBeGreaterThan(0)
    expect(await encryption.status()).toMatchObject({ on: false, open: true })
    await expect(stat(join(dataDir, 'encryption.json'))).rejects.toThrow()
    for (const file of ['roster.json', 'settings.json', 'library.json']) {
      const bytes = await readFile(join(dataDir, file)).catch(() => undefined)
      if (bytes) expect(looksSealed(bytes), file).toBe(false)
    }
    expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toContain('Riverside Physical Therapy')
    // And it can be tried again once there is room.
    fs.plan = () => undefined
    expect(await encryption.turnOn(PASSPHRASE, false)).toMatchObject({ on: true, open: true })
  })

  it('a conversion a crash left half done is finished once the passphrase is entered', async () => {
    const dataDir = await folderWithData()
    const key = await createFolderKey(new FaultyFs(), dataDir, PASSPHRASE)
    // Killed while rewriting the roster: encryption.json says 'sealing', some files sealed, some not.
    const crashing = new FaultyFs((operation, path) =>
      operation === 'rename' && path.includes('.roster.json.') ? 'kill' : undefined,
    )
    void sealFolder(crashing, dataDir, key)
    await expect.poll(() => crashing.killed).toBe(true)
    await crashing.reap()
    expect(JSON.parse(await readFile(join(dataDir, 'encryption.json'), 'utf8')).state).toBe('sealing')

    const encryption = createEncryption({
      folder: folderCrypto(new FaultyFs(), dataDir),
      keeper: noKeyKeeper,
      withStoresClosed: closedStores,
    })
    expect(await encryption.status()).toMatchObject({ on: true, open: false })
    await expect(encryption.unlock('a wrong passphrase', undefined)).rejects.toMatchObject({
      code: 'wrong_passphrase',
    })
    expect(await encryption.unlock(PASSPHRASE, undefined)).toMatchObject({ on: true, open: true })
    expect(JSON.parse(await readFile(join(dataDir, 'encryption.json'), 'utf8')).state).toBe('sealed')
    for (const file of ['roster.json', 'settings.json', 'library.json'])
      expect(looksSealed(await readFile(join(dataDir, file))), file).toBe(true)
  })

  it('says a damaged key file as it is instead of starting as if the folder were not encrypted', async () => {
    const dataDir = await folderWithData()
    await createFolderKey(new FaultyFs(), dataDir, PASSPHRASE)
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(dataDir, 'encryption.json'), '{"format": "homeplan-encryption", "vers')
    const encryption = createEncryption({
      folder: folderCrypto(new FaultyFs(), dataDir),
      keeper: noKeyKeeper,
      withStoresClosed: closedStores,
    })
    await expect(encryption.status()).rejects.toMatchObject({ code: 'io_error' })
  })
})
