import { safeStorage } from 'electron'
import type { OsKeychain } from '../services/encryption/key-keeper'

/**
 * The OS keychain through Electron's safeStorage (its asynchronous API; the synchronous one goes away in Electron 46).
 * On Linux with no secret service safeStorage falls back to a key written in Electron itself ('basic_text'): that
 * protects nothing, so Homeplan says the keychain is not available there rather than pretend.
 */
export const electronKeychain: OsKeychain = {
  available: async () =>
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
  encrypt: (text) => safeStorage.encryptStringAsync(text),
  decrypt: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
}
