import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFolderKey, DEFAULT_SCRYPT, readKeyFile, unlockFolderKey } from '../../electron/services/folder-key'
import { nodeFs } from '../../electron/services/fs-port'
import { setMessageLanguage } from '../../src/i18n/say'

const folder = () => mkdtemp(join(tmpdir(), 'hp-folder-key-'))
/** Cheap parameters for tests that are not about the cost (the default is checked once below). */
const params = { N: 2 ** 10, r: 8, p: 1 }
const PASS = 'correct horse battery'

describe('the folder key', () => {
  it('derives the same key again from the right passphrase, with the default scrypt cost, and never writes it', async () => {
    const dir = await folder()
    const key = await createFolderKey(nodeFs, dir, PASS)
    expect(key).toHaveLength(32)
    expect(await unlockFolderKey(nodeFs, dir, PASS)).toEqual(key)
    const read = await readKeyFile(nodeFs, dir)
    expect(read).toMatchObject({
      state: 'present',
      file: { kdf: { name: 'scrypt', ...DEFAULT_SCRYPT }, state: 'sealing' },
    })
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17)
    expect(await readdir(dir)).toEqual(['encryption.json'])
    const raw = await readFile(join(dir, 'encryption.json'))
    for (const form of [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64'))])
      expect(raw.includes(form)).toBe(false)
  })

  it('gives every folder its own salt, so the same passphrase makes different keys', async () => {
    const [a, b] = [await folder(), await folder()]
    expect(await createFolderKey(nodeFs, a, PASS, { params })).not.toEqual(
      await createFolderKey(nodeFs, b, PASS, { params }),
    )
  })

  it('refuses a wrong passphrase before touching anything, said in English and Spanish', async () => {
    const dir = await folder()
    await createFolderKey(nodeFs, dir, PASS, { params })
    const before = await readFile(join(dir, 'encryption.json'))
    await expect(unlockFolderKey(nodeFs, dir, 'correct horse battery!')).rejects.toMatchObject({
      code: 'wrong_passphrase',
      message: expect.stringMatching(/does not open this data folder. Nothing was changed/),
    })
    setMessageLanguage('es')
    try {
      await expect(unlockFolderKey(nodeFs, dir, 'wrong wrong wrong')).rejects.toMatchObject({
        message: expect.stringMatching(/no abre esta carpeta de datos/),
      })
    } finally {
      setMessageLanguage('en')
    }
    expect(await readFile(join(dir, 'encryption.json'))).toEqual(before)
  })

  it('asks for at least 10 characters and says why, and never makes a second key for a folder', async () => {
    const dir = await folder()
    await expect(createFolderKey(nodeFs, dir, 'short pass', { params })).resolves.toHaveLength(32)
    await expect(createFolderKey(nodeFs, dir, PASS, { params })).rejects.toMatchObject({ code: 'conflict' })
    const other = await folder()
    await expect(createFolderKey(nodeFs, other, 'nine char', { params })).rejects.toMatchObject({
      code: 'invalid_argument',
      field: 'passphrase',
      message: expect.stringMatching(/at least 10 characters: it is the only thing protecting/),
    })
    expect(await readdir(other)).toEqual([])
  })

  it('tells a missing, a present and a damaged key file apart', async () => {
    const dir = await folder()
    expect(await readKeyFile(nodeFs, dir)).toEqual({ state: 'missing' })
    await createFolderKey(nodeFs, dir, PASS, { params })
    expect((await readKeyFile(nodeFs, dir)).state).toBe('present')
    await writeFile(join(dir, 'encryption.json'), '{"format":"homeplan-encryption"')
    expect(await readKeyFile(nodeFs, dir)).toMatchObject({
      state: 'damaged',
      reason: expect.stringMatching(/encryption\.json/),
    })
    await expect(unlockFolderKey(nodeFs, dir, PASS)).rejects.toMatchObject({ code: 'io_error' })
    await writeFile(join(dir, 'encryption.json'), JSON.stringify({ version: 9 }))
    expect(await readKeyFile(nodeFs, dir)).toMatchObject({ state: 'damaged', reason: expect.stringMatching(/newer/) })
  })
})
