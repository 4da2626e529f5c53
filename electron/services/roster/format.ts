/**
 * The roster snapshot file (roster.json): plain JSON laid out one record per
 * line, so that loading can skip parsing full patient records until one is
 * opened, and compaction can copy unchanged records' bytes as they are.
 *
 *   {"format":"homeplan-roster","schemaVersion":4,"savedAt":"…","lastSeq":42,"count":2,
 *   "summaries":[
 *   {…summary…},
 *   {…summary…}
 *   ],
 *   "patients":[
 *   {…patient…},
 *   {…patient…}
 *   ],
 *   "checksum":"sha256:<64 hex digits>"}
 *
 * The checksum (SHA-256; files written before it carry "crc32:<8 hex digits>", still read) covers every byte
 * before its line. With 32 bits, one damaged file in about four billion still matches its CRC; a SHA-256 makes
 * that practically impossible. (Neither is a seal: whoever rewrites the file on purpose can recompute it.) A file that ends in such a
 * line is one Homeplan wrote: if the checksum does not match, the file was
 * damaged (or edited in place) and is not trusted. A file without that line
 * (made or re-indented by hand, an export) is parsed whole and every record is
 * validated. Records read by the fast path are validated when first opened.
 */
import { createHash, type Hash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { patientSchema, summarize, type Patient, type PatientSummary } from '../../../src/core/patient'
import { isKnownVersion, MigrationError, upgradePatients } from './migrations'
import { fullName } from '../../../src/core/names'
import { say } from '../../../src/i18n/say'
import { jsonSyntaxLine } from '../../../src/core/json-path'

export const FORMAT = 'homeplan-roster'
/**
 * 4: journal lines and roster.json checked with SHA-256 (records as in 3). A Homeplan of version 3 read a SHA-256
 * journal line as damaged and set the journal aside; with 4 it refuses the folder as made by a newer version.
 */
export const SCHEMA_VERSION = 4

export interface SnapshotHeader {
  format: typeof FORMAT
  schemaVersion: number
  savedAt: string
  lastSeq: number
  count: number
}

/** One patient as held in memory: the summary always, the record parsed (and checked) on first use. Never changed once made. */
export interface RecordEntry {
  summary: PatientSummary
  /** The record's JSON bytes as stored, while unchanged since load. */
  raw?: Buffer
  patient?: Patient
}

export type SnapshotProblem = 'damaged' | 'newer'

export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly kind: SnapshotProblem,
    readonly schemaVersion?: number,
  ) {
    super(message)
  }
}

/** A record that passed the file's checksum but not the schema: shown as damaged, never served. */
export class RecordError extends Error {}

export interface DecodedSnapshot {
  header: SnapshotHeader
  entries: RecordEntry[]
  /** The version the file was written in; lower than SCHEMA_VERSION means its records were upgraded. */
  fileVersion: number
}

const NL = 0x0a
const BOM = Buffer.from([0xef, 0xbb, 0xbf])

export const withoutBom = (buf: Buffer): Buffer => (buf.subarray(0, 3).equals(BOM) ? buf.subarray(3) : buf)

function splitLines(buf: Buffer): Buffer[] {
  const lines: Buffer[] = []
  let start = 0
  for (;;) {
    const end = buf.indexOf(NL, start)
    if (end === -1) {
      if (start < buf.length) lines.push(buf.subarray(start))
      return lines
    }
    lines.push(buf.subarray(start, end))
    start = end + 1
  }
}

const withoutComma = (line: Buffer) => (line[line.length - 1] === 0x2c ? line.subarray(0, line.length - 1) : line)
/** How the checksum line says the bytes before it were summed: SHA-256 since this version, CRC-32 before. */
export type ChecksumAlgorithm = 'sha256' | 'crc32'

/** A running checksum of either kind, fed in steps and read once at the end. */
function summer(algorithm: ChecksumAlgorithm): { add(part: Buffer): void; hex(): string } {
  if (algorithm === 'crc32') {
    let crc = 0
    return {
      add: (part) => void (crc = crc32(part, crc)),
      hex: () => crc.toString(16).padStart(8, '0'),
    }
  }
  const hash: Hash = createHash('sha256')
  return { add: (part) => void hash.update(part), hex: () => hash.digest('hex') }
}

const checksumOf = (buf: Buffer, algorithm: ChecksumAlgorithm) => {
  const sum = summer(algorithm)
  sum.add(buf)
  return sum.hex()
}
const damaged = (message: string) => new SnapshotError(message, 'damaged')

function checkVersion(version: unknown): number {
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    throw new SnapshotError(say('snapshot.newer', { version, max: SCHEMA_VERSION }), 'newer', version)
  }
  if (!isKnownVersion(version))
    throw damaged(say('snapshot.unknownVersion', { version: JSON.stringify(version) ?? say('snapshot.noVersion') }))
  return version
}

