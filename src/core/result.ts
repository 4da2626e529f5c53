/**
 * The one shape every call across the main/renderer boundary returns. A thrown error never crosses as an
 * object: dispatch turns it into an AppError first, so the renderer can show `message` in a notification or next
 * to `field`. Only an AppFailure's message is written for the user; a schema error is said by its first problem,
 * and any other error's own message is passed on as it is, after "Homeplan could not complete this action:"
 * (see dispatch.ts), so it may be in a programmer's words.
 */
export type ErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unknown_channel'
  | 'io_error'
  | 'internal'
  /** Main is locked (see electron/services/gate.ts), or the data folder is encrypted and not unlocked (sealed-fs.ts): nothing was read or changed. */
  | 'locked'
  /** The passphrase given does not open the encrypted data folder (folder-key.ts): nothing was changed. */
  | 'wrong_passphrase'

export interface AppError {
  code: ErrorCode
  message: string
  /** Dotted path of the offending argument field, when one field is to blame. */
  field?: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
})

/** An error a service throws on purpose; its code and message reach the user as they are. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'AppFailure'
  }
}
