/**
 * The change journal beside roster.json: one JSON object per line, each
 * acknowledged only after it is fsynced. An edit therefore costs one short
 * append, not a rewrite of the whole roster. Each line carries its own SHA-256
 * (lines written before it carry a CRC-32, still read), so a damaged line is
 * told apart from a good one and costs only itself.
 * Changes are ordered by their sequence number, not by file: files are just
 * containers (named by the first number they were opened for), and a torn
 * last line (a write cut off by a crash or a full disk) was never
 * acknowledged, so it is dropped wherever it is.
 *
 * Concurrent appends are group-committed: everything queued while a write is
 * in flight goes out in the next write with one fsync, and each caller's
 * promise resolves only when its own line is on disk. When a write fails, the
 * batch and everything queued behind it are rejected together (later changes
 * may build on earlier ones), the file is cut back to its last good byte, and
 * the store rolls its memory back to what is on disk.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { z } from 'zod'
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import { id, patientSchema, type Patient } from '../../../src/core/patient'
import { retryWhileLocked } from '../atomic-write'
import { errnoOf, fsyncFolder, writeAll, type FileHandlePort, type FsPort } from '../fs-port'
import { SCHEMA_VERSION } from './format'
import { upgradePatient } from './migrations'

export type Change =
  { seq: number; at: string; op: 'put'; patient: Patient } | { seq: number; at: string; op: 'delete'; id: string }

const changeSchema = z.discriminatedUnion('op', [
  z.object({ seq: z.number().int().positive(), at: z.string(), op: z.literal('put'), patient: patientSchema }),
  z.object({ seq: z.number().int().positive(), at: z.string(), op: z.literal('delete'), id }),
])

export const JOURNAL_PATTERN = /^roster\.journal\.(\d{12})\.jsonl$/
export const journalName = (firstSeq: number) => `roster.journal.${String(firstSeq).padStart(12, '0')}.jsonl`
const numberOf = (name: string) => Number(JOURNAL_PATTERN.exec(name)?.[1] ?? 0)

/** A line with a version above ours: the folder was used by a newer Homeplan. */
export class NewerJournalError extends Error {
  constructor(readonly version: number) {
    super(say('load.journalNewer', { version }))
  }
}

/** `body` (a JSON object) with its checksum added as its last field: `,"sha256":"<64 hex>"}\n`. */
function withChecksum(body: Buffer): Buffer {
  return Buffer.concat([
    body.subarray(0, body.length - 1),
    Buffer.from(`,"sha256":"${createHash('sha256').update(body).digest('hex')}"}\n`),
  ])
}

/**
 * `{"v":4,"seq":…,…,"sha256":"…"}\n`, the SHA-256 taken over the line as it would read without its last field.
 * A change saved together with others (an import) carries `end`, the last number of its group: the group counts
 * only if that last line made it to disk, so a write cut off halfway leaves none of it.
 */
export function encodeChange(change: Change, end?: number): Buffer {
  return withChecksum(
    Buffer.from(JSON.stringify({ v: SCHEMA_VERSION, ...change, ...(end === undefined ? {} : { end }) })),
  )
}

/**
 * `{"v":4,"void":N,"sha256":"…"}\n`, the first line of a new file after a write failed and its file could not be cut
 * back: lines that earlier files hold from number N on were rejected (the app said so) and must never be applied.
 */
export function encodeVoid(from: number): Buffer {
  return withChecksum(Buffer.from(JSON.stringify({ v: SCHEMA_VERSION, void: from })))
}

/** A line's checksum field: SHA-256 since this version, CRC-32 in lines an earlier Homeplan wrote. */
const CHECKSUM_TAIL = /,"(?:sha256":"([0-9a-f]{64})|crc":"([0-9a-f]{8}))"\}$/

const lineChecksum = (text: string, sha256: boolean) =>
  sha256 ? createHash('sha256').update(text).digest('hex') : crc32(Buffer.from(text)).toString(16).padStart(8, '0')