/**
 * Fast path, for files Homeplan wrote itself: undefined when the file has no checksum line (then it is
 * parsed whole), an error when it has one that does not match.
 */
function checksumLine(buf: Buffer): { lastNl: number; algorithm: ChecksumAlgorithm; expected: string } | undefined {
  const lastNl = buf.lastIndexOf(NL, buf.length - 2)
  if (lastNl < 0) return undefined
  const match = /^"checksum":"(?:sha256:([0-9a-f]{64})|crc32:([0-9a-f]{8}))"\}$/.exec(
    buf
      .subarray(lastNl + 1)
      .toString('utf8')
      .trim(),
  )
  if (!match) return undefined
  return match[1] !== undefined
    ? { lastNl, algorithm: 'sha256', expected: match[1] }
    : { lastNl, algorithm: 'crc32', expected: match[2]! }
}

/** `computed`: the checksum of the bytes before the checksum line, when the caller worked it out already. */
function readLaidOut(buf: Buffer, computed?: string): DecodedSnapshot | undefined {
  const line = checksumLine(buf)
  if (!line) return undefined
  const { lastNl } = line
  // A newer Homeplan may lay its files out differently: its version is read before anything else is judged.
  const firstNl = buf.indexOf(NL)
  try {
    const peek = JSON.parse(
      `${withoutComma(buf.subarray(0, firstNl < 0 ? buf.length : firstNl)).toString('utf8')}}`,
    ) as { schemaVersion?: unknown }
    if (typeof peek.schemaVersion === 'number' && peek.schemaVersion > SCHEMA_VERSION) checkVersion(peek.schemaVersion)
  } catch (error) {
    if (error instanceof SnapshotError) throw error
  }
  if ((computed ?? checksumOf(buf.subarray(0, lastNl + 1), line.algorithm)) !== line.expected) {
    throw damaged(say('snapshot.checksum'))
  }
  const lines = splitLines(buf.subarray(0, lastNl))
  let header: SnapshotHeader
  try {
    header = JSON.parse(`${withoutComma(lines[0]!).toString('utf8')}}`) as SnapshotHeader
  } catch {
    throw damaged(say('snapshot.firstLine'))
  }
  const version = checkVersion(header.schemaVersion)
  if (version !== SCHEMA_VERSION) return undefined // older: parsed whole and upgraded
  const n = header.count
  if (
    !Number.isInteger(n) ||
    n < 0 ||
    lines.length !== 2 * n + 5 ||
    !Number.isInteger(header.lastSeq) ||
    header.lastSeq < 0
  ) {
    throw damaged(say('snapshot.layout'))
  }
  let summaries: PatientSummary[]
  try {
    summaries = JSON.parse(
      `[${lines
        .slice(2, 2 + n)
        .map((l) => l.toString('utf8'))
        .join('')
        .replace(/,$/, '')}]`,
    ) as PatientSummary[]
  } catch {
    throw damaged(say('snapshot.list'))
  }
  const ids = new Set<string>()
  for (const summary of summaries) {
    if (!summary || typeof summary.id !== 'string' || ids.has(summary.id)) throw damaged(say('snapshot.listIds'))
    ids.add(summary.id)
  }
  const entries = summaries.map((summary, i) => ({ summary, raw: withoutComma(lines[4 + n + i]!) }))
  return { header, entries, fileVersion: version }
}

/** Slow path: any valid JSON of the right shape and a known version, every record upgraded and validated. */
function readAnyLayout(buf: Buffer): DecodedSnapshot {
  let data: unknown
  const text = buf.toString('utf8')
  try {
    data = JSON.parse(text)
  } catch (error) {
    // Where, never what: the file holds patient data, and this sentence is shown and logged.
    const at = jsonSyntaxLine(text, error)
    throw damaged(at ? say('snapshot.notJsonAt', { line: at }) : say('snapshot.notJson'))
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw damaged(say('snapshot.notPatientFile'))
  const doc = data as Partial<SnapshotHeader> & { patients?: unknown }
  const fileVersion = checkVersion(doc.schemaVersion)
  let raws: unknown[]
  try {
    raws = upgradePatients(doc)
  } catch (error) {
    if (error instanceof MigrationError) throw damaged(error.message)
    throw error
  }
  const ids = new Set<string>()
  const entries = raws.map((value, i) => {
    const parsed = patientSchema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw damaged(
        say('snapshot.invalidPatient', {
          number: i + 1,
          where: issue?.path.join('.') || say('snapshot.topLevel'),
          problem: issue?.message ?? '',
        }),
      )
    }
    if (ids.has(parsed.data.id)) throw damaged(say('snapshot.sameId', { number: i + 1 }))
    ids.add(parsed.data.id)
    return { summary: summarize(parsed.data), patient: parsed.data }
  })
  const header: SnapshotHeader = {
    format: FORMAT,
    schemaVersion: SCHEMA_VERSION,
    savedAt: typeof doc.savedAt === 'string' ? doc.savedAt : new Date(0).toISOString(),
    lastSeq: Number.isInteger(doc.lastSeq) && doc.lastSeq! >= 0 ? doc.lastSeq! : 0,
    count: entries.length,
  }
  return { header, entries, fileVersion }
}

