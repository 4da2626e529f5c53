import { z } from 'zod'
import { says } from '../i18n/say'

/** The shortest clinic passphrase: long enough that guessing it through scrypt takes years, short enough to type. */
export const PASSPHRASE_MIN = 10
export const PASSPHRASE_MAX = 1024

export const passphraseSchema = z
  .string()
  .min(PASSPHRASE_MIN, says('sealed.passphraseShort', { min: PASSPHRASE_MIN }))
  .max(PASSPHRASE_MAX, says('encryption.passphraseLong', { max: PASSPHRASE_MAX }))

/**
 * Encryption at rest (issue 17) as the window sees it. `on`: the data folder is sealed with a clinic passphrase;
 * `open`: its key is in memory (entered, or remembered by this computer's keychain), so data can be read. Off, `open`
 * is always true.
 */
export interface EncryptionStatus {
  on: boolean
  open: boolean
  /** The key is remembered by this computer's keychain (it opens without the passphrase here). */
  remembered: boolean
  /** This computer has a keychain Homeplan can use (Electron's safeStorage); false in the browser bridge. */
  canRemember: boolean
}

export const encryptionArgs = {
  turnOn: z.strictObject({ passphrase: passphraseSchema, remember: z.boolean() }),
  turnOff: z.strictObject({ passphrase: passphraseSchema }),
  change: z.strictObject({ current: passphraseSchema, passphrase: passphraseSchema }),
  /** `remember` left out: as it is (the window locked after inactivity is opened without changing it). */
  unlock: z.strictObject({
    passphrase: passphraseSchema,
    remember: z.boolean().optional(),
    /** Whom the access log names from now on (chosen on the lock screen); left out: as it is. */
    workingAs: z.string().min(1).max(200).nullable().optional(),
  }),
}