/** One line, checked: the change and the version it was written in, or undefined when it is damaged. Lines from before checksums (version 2) are validated and upgraded. */
export function decodeChange(
  line: Buffer,
): { change: Change; version: number; end?: number } | { voidFrom: number } | undefined {
  let text = line.toString('utf8')
  const tail = CHECKSUM_TAIL.exec(text)
  if (tail) {
    text = `${text.slice(0, tail.index)}}`
    if (lineChecksum(text, tail[1] !== undefined) !== (tail[1] ?? tail[2])) return undefined
  }
  let raw: { v?: unknown; patient?: unknown; end?: unknown; void?: unknown }
  try {
    raw = JSON.parse(text) as typeof raw
  } catch {
    return undefined
  }
  if (!raw || typeof raw !== 'object') return undefined
  const version = raw.v === undefined ? 2 : raw.v
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 2) return undefined
  if (version > SCHEMA_VERSION) throw new NewerJournalError(version)
  if (!tail && version >= 3) return undefined // every line written since version 3 carries its checksum
  if (raw.void !== undefined)
    return typeof raw.void === 'number' && Number.isInteger(raw.void) && raw.void > 0
      ? { voidFrom: raw.void }
      : undefined
  const parsed = changeSchema.safeParse(
    raw.patient === undefined ? raw : { ...raw, patient: upgradePatient(raw.patient, version) },
  )
  if (!parsed.success) return undefined
  const {
    v: _v,
    crc: _crc,
    sha256: _sha,
    ...change
  } = parsed.data as Change & {
    v?: number
    crc?: string
    sha256?: string
  }
  if (raw.end === undefined) return { change: change as Change, version }
  if (typeof raw.end !== 'number' || !Number.isInteger(raw.end) || raw.end < change.seq) return undefined
  return { change: change as Change, version, end: raw.end }
}

export interface JournalRead {
  /** Every readable change, in sequence order, each once. */
  changes: Change[]
  files: string[]
  /** Unfinished last lines (never acknowledged): the file is cut back to `keepBytes` before appending resumes. */
  torn: { file: string; keepBytes: number }[]
  /** Complete lines that fail their checksum or the schema, or two different changes under one number. */
  damaged: { file: string; offset: number }[]
  /** Files holding nothing (a journal started just before a crash). */
  empty: string[]
  /** The oldest version a readable line was written in (lines older than ours are rewritten at open). */
  oldestVersion: number
  /** The first change number each void marker cancels (a file can start past 1 because it voids a failed first save). */
  voids: number[]
}

export async function listJournals(fs: FsPort, dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch((error: unknown) => {
    if (errnoOf(error) === 'ENOENT') return [] as string[]
    throw error
  })
  return names.filter((n) => JOURNAL_PATTERN.test(n)).sort()
}

const isBlank = (line: Buffer) => line.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0d)

