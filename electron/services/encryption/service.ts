/**
 * Encryption at rest as the services see it (issue 17): whether the data folder is sealed, the key in memory, and
 * turning it on and off. The sealing itself (the cipher, the key file, rewriting the folder) is in the modules this
 * takes as `folder`; the stores read and write through `fs`, which seals while the folder is on and opens with the
 * key held here. Plain Node: the keychain comes in as a KeyKeeper.
 */
import type { EncryptionStatus } from '../../../src/core/encryption'
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import type { KeyKeeper } from './key-keeper'

/** What the sealing modules offer (electron/services/sealed-fs.ts, folder-key.ts, convert-folder.ts). */
export interface FolderCrypto {
  /** Whether the folder has a key file, and whether a conversion was left half done. */
  state(): Promise<'off' | 'on' | 'sealing' | 'unsealing'>
  /** A new key file for `passphrase`; returns the key. */
  create(passphrase: string): Promise<Buffer>
  /** The key for `passphrase`, or a 'wrong passphrase' failure with nothing touched. */
  unlock(passphrase: string): Promise<Buffer>
  /** Whether `key` is this folder's (a key the keychain remembered from before the folder was sealed again). */
  matches(key: Buffer): Promise<boolean>
  seal(key: Buffer): Promise<void>
  unseal(key: Buffer): Promise<void>
  /** Finishes a conversion a crash interrupted, in the direction it was going. */
  resume(key: Buffer): Promise<void>
  /** A new passphrase for the same key (the current one must be right); returns the key. */
  change(current: string, next: string): Promise<Buffer>
}

export interface EncryptionDeps {
  folder: FolderCrypto
  keeper: KeyKeeper
  /**
   * Runs a whole-folder rewrite with the stores closed (their open journal and log files would point at the files
   * replaced) and opens them again after, whatever happened.
   */
  withStoresClosed: <T>(work: () => Promise<T>) => Promise<T>
  log?: (message: string, error?: unknown) => void
}

export interface Encryption {
  /** Reads the key file and, where the keychain remembers this folder's key, opens it. */
  start(): Promise<void>
  status(): Promise<EncryptionStatus>
  /** The key while the folder is open; undefined while off or still sealed. */
  key(): Buffer | undefined
  /** Whether writes must be sealed (the folder is on, or being turned on). */
  sealing(): boolean
  /** Whether data calls must wait for the passphrase. */
  closed(): boolean
  /** The folder is wholly encrypted and open, no conversion under way: a plain data file in it is refused. */
  strict(): boolean
  unlock(passphrase: string, remember: boolean | undefined): Promise<EncryptionStatus>
  turnOn(passphrase: string, remember: boolean): Promise<EncryptionStatus>
  turnOff(passphrase: string): Promise<EncryptionStatus>
  forget(): Promise<EncryptionStatus>
  changePassphrase(current: string, next: string): Promise<EncryptionStatus>
}

export function createEncryption({ folder, keeper, withStoresClosed, log = () => {} }: EncryptionDeps): Encryption {
  let on = false
  let key: Buffer | undefined
  let started: Promise<void> | undefined
  /** A conversion is under way (or a crash left one, until it is finished): plain and sealed files are both expected. */
  let converting = false
  /** A conversion in progress: another one waits for it (two windows, a double click). */
  let busy: Promise<unknown> = Promise.resolve()

  const remembered = async () => on && !!key && (await keeper.recall())?.equals(key) === true

  const status = async (): Promise<EncryptionStatus> => {
    await start()
    return { on, open: !on || !!key, remembered: await remembered(), canRemember: await keeper.available() }
  }

  const finish = async (found: Buffer) => {
    const state = await folder.state()
    if (state === 'sealing' || state === 'unsealing') {
      log(`Finishing the encryption change a crash interrupted (${state}).`)
      // The folder opens with this key while the rewrite finishes (calls wait for it; the access log reopens after).
      key = found
      await withStoresClosed(() => folder.resume(found))
      on = (await folder.state()) !== 'off'
      converting = false
    }
    key = on ? found : undefined
  }

  const start = () =>
    (started ??= (async () => {
      const state = await folder.state()
      on = state !== 'off'
      converting = state === 'sealing' || state === 'unsealing'
      if (!on) return
      const kept = await keeper.recall()
      if (kept && (await folder.matches(kept))) await finish(kept)
    })().catch((error: unknown) => {
      started = undefined
      throw error
    }))

  const remember = async (found: Buffer, wanted: boolean | undefined) => {
    if (wanted === undefined) return
    if (!wanted) return keeper.forget()
    if (!(await keeper.available())) throw new AppFailure('invalid_argument', say('encryption.noKeychain'), 'remember')
    await keeper.keep(found)
  }

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = busy.then(task)
    busy = next.catch(() => {})
    return next
  }

  return {
    start,
    status,
    key: () => key,
    sealing: () => on,
    closed: () => on && !key,
    strict: () => on && !!key && !converting,
    unlock: (passphrase, wanted) =>
      serial(async () => {
        await start()
        if (!on) throw new AppFailure('conflict', say('sealed.notSealed'))
        const found = await folder.unlock(passphrase)
        await finish(found)
        await remember(found, wanted)
        return status()
      }),
    turnOn: (passphrase, wanted) =>
      serial(async () => {
        await start()
        if (on) throw new AppFailure('conflict', say('sealed.alreadySealed'))
        if (wanted && !(await keeper.available()))
          throw new AppFailure('invalid_argument', say('encryption.noKeychain'), 'remember')
        await withStoresClosed(async () => {
          const made = await folder.create(passphrase)
          // From here every write is sealed: what the conversion has not reached yet is read as it is.
          on = true
          key = made
          converting = true
          try {
            await folder.seal(made)
            converting = false
          } catch (error) {
            // A full disk half way: back to the clear, so the user can free space and try again. If even that
            // fails, the key file says 'sealing' and the next start finishes the job with this key.
            await folder.unseal(made).then(
              () => ((on = false), (key = undefined)),
              (undo: unknown) => log('Could not undo the half-done encryption; it finishes at the next start.', undo),
            )
            throw error
          }
        })
        await remember(key!, wanted)
        return status()
      }),
    turnOff: (passphrase) =>
      serial(async () => {
        await start()
        if (!on) throw new AppFailure('conflict', say('sealed.notSealed'))
        const found = await folder.unlock(passphrase)
        await withStoresClosed(async () => {
          key = found
          converting = true
          await folder.unseal(found)
          on = false
          converting = false
        })
        key = undefined
        await keeper.forget()
        return status()
      }),
    changePassphrase: (current, next) =>
      serial(async () => {
        await start()
        if (!on) throw new AppFailure('conflict', say('sealed.notSealed'))
        // The key stays the same: the data, its copies and a key this computer remembers all keep working.
        key = await folder.change(current, next)
        return status()
      }),
    forget: async () => {
      await keeper.forget()
      return status()
    },
  }
}
