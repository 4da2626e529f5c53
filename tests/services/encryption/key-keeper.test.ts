import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createKeyKeeper, keptKeyFile, type OsKeychain } from '../../../electron/services/encryption/key-keeper'
import { nodeFs } from '../../../electron/services/fs-port'

/** A keychain that really transforms the text (so a test can tell wrapped from plain), per "user". */
const keychainOf = (user: string, available = true): OsKeychain => ({
  available: async () => available,
  encrypt: async (text) => Buffer.from(`${user}|${Buffer.from(text).toString('hex')}`),
  decrypt: async (sealed) => {
    const [owner, hex] = sealed.toString().split('|')
    if (owner !== user) throw new Error('another user')
    return Buffer.from(hex!, 'hex').toString()
  },
})

describe('remembering the folder key in the keychain', () => {
  let keysDir: string
  const key = Buffer.alloc(32, 7)
  beforeEach(async () => void (keysDir = await mkdtemp(join(tmpdir(), 'hp-keys-'))))
  afterEach(() => rm(keysDir, { recursive: true, force: true }))

  it('keeps the key wrapped by the keychain, outside the data folder, and gives it back', async () => {
    const keeper = createKeyKeeper(nodeFs, keysDir, '/data/clinic', keychainOf('ana'))
    expect(await keeper.recall()).toBeUndefined()
    await keeper.keep(key)
    const file = keptKeyFile(keysDir, '/data/clinic')
    const bytes = await readFile(file)
    expect(bytes.includes(key)).toBe(false)
    expect(bytes.toString()).not.toContain(key.toString('base64'))
    expect(await keeper.recall()).toEqual(key)
  })

  it('keeps one key per data folder', async () => {
    await createKeyKeeper(nodeFs, keysDir, '/data/a', keychainOf('ana')).keep(key)
    expect(await createKeyKeeper(nodeFs, keysDir, '/data/b', keychainOf('ana')).recall()).toBeUndefined()
  })

  it("recalls nothing from another user's keychain, a damaged file, or with no keychain", async () => {
    await createKeyKeeper(nodeFs, keysDir, '/d', keychainOf('ana')).keep(key)
    expect(await createKeyKeeper(nodeFs, keysDir, '/d', keychainOf('bob')).recall()).toBeUndefined()
    expect(await createKeyKeeper(nodeFs, keysDir, '/d', keychainOf('ana', false)).recall()).toBeUndefined()
    await writeFile(keptKeyFile(keysDir, '/d'), 'ana|00ff')
    expect(await createKeyKeeper(nodeFs, keysDir, '/d', keychainOf('ana')).recall()).toBeUndefined()
  })

  it('forgets: the file is gone, and forgetting twice is fine', async () => {
    const keeper = createKeyKeeper(nodeFs, keysDir, '/d', keychainOf('ana'))
    await keeper.keep(key)
    await keeper.forget()
    await keeper.forget()
    expect(await readdir(keysDir)).toEqual([])
    expect(await keeper.recall()).toBeUndefined()
  })
})
