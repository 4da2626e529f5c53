/**
 * The roster snapshot file (roster.json): plain JSON laid out one record per
 * line, so that loading can skip parsing full patient records until one is
 * opened, and compaction can copy unchanged records' bytes as they are.
 *
 *   {"format":"homeplan-roster","schemaVersion":2,"savedAt":"…","lastSeq":42,"count":2,
 *   "summaries":[
 *   {…summary…},
 *   {…summary…}
 *   ],
 *   "patients":[
 *   {…patient…},
 *   {…patient…}
 *   ],
 *   "checksum":"crc32:0a1b2c3d"}
 *
 * The checksum covers every byte before its line. When it matches, the file is
 * exactly what Homeplan wrote from records it had validated, so the fast path
 * trusts it; otherwise (a hand edit, a re-indented file, damage) the whole file
 * is parsed and every record validated with the schema.
 */
import { crc32 } from 'node:zlib'
import { patientSchema, summarize, type Patient, type PatientSummary } from '../../../src/core/patient'

export const FORMAT = 'homeplan-roster'
export const SCHEMA_VERSION = 2

export interface SnapshotHeader {
  format: typeof FORMAT
  schemaVersion: number
  savedAt: string
  lastSeq: number
  count: number
}

/** One patient as held in memory: the summary always, the record parsed on demand. */
export interface RecordEntry {
  summary: PatientSummary
  /** The record's JSON bytes as stored, while unchanged since load. */
  raw?: Buffer
  patient?: Patient
}

export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreadable' | 'newer',
    readonly schemaVersion?: number,
  ) {
    super(message)
  }
}

const NL = 0x0a

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

/** Fast path: only valid for files Homeplan wrote itself (checksum matches). */
function readLaidOut(buf: Buffer): { header: SnapshotHeader; entries: RecordEntry[] } | undefined {
  const lastNl = buf.lastIndexOf(NL, buf.length - 2)
  if (lastNl < 0) return undefined
  const tail = buf.subarray(lastNl + 1).toString('utf8').trim()
  const match = /^"checksum":"crc32:([0-9a-f]{8})"\}$/.exec(tail)
  if (!match || crc32(buf.subarray(0, lastNl + 1)).toString(16).padStart(8, '0') !== match[1]) return undefined
  const lines = splitLines(buf.subarray(0, lastNl))
  const header = JSON.parse(`${withoutComma(lines[0]!).toString('utf8')}}`) as SnapshotHeader
  const n = header.count
  if (lines.length !== 2 * n + 5) return undefined
  const summaryText = lines.slice(2, 2 + n).map((l) => l.toString('utf8')).join('')
  const summaries = JSON.parse(`[${summaryText.replace(/,$/, '')}]`) as PatientSummary[]
  const entries = summaries.map((summary, i) => ({ summary, raw: withoutComma(lines[4 + n + i]!) }))
  return { header, entries }
}

/** Slow path: any valid JSON with the right shape, every record checked against the schema. */
function readAnyLayout(buf: Buffer): { header: SnapshotHeader; entries: RecordEntry[] } {
  let data: unknown
  try {
    data = JSON.parse(buf.toString('utf8'))
  } catch (error) {
    throw new SnapshotError(`The file is not valid JSON (${(error as Error).message}).`, 'unreadable')
  }
  const doc = data as Partial<SnapshotHeader> & { patients?: unknown }
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.patients)) {
    throw new SnapshotError('The file does not contain a patient list.', 'unreadable')
  }
  const entries = doc.patients.map((value, i) => {
    const parsed = patientSchema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new SnapshotError(`Patient ${i + 1} is invalid at ${issue?.path.join('.') || 'its top level'}: ${issue?.message}`, 'unreadable')
    }
    return { summary: summarize(parsed.data), patient: parsed.data }
  })
  const header: SnapshotHeader = {
    format: FORMAT,
    schemaVersion: typeof doc.schemaVersion === 'number' ? doc.schemaVersion : SCHEMA_VERSION,
    savedAt: typeof doc.savedAt === 'string' ? doc.savedAt : new Date(0).toISOString(),
    lastSeq: typeof doc.lastSeq === 'number' ? doc.lastSeq : 0,
    count: entries.length,
  }
  return { header, entries }
}

/** Reads the schema version without trusting anything else, so newer files are refused untouched. */
export function peekSchemaVersion(buf: Buffer): number | undefined {
  const head = buf.subarray(0, 400).toString('utf8')
  const match = /"schemaVersion"\s*:\s*(\d+)/.exec(head)
  return match ? Number(match[1]) : undefined
}

export function decodeSnapshot(buf: Buffer): { header: SnapshotHeader; entries: RecordEntry[] } {
  if (buf.length === 0) throw new SnapshotError('The file is empty.', 'unreadable')
  if (buf[0] === 0) throw new SnapshotError('The file is filled with zero bytes (an interrupted write).', 'unreadable')
  return readLaidOut(buf) ?? readAnyLayout(buf)
}

/** Encodes a snapshot as chunks, yielding between them so the caller can keep the event loop free. */
export function* encodeSnapshot(header: Omit<SnapshotHeader, 'format' | 'count'>, entries: readonly RecordEntry[], chunk = 400): Generator<Buffer> {
  const head: SnapshotHeader = { format: FORMAT, ...header, count: entries.length }
  let crc = 0
  const emit = (part: Buffer) => {
    crc = crc32(part, crc)
    return part
  }
  const opening = JSON.stringify(head)
  yield emit(Buffer.from(`${opening.slice(0, -1)},\n"summaries":[\n`))
  for (let i = 0; i < entries.length; i += chunk) {
    const lines = entries.slice(i, i + chunk).map((e, j) => JSON.stringify(e.summary) + (i + j < entries.length - 1 ? ',\n' : '\n'))
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
  yield Buffer.from(`"checksum":"crc32:${crc.toString(16).padStart(8, '0')}"}\n`)
}

/** Parses a record on first use. Records from the fast path were validated when they were written. */
export function patientOf(entry: RecordEntry): Patient {
  if (!entry.patient) entry.patient = JSON.parse(entry.raw!.toString('utf8')) as Patient
  return entry.patient
}
