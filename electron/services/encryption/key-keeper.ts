/**
 * "Remember the passphrase on this computer" (issue 17): the folder's key, wrapped by the operating system's keychain
 * (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux), in a file outside the
 * data folder. A stolen data folder or backup holds no usable key; a stolen unlocked laptop user account does, as
 * it would with any keychain. Plain Node: the app passes safeStorage's three functions in.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { writeAtomic } from '../atomic-write'
import { errnoOf, type FsPort } from '../fs-port'

export interface OsKeychain {
  /** False where the OS offers no protected store (Linux with no secret service: safeStorage would use a plain key). */
  available(): Promise<boolean>
  encrypt(text: string): Promise<Buffer>
  decrypt(sealed: Buffer): Promise<string>
}

export interface KeyKeeper {
  available(): Promise<boolean>
  recall(): Promise<Buffer | undefined>
  keep(key: Buffer): Promise<void>
  forget(): Promise<void>
}

/** One file per data folder (a computer may open more than one), named by a hash of the folder's path. */
export const keptKeyFile = (keysDir: string, dataDir: string) =>
  join(keysDir, `data-key-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.bin`)

export function createKeyKeeper(fs: FsPort, keysDir: string, dataDir: string, keychain: OsKeychain): KeyKeeper {
  const file = keptKeyFile(keysDir, dataDir)
  return {
    available: () => keychain.available(),
    recall: async () => {
      try {
        if (!(await keychain.available())) return undefined
        const key = Buffer.from(await keychain.decrypt(await fs.readFile(file)), 'base64')
        return key.length === 32 ? key : undefined
      } catch {
        // Missing, or wrapped by another user's keychain: the passphrase is asked for, as without it.
        return undefined
      }
    },
    keep: async (key) => {
      await fs.mkdir(keysDir, { recursive: true, mode: 0o700 })
      await writeAtomic(fs, file, [await keychain.encrypt(key.toString('base64'))])
    },
    forget: async () => {
      try {
        await fs.rm(file)
      } catch (error) {
        if (errnoOf(error) !== 'ENOENT') throw error
      }
    },
  }
}

/** The browser bridge and tests without a keychain: nothing is ever remembered. */
export const noKeyKeeper: KeyKeeper = {
  available: async () => false,
  recall: async () => undefined,
  keep: async () => {},
  forget: async () => {},
}