/** Reads every journal file. Damage is reported, not thrown: the caller decides what it costs. */
export async function readJournals(fs: FsPort, dir: string): Promise<JournalRead> {
  const files = await listJournals(fs, dir)
  const bySeq = new Map<number, Change>()
  const read: JournalRead = {
    changes: [],
    files,
    torn: [],
    damaged: [],
    empty: [],
    oldestVersion: SCHEMA_VERSION,
    voids: [],
  }
  for (const file of files) {
    let buf = await fs.readFile(join(dir, file))
    const bom = buf.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0
    buf = buf.subarray(bom)
    if (buf.length === 0) read.empty.push(file)
    const here = new Map<number, Change>()
    const ends = new Map<number, number>()
    const offsets = new Map<number, number>()
    for (let start = 0; start < buf.length;) {
      const end = buf.indexOf(0x0a, start)
      if (end === -1) {
        // No newline: an append cut off by a crash or a full disk (or zero bytes a file system left). It was never acknowledged.
        read.torn.push({ file, keepBytes: bom + start })
        break
      }
      const line = buf.subarray(start, end)
      if (!isBlank(line)) {
        const decoded = decodeChange(line)
        if (decoded && 'voidFrom' in decoded) {
          // Rejected writes an earlier file could not be cut back from: never applied.
          for (const seq of bySeq.keys()) if (seq >= decoded.voidFrom) bySeq.delete(seq)
          read.voids.push(decoded.voidFrom)
          start = end + 1
          continue
        }
        const seen = decoded && here.get(decoded.change.seq)
        if (!decoded) read.damaged.push({ file, offset: bom + start })
        else if (!seen) {
          here.set(decoded.change.seq, decoded.change)
          offsets.set(decoded.change.seq, bom + start)
          if (decoded.end !== undefined) ends.set(decoded.change.seq, decoded.end)
          read.oldestVersion = Math.min(read.oldestVersion, decoded.version)
        } else if (JSON.stringify(seen) !== JSON.stringify(decoded.change))
          read.damaged.push({ file, offset: bom + start })
      }
      start = end + 1
    }
    // A group whose last line is missing was cut off while being written: none of it was acknowledged, and the
    // file is cut back to before it (like a torn line) so the numbers can be used again.
    const cut = [...ends].filter(([, end]) => !here.has(end)).map(([seq]) => seq)
    if (cut.length) {
      const from = Math.min(...cut.map((seq) => offsets.get(seq)!))
      for (const seq of here.keys()) if (offsets.get(seq)! >= from) here.delete(seq)
      const torn = read.torn.find((t) => t.file === file)
      if (torn) torn.keepBytes = Math.min(torn.keepBytes, from)
      else read.torn.push({ file, keepBytes: from })
    }
    // A later file takes over from its first change on: lines an earlier file holds from that number up are writes
    // that failed (their file could not be cut back), rolled back in memory and then numbered again here.
    if (here.size) {
      const first = Math.min(...here.keys())
      for (const seq of bySeq.keys()) if (seq >= first) bySeq.delete(seq)
      for (const [seq, change] of here) bySeq.set(seq, change)
    }
  }
  read.changes = [...bySeq.keys()].sort((a, b) => a - b).map((seq) => bySeq.get(seq)!)
  return read
}

interface Pending {
  change: Change
  line: Buffer
  resolve: () => void
  reject: (error: unknown) => void
}

export interface JournalOptions {
  fs: FsPort
  dir: string
  /** How long a locked file (antivirus, sync clients) is retried before a save fails. */
  retryForMs?: number
  /** Called before every write; throws if this process may no longer write the folder. */
  guard?: () => Promise<void>
  /** The changes of a batch that reached the disk, in order. */
  committed: (changes: Change[]) => void
  /** A batch failed: every change not yet committed has been rejected and must be undone. */
  failed: (error: unknown) => void
}

