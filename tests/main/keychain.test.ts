import { beforeEach, describe, expect, it, vi } from 'vitest'

const h = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret' }))

vi.mock('electron', () => ({
  safeStorage: {
    isAsyncEncryptionAvailable: async () => h.available,
    getSelectedStorageBackend: () => h.backend,
    encryptStringAsync: async (text: string) => Buffer.from(`os:${text}`),
    decryptStringAsync: async (sealed: Buffer) => ({ shouldReEncrypt: false, result: sealed.toString().slice(3) }),
  },
}))

const { electronKeychain } = await import('../../electron/main/keychain')

describe('the OS keychain through safeStorage', () => {
  beforeEach(() => {
    h.available = true
    h.backend = 'gnome_libsecret'
  })

  it('wraps and unwraps through the asynchronous API', async () => {
    const sealed = await electronKeychain.encrypt('secret')
    expect(sealed.toString()).toBe('os:secret')
    expect(await electronKeychain.decrypt(sealed)).toBe('secret')
  })

  it('is not available when safeStorage says so', async () => {
    h.available = false
    expect(await electronKeychain.available()).toBe(false)
  })

  it.runIf(process.platform === 'linux')('is not available on Linux when the key would be a plain one', async () => {
    expect(await electronKeychain.available()).toBe(true)
    h.backend = 'basic_text'
    expect(await electronKeychain.available()).toBe(false)
  })
})
