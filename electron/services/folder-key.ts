/**
 * The data folder's key file, `encryption.json` (never sealed itself): how the key is derived from the clinic
 * passphrase (scrypt, a random salt per folder), and a check value (a known constant sealed with the key) so a
 * wrong passphrase is known before any data file is touched. The key itself is never written anywhere: it is
 * derived again at every unlock and lives only in memory. There is no back door: without the passphrase the
 * folder cannot be read.
 *
 * `state` is the conversion marker (see convert-folder.ts): 'sealing' and 'unsealing' while the folder is being
 * rewritten (a crash leaves it there, and the next unlock finishes the job), 'sealed' once every file is.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { PASSPHRASE_MIN } from '../../src/core/encryption'
import { AppFailure } from '../../src/core/result'
import { say } from '../../src/i18n/say'
import { writeAtomic } from './atomic-write'
import { errnoOf, type FsPort } from './fs-port'
import { KEY_FILE } from './sealed-fs'

export const KEY_FILE_VERSION = 1
/** The contract's limit (src/core/encryption.ts), checked again here where the key is made. */
export const MIN_PASSPHRASE = PASSPHRASE_MIN
/** About 0.4 s and 128 MiB on a 2026 laptop: slow enough to make guessing expensive, quick enough at unlock. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const
const CHECK_TEXT = Buffer.from('Homeplan folder key check 1')

const b64 = z.base64().max(200)
const keyFileSchema = z.object({
  format: z.literal('homeplan-encryption'),
  version: z.number().int().positive(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2)
      .max(2 ** 22),
    r: z.number().int().positive().max(32),
    p: z.number().int().positive().max(16),
    salt: b64,
  }),
  check: b64,
  /**
   * The folder's key, sealed with the key made from the passphrase, once the passphrase was changed (the data keeps
   * its key; only this is written again). Without it, the key made from the passphrase is the folder's key.
   */
  wrapped: b64.optional(),
  state: z.enum(['sealing', 'sealed', 'unsealing']),
  /** The conversion's copy of the folder, `backups/before-…-<stamp>` (kept so a resumed conversion uses the same). */
  backup: z.string().max(200).optional(),
  /** That copy is complete: files may be rewritten. */
  backupDone: z.boolean().optional(),
})
export type KeyFile = z.infer<typeof keyFileSchema>
export type ScryptParams = { N: number; r: number; p: number }

export type KeyFileRead =
  { state: 'missing' } | { state: 'present'; file: KeyFile } | { state: 'damaged'; reason: string }

export async function readKeyFile(fs: FsPort, dir: string): Promise<KeyFileRead> {
  let raw: Buffer
  try {
    raw = await fs.readFile(join(dir, KEY_FILE))
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return { state: 'missing' }
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(raw.toString('utf8'))
  } catch {
    return { state: 'damaged', reason: say('sealed.keyFileDamaged') }
  }
  const version = (json as { version?: unknown } | null)?.version
  if (typeof version === 'number' && version > KEY_FILE_VERSION)
    return { state: 'damaged', reason: say('sealed.keyFileNewer') }
  const parsed = keyFileSchema.safeParse(json)
  return parsed.success
    ? { state: 'present', file: parsed.data }
    : { state: 'damaged', reason: say('sealed.keyFileDamaged') }
}

export async function writeKeyFile(fs: FsPort, dir: string, file: KeyFile): Promise<void> {
  await writeAtomic(fs, join(dir, KEY_FILE), [Buffer.from(`${JSON.stringify(file, null, 2)}\n`)])
}

/** The passphrase rules, said in words (the passphrase is all that protects the data on a lost laptop). */
export function checkPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE)
    throw new AppFailure('invalid_argument', say('sealed.passphraseShort', { min: MIN_PASSPHRASE }), 'passphrase')
}