/** Reads a roster file or backup. Throws SnapshotError ('damaged' or 'newer'); never returns a partial roster. */
export function decodeSnapshot(input: Buffer): DecodedSnapshot {
  const buf = withoutBom(input)
  if (buf.length === 0) throw damaged(say('snapshot.empty'))
  if (buf[0] === 0) throw damaged(say('snapshot.zeros'))
  return readLaidOut(buf) ?? readAnyLayout(buf)
}

/** Bytes checksummed between two turns of the event loop when opening the roster: about 10-20 ms each. */
const CHECKSUM_STEP = 4 << 20

/**
 * decodeSnapshot for the roster opened at launch, beside the window: the checksum of a large file (about 50 MB for
 * 10,000 patients) is worked out in steps with `pause()` between them, and once more before the records are read,
 * so the window's files and first calls are served meanwhile rather than after it.
 */
export async function decodeSnapshotInSteps(
  input: Buffer,
  pause: () => Promise<void>,
  step = CHECKSUM_STEP,
): Promise<DecodedSnapshot> {
  const buf = withoutBom(input)
  const line = buf.length > 0 && buf[0] !== 0 ? checksumLine(buf) : undefined
  if (!line) return decodeSnapshot(input)
  const sum = summer(line.algorithm)
  for (let at = 0; at <= line.lastNl; at += step) {
    sum.add(buf.subarray(at, Math.min(at + step, line.lastNl + 1)))
    await pause()
  }
  return readLaidOut(buf, sum.hex()) ?? readAnyLayout(buf)
}

/** The header of a file Homeplan wrote, checked against its checksum, without parsing any record (for listing backups). */
export function verifySnapshot(input: Buffer): SnapshotHeader & { fileVersion: number } {
  const decoded = decodeSnapshot(input)
  return { ...decoded.header, fileVersion: decoded.fileVersion }
}

/** Encodes a snapshot as chunks, yielding between them so the caller can keep the event loop free. */
export function* encodeSnapshot(
  header: Omit<SnapshotHeader, 'format' | 'count' | 'schemaVersion'>,
  entries: readonly RecordEntry[],
  chunk = 400,
): Generator<Buffer> {
  const head: SnapshotHeader = { format: FORMAT, schemaVersion: SCHEMA_VERSION, ...header, count: entries.length }
  const sum = summer('sha256')
  const emit = (part: Buffer) => {
    sum.add(part)
    return part
  }
  const opening = JSON.stringify(head)
  yield emit(Buffer.from(`${opening.slice(0, -1)},\n"summaries":[\n`))
  for (let i = 0; i < entries.length; i += chunk) {
    const lines = entries
      .slice(i, i + chunk)
      .map((e, j) => JSON.stringify(e.summary) + (i + j < entries.length - 1 ? ',\n' : '\n'))
    yield emit(Buffer.from(lines.join('')))
  }
  yield emit(Buffer.from('],\n"patients":[\n'))
  for (let i = 0; i < entries.length; i += chunk) {
    const parts: Buffer[] = []
    entries.slice(i, i + chunk).forEach((e, j) => {
      parts.push(e.raw ?? Buffer.from(JSON.stringify(e.patient)))
      parts.push(Buffer.from(i + j < entries.length - 1 ? ',\n' : '\n'))
    })
    yield emit(Buffer.concat(parts))
  }
  yield emit(Buffer.from('],\n'))
  yield Buffer.from(`"checksum":"sha256:${sum.hex()}"}\n`)
}

export const entryOf = (patient: Patient): RecordEntry => ({ summary: summarize(patient), patient })

/**
 * The record, parsed and validated on first use. A checksum proves the bytes are what was written,
 * not that what was written is a valid patient (an older build's bug, a crafted file): a record that
 * fails the schema, or disagrees with its roster line, is refused rather than served.
 */
export function patientOf(entry: RecordEntry): Patient {
  if (entry.patient) return entry.patient
  let parsed: ReturnType<typeof patientSchema.safeParse> | undefined
  try {
    parsed = patientSchema.safeParse(JSON.parse(entry.raw!.toString('utf8')))
  } catch {
    parsed = undefined
  }
  const name = fullName(entry.summary)
  if (
    !parsed?.success ||
    parsed.data.id !== entry.summary.id ||
    JSON.stringify(summarize(parsed.data)) !== JSON.stringify(entry.summary)
  ) {
    throw new RecordError(say('snapshot.record', { name }))
  }
  entry.patient = parsed.data
  return entry.patient
}
