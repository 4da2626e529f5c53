/**
 * A library pack's bytes (see src/core/pack.ts): written with fflate, and read back with every check a file from
 * another computer needs before anything in it is trusted. Threats: a path that climbs out (`../../x`, `/etc/x`,
 * `C:\x`), an entry that expands to gigabytes (a zip bomb: declared sizes are checked first, and actual sizes while
 * inflating, a few kilobytes at a time), a pack cut short by a sync client, entries changed after the manifest was
 * written (SHA-256), and a pack from a newer Homeplan whose format this one cannot know.
 */
import { createHash } from 'node:crypto'
import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate'
import { formatBytes } from '../../../src/core/bytes'
import { describeIssue } from '../../../src/core/issues'
import {
  MAX_PACK_BYTES,
  MAX_PACK_ENTRIES,
  MAX_PACK_EXPANDED_BYTES,
  MAX_PACK_JSON_BYTES,
  PACK_ENTRY,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  packManifestSchema,
  type PackManifest,
} from '../../../src/core/pack'
import { AppFailure } from '../../../src/core/result'
import { say, type MessageKey, type MessageParams } from '../../../src/i18n/say'
import { MAX_IMAGE_BYTES } from './media'

export const MANIFEST = 'manifest.json'
export const MANIFEST_SCHEMA = 'schema/manifest.schema.json'

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** A pack refused: the message names the file and, where one is to blame, the entry. */
export class PackRefusal extends AppFailure {
  constructor(key: MessageKey, params: MessageParams) {
    super('invalid_argument', say(key, params))
  }
}

/** Writes a pack: the manifest lists every other entry with its SHA-256; photos are stored, JSON deflated. */
export function writePack(
  head: Omit<PackManifest, 'entries' | 'format' | 'formatVersion'>,
  files: ReadonlyMap<string, Uint8Array>,
): Uint8Array {
  const entries = [...files].map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length }))
  const manifest: PackManifest = { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, ...head, entries }
  const zippable: Zippable = { [MANIFEST]: json(packManifestSchema.parse(manifest)) }
  for (const [path, bytes] of files) zippable[path] = path.startsWith('media/') ? [bytes, { level: 0 }] : bytes
  return zipSync(zippable, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') })
}