function derive(passphrase: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

const sealCheck = (key: Buffer, salt: Buffer): string => sealWith(key, salt, CHECK_TEXT)

function checkFits(key: Buffer, file: KeyFile): boolean {
  const body = Buffer.from(file.check, 'base64')
  if (body.length < 28) return false
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12))
    decipher.setAAD(Buffer.from(file.kdf.salt, 'base64'))
    decipher.setAuthTag(body.subarray(body.length - 16))
    const text = Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()])
    return text.length === CHECK_TEXT.length && timingSafeEqual(text, CHECK_TEXT)
  } catch {
    return false
  }
}

/** The key file's own check against a key already in memory (a conversion checks it before touching anything). */
export function assertKeyFits(key: Buffer, file: KeyFile): void {
  if (!checkFits(key, file)) throw new AppFailure('wrong_passphrase', say('sealed.wrongPassphrase'), 'passphrase')
}

/**
 * A new key for the folder: a fresh salt, the key derived from `passphrase`, and encryption.json written with
 * `state` (a conversion starts with 'sealing'). Returns the key (for memory only).
 */
export async function createFolderKey(
  fs: FsPort,
  dir: string,
  passphrase: string,
  { params = DEFAULT_SCRYPT, state = 'sealing' }: { params?: ScryptParams; state?: KeyFile['state'] } = {},
): Promise<Buffer> {
  checkPassphrase(passphrase)
  const existing = await readKeyFile(fs, dir)
  if (existing.state !== 'missing') throw new AppFailure('conflict', say('sealed.alreadySealed'))
  const salt = randomBytes(16)
  const key = await derive(passphrase, salt, params)
  await writeKeyFile(fs, dir, {
    format: 'homeplan-encryption',
    version: KEY_FILE_VERSION,
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    check: sealCheck(key, salt),
    state,
  })
  return key
}

/** The folder's key from the passphrase; a wrong one is refused ('wrong_passphrase') and nothing is changed. */
export async function unlockFolderKey(fs: FsPort, dir: string, passphrase: string): Promise<Buffer> {
  const file = await presentKeyFile(fs, dir)
  const { kdf } = file
  const salt = Buffer.from(kdf.salt, 'base64')
  const made = await derive(passphrase, salt, kdf)
  const key = file.wrapped ? unwrap(made, salt, file.wrapped) : made
  if (!key) throw new AppFailure('wrong_passphrase', say('sealed.wrongPassphrase'), 'passphrase')
  assertKeyFits(key, file)
  return key
}

/**
 * A new passphrase for the folder: its key (unchanged, so nothing else is rewritten) sealed with a key made from the
 * new passphrase and a new salt, and encryption.json written again atomically. The current passphrase must be right.
 */
export async function changeFolderPassphrase(
  fs: FsPort,
  dir: string,
  current: string,
  next: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<Buffer> {
  checkPassphrase(next)
  const key = await unlockFolderKey(fs, dir, current)
  const file = await presentKeyFile(fs, dir)
  const salt = randomBytes(16)
  const made = await derive(next, salt, params)
  await writeKeyFile(fs, dir, {
    ...file,
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    check: sealCheck(key, salt),
    wrapped: sealWith(made, salt, key),
  })
  return key
}

async function presentKeyFile(fs: FsPort, dir: string): Promise<KeyFile> {
  const read = await readKeyFile(fs, dir)
  if (read.state === 'missing') throw new AppFailure('conflict', say('sealed.notSealed'))
  if (read.state === 'damaged') throw new AppFailure('io_error', read.reason)
  return read.file
}

function sealWith(key: Buffer, salt: Buffer, plain: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(salt)
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64')
}

/** The folder's key out of `wrapped`, or undefined when `key` (from the passphrase typed) does not open it. */
function unwrap(key: Buffer, salt: Buffer, wrapped: string): Buffer | undefined {
  const body = Buffer.from(wrapped, 'base64')
  if (body.length < 28) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12))
    decipher.setAAD(salt)
    decipher.setAuthTag(body.subarray(body.length - 16))
    return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()])
  } catch {
    return undefined
  }
}
