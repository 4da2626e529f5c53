/**
 * The on-disk form of a sealed (encrypted) data file, see sealed-fs.ts:
 *
 *   HOMEPLAN-SEALED 1 <file id> <key id>\n
 *   base64(iv | ciphertext | tag)\n        one line per record (one write)
 *
 * AES-256-GCM from node:crypto, a fresh random 12-byte IV per record and a 16-byte tag. Each record's additional
 * authenticated data is the header line and the record's index, so a record changed, swapped with another, dropped
 * from the middle or copied from another file (another file id) fails authentication. The key id (an HMAC of the
 * key, not the key) tells "sealed with another key" apart from damage. Plaintext length equals ciphertext length,
 * so every record's plaintext offset is known even when it cannot be opened.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { AppFailure } from '../../src/core/result'
import { say } from '../../src/i18n/say'

export const SEALED_MAGIC = 'HOMEPLAN-SEALED 1 '
const MAGIC = Buffer.from(SEALED_MAGIC)
const IV = 12
const TAG = 16
const NL = 0x0a

/** What a record that fails authentication reads as: a line every parser of ours rejects (never skipped silently). */
export const DAMAGED_STAND_IN = Buffer.from('\u0000\n')
/** What a last record cut off by a crash reads as: a few bytes without a newline (a torn tail, as in a plain file). */
export const TORN_STAND_IN = Buffer.from('\u0000')

export const keyIdOf = (key: Buffer) =>
  createHmac('sha256', key).update('homeplan sealed key id').digest().subarray(0, 9).toString('base64url')

/** A new file's header line (with its newline): a random file id and the key's id. */
export const newHeader = (key: Buffer) =>
  Buffer.from(`${SEALED_MAGIC}${randomBytes(16).toString('base64url')} ${keyIdOf(key)}\n`)

const aad = (header: Buffer, index: number) => {
  const n = Buffer.alloc(8)
  n.writeBigUInt64BE(BigInt(index))
  return Buffer.concat([header, n])
}

/** One record's line (with its newline). `header` is the file's header line, newline included. */
export function sealRecord(key: Buffer, header: Buffer, index: number, plain: Uint8Array): Buffer {
  const iv = randomBytes(IV)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG })
  cipher.setAAD(aad(header, index))
  const body = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()])
  return Buffer.from(`${body.toString('base64')}\n`)
}

function openRecord(key: Buffer, header: Buffer, index: number, line: Buffer): Buffer | undefined {
  // No separate check of the base64 alphabet (it cost more than the decryption): a changed or foreign character
  // decodes to other bytes, which fail authentication like any other change.
  const body = Buffer.from(line.toString('latin1'), 'base64')
  if (body.length < IV + TAG) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV), { authTagLength: TAG })
    decipher.setAAD(aad(header, index))
    decipher.setAuthTag(body.subarray(body.length - TAG))
    const plain = decipher.update(body.subarray(IV, body.length - TAG))
    const rest = decipher.final()
    // GCM gives everything from update(): no copy of a large record for an empty final().
    return rest.length ? Buffer.concat([plain, rest]) : plain
  } catch {
    return undefined
  }
}

/** The file starts like a sealed one (its whole header may not be there yet). */
export const looksSealed = (raw: Uint8Array) => {
  const n = Math.min(raw.length, MAGIC.length)
  return n > 0 && Buffer.from(raw.buffer, raw.byteOffset, n).equals(MAGIC.subarray(0, n))
}

/** A sealed file's header written only in part (a crash during the first write): it holds nothing yet. */
export const tornHeader = (raw: Uint8Array) => looksSealed(raw) && !raw.includes(NL)

export interface RecordSpan {
  rawStart: number
  /** Past the record's newline (or the file's end for a torn one). */
  rawEnd: number
  plainStart: number
  plain: Buffer
  /** Failed authentication (damaged) or cut off (torn): `plain` is a stand-in. */
  state: 'ok' | 'damaged' | 'torn'
}

export interface Opened {
  header: Buffer
  records: RecordSpan[]
  plaintext: Buffer
}

/** The folder's key, or AppFailure 'locked' while it is locked. */
export function requireKey(key: Buffer | undefined): Buffer {
  if (!key) throw new AppFailure('locked', say('sealed.locked'))
  return key
}

/** The key a sealed file needs: refused (nothing read, nothing changed) without it ('locked') or with another one. */
export function checkKey(header: Buffer, key: Buffer | undefined): Buffer {
  const keyId = header.toString('latin1').trimEnd().split(' ').at(-1)
  const known = requireKey(key)
  // Not 'locked' (the window would show its unlock screen again): the folder is unlocked, this file is foreign.
  if (keyId !== keyIdOf(known)) throw new AppFailure('io_error', say('sealed.otherKey'))
  return known
}

/** Reads a sealed file (see looksSealed; a torn header reads as an empty file). */
export function openSealed(raw: Buffer, key: Buffer | undefined): Opened {
  const headerEnd = raw.indexOf(NL) + 1
  if (headerEnd === 0) return { header: Buffer.alloc(0), records: [], plaintext: Buffer.alloc(0) }
  const header = raw.subarray(0, headerEnd)
  key = checkKey(header, key)
  const records: RecordSpan[] = []
  let plainStart = 0
  for (let start = headerEnd, index = 0; start < raw.length; index++) {
    const nl = raw.indexOf(NL, start)
    const rawEnd = nl === -1 ? raw.length : nl + 1
    const opened = nl === -1 ? undefined : openRecord(key, header, index, raw.subarray(start, nl))
    const state = nl === -1 ? 'torn' : opened ? 'ok' : 'damaged'
    const plain = opened ?? (state === 'torn' ? TORN_STAND_IN : DAMAGED_STAND_IN)
    records.push({ rawStart: start, rawEnd, plainStart, plain, state })
    plainStart += plain.length
    start = rawEnd
  }
  const plaintext = records.length === 1 ? records[0]!.plain : Buffer.concat(records.map((r) => r.plain))
  return { header, records, plaintext }
}

/**
 * Where to cut a sealed file so that its plaintext is `length` bytes long: the raw length to keep, and the part of a
 * split record to seal again (as the same index) after the cut.
 */
export function cutAt(
  opened: Opened,
  length: number,
): { rawLength: number; reseal?: { index: number; plain: Buffer } } {
  const { header, records } = opened
  if (length <= 0) return { rawLength: records.length ? header.length : 0 }
  for (const [index, r] of records.entries()) {
    const end = r.plainStart + r.plain.length
    if (end <= length) continue
    if (r.plainStart >= length) return { rawLength: r.rawStart }
    return { rawLength: r.rawStart, reseal: { index, plain: r.plain.subarray(0, length - r.plainStart) } }
  }
  return { rawLength: records.at(-1)?.rawEnd ?? header.length }
}