export const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`)

export interface ReadPack {
  manifest: PackManifest
  /** Every entry but the manifest, checked against its SHA-256. */
  entries: Map<string, Uint8Array>
}

const KINDS: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['7-Zip', [0x37, 0x7a, 0xbc, 0xaf]],
  ['gzip', [0x1f, 0x8b]],
]
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)

/** Why a path inside a zip is unsafe to honour anywhere: undefined when it is only a plain relative path. */
export const unsafePath = (path: string) =>
  path.includes('\\') ||
  path.startsWith('/') ||
  /^[A-Za-z]:/.test(path) ||
  path.split('/').some((part) => part === '..' || part === '.') ||
  path.includes('\0')

/** The end-of-central-directory record: a zip cut short (a sync client still copying) has none. */
function hasEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true
  return false
}

const entryLimit = (path: string) => (path.startsWith('media/') ? MAX_IMAGE_BYTES : MAX_PACK_JSON_BYTES)

/** Reads and checks a whole pack; throws a PackRefusal naming `file` (and the entry) at the first problem. */
export function readPack(bytes: Uint8Array, file: string): ReadPack {
  if (bytes.length > MAX_PACK_BYTES)
    throw new PackRefusal('pack.tooLarge', { file, limit: formatBytes(MAX_PACK_BYTES) })
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) throw new PackRefusal('pack.noManifest', { file })
    const kind = KINDS.find(([, magic]) => startsWith(bytes, magic))?.[0]
    throw new PackRefusal(kind ? 'pack.otherKind' : 'pack.notZip', { file, kind: kind ?? '' })
  }
  if (!hasEnd(bytes)) throw new PackRefusal('pack.incomplete', { file })

  const found = new Map<string, Uint8Array>()
  let refusal: PackRefusal | undefined
  let total = 0
  const open: string[] = []
  const unzip = new Unzip((entry) => {
    if (refusal) return entry.terminate()
    const path = entry.name
    const refuse = (key: MessageKey, params: MessageParams = {}) => {
      refusal ??= new PackRefusal(key, { file, entry: path, ...params })
      entry.terminate()
    }
    if (unsafePath(path)) return refuse('pack.unsafePath')
    if (path !== MANIFEST && !PACK_ENTRY.test(path)) return refuse('pack.unknownEntry')
    if (found.has(path) || open.includes(path)) return refuse('pack.duplicateEntry')
    if (found.size + open.length >= MAX_PACK_ENTRIES + 1) return refuse('pack.tooMany', { max: MAX_PACK_ENTRIES })
    const limit = entryLimit(path)
    // The declared size first (a bomb usually declares it), then the bytes as they come out.
    if (entry.originalSize !== undefined && entry.originalSize > limit)
      return refuse('pack.bomb', { limit: formatBytes(limit) })
    const chunks: Uint8Array[] = []
    let size = 0
    open.push(path)
    entry.ondata = (error, chunk, final) => {
      if (refusal) return
      if (error) return refuse('pack.damaged')
      size += chunk.length
      total += chunk.length
      if (size > limit || (entry.originalSize !== undefined && size > entry.originalSize))
        return refuse('pack.bomb', { limit: formatBytes(Math.min(limit, entry.originalSize ?? limit)) })
      if (total > MAX_PACK_EXPANDED_BYTES) return refuse('pack.bomb', { limit: formatBytes(MAX_PACK_EXPANDED_BYTES) })
      chunks.push(chunk)
      if (final) {
        open.splice(open.indexOf(path), 1)
        found.set(path, concat(chunks, size))
      }
    }
    entry.start()
  })
  unzip.register(UnzipInflate)
  try {
    // A few kilobytes at a time, so an entry never inflates far past its limit before it is stopped.
    const STEP = 16 * 1024
    for (let at = 0; at < bytes.length && !refusal; at += STEP)
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length)
  } catch {
    throw refusal ?? new PackRefusal('pack.incomplete', { file })
  }
  if (refusal) throw refusal
  if (open.length) throw new PackRefusal('pack.incomplete', { file })

  const manifestBytes = found.get(MANIFEST)
  if (!manifestBytes) throw new PackRefusal('pack.noManifest', { file })
  found.delete(MANIFEST)
  const raw = parseJson(manifestBytes, file, MANIFEST) as { format?: unknown; formatVersion?: unknown } | null
  if (raw?.format === PACK_FORMAT && typeof raw.formatVersion === 'number' && raw.formatVersion > PACK_FORMAT_VERSION)
    throw new PackRefusal('pack.newer', { file, version: raw.formatVersion })
  const parsed = packManifestSchema.safeParse(raw)
  if (!parsed.success)
    throw new PackRefusal('pack.badManifest', { file, problem: describeIssue(parsed.error.issues).message })
  const manifest = parsed.data
  const listed = new Set<string>()
  for (const { path, sha256: expected, bytes: size } of manifest.entries) {
    const content = found.get(path)
    if (!content) throw new PackRefusal('pack.missingEntry', { file, entry: path })
    if (content.length !== size || sha256(content) !== expected)
      throw new PackRefusal('pack.badHash', { file, entry: path })
    listed.add(path)
  }
  for (const path of found.keys()) if (!listed.has(path)) throw new PackRefusal('pack.unlisted', { file, entry: path })
  return { manifest, entries: found }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

/** An entry's JSON, or a refusal naming it. */
export function parseJson(bytes: Uint8Array, file: string, entry: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new PackRefusal('pack.badJson', { file, entry })
  }
}