export class Journal {
  private handle: FileHandlePort | undefined
  private file = ''
  private size = 0
  /** The current file's end could not be restored after a failed write: the next write starts a new file. */
  private broken = false
  /** A rejected change may still be on disk (its file could not be cut back or voided). */
  uncertain = false
  private closed = false
  private pending: Pending[] = []
  private flushScheduled = false
  private chain: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: JournalOptions) {}

  get currentFile(): string {
    return this.file
  }

  /** Opens (creating if needed, owner-only) the journal file that new changes go to. */
  async open(file: string): Promise<void> {
    const handle = await this.options.fs.open(join(this.options.dir, file), 'a', 0o600)
    try {
      this.size = (await handle.stat()).size
    } catch (error) {
      await handle.close().catch(() => {})
      throw error
    }
    await this.handle?.close().catch(() => {})
    this.handle = handle
    this.file = file
    this.broken = false
  }

  /** Queues a change; `end` marks it as one of a group that counts only as a whole (see encodeChange). */
  append(change: Change, end?: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ change, line: encodeChange(change, end), resolve, reject })
      if (!this.flushScheduled) {
        this.flushScheduled = true
        void this.serial(() => this.flush())
      }
    })
  }

  /** Runs after every write queued so far: nothing is in flight while `task` runs. */
  serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task)
    this.chain = next.catch(() => {})
    return next
  }

  /** Starts a new journal file for changes from `firstSeq` on (never reusing a name). Only call it inside `serial`. */
  async switchTo(firstSeq: number): Promise<void> {
    const existing = await listJournals(this.options.fs, this.options.dir)
    // Past every other file's number: a name is never reused, whatever a crash left behind.
    const number = Math.max(
      firstSeq,
      ...existing.filter((n) => n !== this.file || this.broken).map((n) => numberOf(n) + 1),
    )
    const next = journalName(number)
    if (next === this.file && !this.broken) return
    await this.open(next)
    await fsyncFolder(this.options.fs, this.options.dir)
  }

  close(): Promise<void> {
    return this.serial(async () => {
      this.closed = true
      await this.handle?.close().catch(() => {})
      this.handle = undefined
    })
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false
    const batch = this.pending.splice(0)
    if (batch.length === 0) return
    const data = Buffer.concat(batch.map((p) => p.line))
    try {
      await retryWhileLocked(() => this.write(data, batch[0]!.change.seq), this.options.retryForMs ?? 10_000)
    } catch (error) {
      const later = this.pending.splice(0)
      // Undo in memory before any caller's promise settles, so nobody reads a change that is not on disk.
      this.options.failed(error)
      const failure = saveFailure(error)
      for (const p of batch) p.reject(failure)
      const notSaved = new AppFailure('io_error', say('journal.earlierFailed', { detail: failure.message }))
      for (const p of later) p.reject(notSaved)
      return
    }
    this.options.committed(batch.map((p) => p.change))
    for (const p of batch) p.resolve()
  }

  private async write(data: Buffer, firstSeq: number): Promise<void> {
    if (this.closed || !this.file) throw new AppFailure('conflict', say('journal.closed'))
    await this.options.guard?.()
    if (this.broken || !this.handle) await this.switchTo(firstSeq)
    try {
      await writeAll(this.handle!, data)
      await this.handle!.datasync()
    } catch (error) {
      await this.cutBack()
      if (this.broken) await this.voidFrom(firstSeq)
      throw error
    }
    this.size += data.length
  }

  /**
   * The rejected lines could not be cut off their file: a new file starts with a marker that voids them, so they
   * never come back at the next start. If even that cannot be written, `uncertain` is set and the store stops
   * taking changes (the disk is failing; a restart shows what it holds).
   */
  private async voidFrom(firstSeq: number): Promise<void> {
    try {
      await this.switchTo(firstSeq)
      const marker = encodeVoid(firstSeq)
      await writeAll(this.handle!, marker)
      await this.handle!.datasync()
      this.size += marker.length
    } catch {
      this.broken = true
      this.uncertain = true
    }
  }

  /** After a failed write: the file back to its last acknowledged byte, or marked broken if that cannot be done. */
  private async cutBack(): Promise<void> {
    try {
      await this.handle!.truncate(this.size)
      if ((await this.handle!.stat()).size === this.size) return
    } catch {
      // Reported below by never appending to this file again.
    }
    this.broken = true
  }
}

/** The message a therapist sees when a save could not be written. */
export function saveFailure(error: unknown): AppFailure {
  if (error instanceof AppFailure) return error
  const code = errnoOf(error)
  const why: Record<string, () => string> = {
    ENOSPC: () => say('journal.why.diskFull'),
    EDQUOT: () => say('journal.why.quota'),
    EPERM: () => say('journal.why.held'),
    EBUSY: () => say('journal.why.held'),
    EACCES: () => say('journal.why.notAllowed'),
    EROFS: () => say('journal.why.readOnly'),
    EIO: () => say('journal.why.diskError'),
  }
  const hint = (code && why[code]?.()) || ''
  return new AppFailure(
    'io_error',
    say('journal.notSaved', { code: code ?? say('file.unknownError'), why: hint }).replace(/ {2}/g, ' '),
  )
}
