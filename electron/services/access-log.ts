/**
 * The access log: `access-log.jsonl` in the data folder (owner-only), one line per event: who opened, changed,
 * exported, printed, imported, restored or deleted which patient, and when. Lines are only ever appended.
 *
 * Each line is chained to the one before: `prev` is the previous line's `hash`, and `hash` is the SHA-256 of the
 * line as it would read without its `hash` field. So a line edited, deleted or moved, or a last line cut off, shows
 * at the next start (a line whose own hash no longer fits, or whose `prev` is not the hash of the line before it).
 * Nothing found is ever rewritten: the user is told (a notice), and a `chainBroken` line naming what was found is
 * appended, so entries go on after it and the same damage is not reported again at every start. The chain only
 * detects changes made without recomputing every later hash; it is not a signature (there is no secret).
 *
 * The chain alone cannot see its last lines deleted (or the file emptied): what is left is still a chain. So the
 * chain's head (the last line's hash and the number of lines) is also kept outside the log, in `access-log.head`,
 * written atomically after each append. At start, a log that no longer holds the line the head names is reported like
 * any other break. (Deleting the head file too goes unseen: this is tamper evidence, not a signature.)
 *
 * Appends go one at a time, each written in full and fsynced (as the roster's journal does). A failed append (a
 * full disk) never fails what the user did: it is reported, and the file cut back to its last good line.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { CHAIN_BROKEN, type AccessLogEntry } from '../../src/core/access-log'
import { retryWhileLocked, writeAtomic } from './atomic-write'
import { errnoOf, writeAll, type FileHandlePort, type FsPort } from './fs-port'

export const ACCESS_LOG_FILE = 'access-log.jsonl'
/** The chain's head as last written: `{"hash": <last line's hash>, "lines": <lines in the log>}`. */
export const ACCESS_LOG_HEAD_FILE = 'access-log.head'
/** The `prev` of the first line. */
export const GENESIS = '0'.repeat(64)

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const HASH_TAIL = /,"hash":"([0-9a-f]{64})"\}$/

/** A line as stored: the entry, the hash it follows, and (on a chain-broken line) the problems it acknowledges. */
interface StoredLine extends AccessLogEntry {
  prev: string
  breaks?: string[]
}

/** `{…,"prev":"…","hash":"…"}\n`, the hash taken over the line as it reads without its last field. */
export function encodeLine(line: StoredLine): { bytes: Buffer; hash: string } {
  const body = JSON.stringify(line)
  const hash = sha256(body)
  return { bytes: Buffer.from(`${body.slice(0, -1)},"hash":"${hash}"}\n`), hash }
}

/** One line: its entry and stored hash, and whether that hash fits its content; undefined when it cannot be read. */
function decodeLine(raw: string): { line: StoredLine; hash: string; intact: boolean } | undefined {
  const tail = HASH_TAIL.exec(raw)
  if (!tail) return undefined
  const body = `${raw.slice(0, tail.index)}}`
  let line: StoredLine
  try {
    line = JSON.parse(body) as StoredLine
  } catch {
    return undefined
  }
  if (!line || typeof line !== 'object' || typeof line.prev !== 'string' || typeof line.at !== 'string')
    return undefined
  return { line, hash: tail[1]!, intact: sha256(body) === tail[1] }
}

export interface ChainProblem {
  /** 1-based line number in the file. */
  line: number
  /** `edited`: the line's content no longer fits its hash (or cannot be read); `moved`: the line before it is not the one it was written after (a line deleted or the order changed); `truncated`: the last line was cut off; `shortened`: the line the stored head names is gone (last lines deleted, the file emptied). */
  kind: 'edited' | 'moved' | 'truncated' | 'shortened'
  /** The line and the one before it, hashed: the same damage has the same id at every start. */
  id: string
}

export interface ChainReport {
  /** Every readable line's entry, oldest first (damaged ones too, as they read now). */
  entries: AccessLogEntry[]
  problems: ChainProblem[]
  /** Problems a chain-broken line already recorded (reported at an earlier start). */
  acknowledged: Set<string>
  /** What the next line's `prev` must be. */
  head: string
  /** Each line's hash as the next line would chain to it, in order (so `head` is the last). */
  hashes: string[]
  /** The file does not end with a newline (an append cut off). */
  torn: boolean
}

const entryOf = ({ prev: _prev, breaks: _breaks, hash: _hash, ...entry }: StoredLine & { hash?: string }) =>
  entry as AccessLogEntry

/** Walks the chain. A line that cannot be read is chained by the hash of its bytes (so a marker can follow it). */
export function verifyChain(bytes: Buffer): ChainReport {
  const text = bytes.toString('utf8')
  const torn = text.length > 0 && !text.endsWith('\n')
  const raws = text.split('\n')
  if (!torn) raws.pop()
  const report: ChainReport = { entries: [], problems: [], acknowledged: new Set(), head: GENESIS, hashes: [], torn }
  let before = ''
  raws.forEach((raw, i) => {
    const problemId = sha256(`${before}\n${raw}`)
    const decoded = decodeLine(raw)
    const last = i === raws.length - 1
    if (last && torn) report.problems.push({ line: i + 1, kind: 'truncated', id: problemId })
    else if (!decoded || !decoded.intact) report.problems.push({ line: i + 1, kind: 'edited', id: problemId })
    else if (decoded.line.prev !== report.head) report.problems.push({ line: i + 1, kind: 'moved', id: problemId })
    if (decoded) {
      report.entries.push(entryOf(decoded.line))
      if (decoded.intact && decoded.line.action === CHAIN_BROKEN)
        for (const id of decoded.line.breaks ?? []) report.acknowledged.add(id)
    }
    report.head = decoded ? decoded.hash : sha256(raw)
    report.hashes.push(report.head)
    before = raw
  })
  return report
}

/** The head as stored in ACCESS_LOG_HEAD_FILE. */
interface StoredHead {
  hash: string
  lines: number
}

const readHead = (bytes: Buffer): StoredHead | undefined => {
  try {
    const head = JSON.parse(bytes.toString('utf8')) as Partial<StoredHead>
    return typeof head.hash === 'string' && Number.isInteger(head.lines) ? (head as StoredHead) : undefined
  } catch {
    return undefined
  }
}

/**
 * The log no longer holds the line the stored head names (its last lines deleted, or the file emptied or replaced).
 * A head still in the log, even with lines after it (a crash between an append and the head's write), is fine.
 */
export function headProblem(chain: ChainReport, stored: StoredHead | undefined): ChainProblem | undefined {
  if (!stored || stored.lines === 0 || chain.hashes.includes(stored.hash)) return undefined
  // The head's own line cut off part-way is already reported as cut off.
  if (chain.torn && chain.hashes.length === stored.lines) return undefined
  return { line: stored.lines, kind: 'shortened', id: sha256(`head\n${stored.hash}\n${stored.lines}`) }
}

const describe = (p: ChainProblem, lines: number) =>
  p.kind === 'edited'
    ? `line ${p.line} was changed`
    : p.kind === 'moved'
      ? `a line before line ${p.line} was removed or moved`
      : p.kind === 'truncated'
        ? `the last line (${p.line}) was cut off`
        : lines === 0
          ? `the log was emptied (it had ${p.line} lines)`
          : lines < p.line
            ? `its last ${p.line - lines} line(s) were removed (it had ${p.line}, it has ${lines})`
            : `its last line(s) were removed or replaced (line ${p.line} is not the one written there)`

export interface AccessLogOptions {
  fs: FsPort
  dir: string
  now?: () => Date
  /** Tells the user (a notice): a broken chain found at start, an entry that could not be written. */
  report: (message: string) => void
  log?: (message: string, error?: unknown) => void
  /** How long a locked file (antivirus, sync clients) is retried before an append fails. */
  retryForMs?: number
}

export interface AccessLog {
  /** Checks the chain (once; later calls wait for the first) and opens the file for appending. */
  open(): Promise<void>
  /** Queues an entry, stamped now. Never throws and never waits for the disk: a failure is reported. */
  record(entry: Omit<AccessLogEntry, 'at'>): void
  /** Every entry, oldest first, once the queued ones are written. */
  read(): Promise<AccessLogEntry[]>
  /** Resolves once every queued entry is written (or has failed). */
  idle(): Promise<void>
  close(): Promise<void>
}

export function createAccessLog(options: AccessLogOptions): AccessLog {
  const { fs } = options
  const file = join(options.dir, ACCESS_LOG_FILE)
  const headFile = join(options.dir, ACCESS_LOG_HEAD_FILE)
  const now = options.now ?? (() => new Date())
  const log = options.log ?? (() => {})
  let handle: FileHandlePort | undefined
  let head = GENESIS
  /** Lines in the log (a line left unfinished by a failed write counts: it ends up a line of its own). */
  let lines = 0
  let size = 0
  /** The end of the file could not be cut back after a failed append: the next line starts on a line of its own. */
  let ragged = false
  /** A failure was reported and nothing has been written since: not reported again until one succeeds. */
  let failing = false
  let opened: Promise<void> | undefined
  let queue: Promise<void> = Promise.resolve()
  const reported = new Set<string>()

  const append = async (line: StoredLine) => {
    if (!handle) throw new Error('The access log is not open.')
    const { bytes, hash } = encodeLine(line)
    let residue = false
    const attempt = async () => {
      // After a line left unfinished (cut off, or not cut back after a failed write), a new line starts first.
      const data = ragged ? Buffer.concat([Buffer.from('\n'), bytes]) : bytes
      try {
        await writeAll(handle!, data)
        await handle!.datasync()
      } catch (error) {
        // Back to the last good byte, so a retry (or the next entry) does not follow half a line.
        try {
          await handle!.truncate(size)
          if ((await handle!.stat()).size !== size) ragged = residue = true
        } catch {
          ragged = residue = true
        }
        throw error
      }
      size += data.length
      ragged = false
    }
    try {
      await retryWhileLocked(attempt, options.retryForMs ?? 10_000)
    } finally {
      // What a failed write left behind is a line of its own once the next line starts after it.
      if (residue) lines += 1
    }
    head = hash
    lines += 1
    await writeHead()
  }

  /** Keeps the head outside the log. Failing to is only logged: a head left behind still names a line in the log. */
  const writeHead = () =>
    writeAtomic(fs, headFile, [Buffer.from(JSON.stringify({ hash: head, lines } satisfies StoredHead))], {
      retryForMs: options.retryForMs,
    }).catch((error: unknown) => log('The access log’s head could not be kept', error))

  const start = async () => {
    let bytes: Buffer
    try {
      bytes = await fs.readFile(file)
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw error
      bytes = Buffer.alloc(0)
    }
    const chain = verifyChain(bytes)
    const stored = await fs.readFile(headFile).then(readHead, (error: unknown) => {
      if (errnoOf(error) !== 'ENOENT') log('The access log’s head could not be read', error)
      return undefined
    })
    await handle?.close().catch(() => {})
    handle = await fs.open(file, 'a', 0o600)
    size = (await handle.stat()).size
    head = chain.head
    lines = chain.hashes.length
    const shortened = headProblem(chain, stored)
    const fresh = [...chain.problems, ...(shortened ? [shortened] : [])].filter((p) => !chain.acknowledged.has(p.id))
    if (fresh.length === 0) {
      // A log from before the head was kept, or a crash before its head was written: from now on it is.
      if (lines > 0 && (stored?.hash !== head || stored.lines !== lines)) await writeHead()
      return
    }
    const found = fresh.map((p) => describe(p, lines)).join('; ')
    // Told once per run, even when the marker cannot be written and the check runs again with the next entry.
    if (fresh.some((p) => !reported.has(p.id)))
      options.report(
        `The access log (${file}) was changed outside Homeplan: ${found}. It was left as it is; new entries continue after a line that records this.`,
      )
    for (const p of fresh) reported.add(p.id)
    // A cut-off last line is ended first (only appended to, never rewritten): it then reads as a damaged line.
    ragged = chain.torn
    await append({
      at: now().toISOString(),
      who: null,
      action: CHAIN_BROKEN,
      detail: found,
      breaks: fresh.map((p) => p.id),
      prev: head,
    })
  }

  const open = () =>
    (opened ??= start().catch((error: unknown) => {
      opened = undefined
      throw error
    }))

  const enqueue = (task: () => Promise<void>) => {
    queue = queue.then(task, task)
    return queue
  }

  return {
    open,
    record(entry) {
      const at = now().toISOString()
      void enqueue(async () => {
        try {
          await open()
          await append({ ...entry, at, prev: head })
          failing = false
        } catch (error) {
          log('An access log entry could not be written', error)
          if (failing) return
          failing = true
          options.report(
            `An entry of the access log could not be written (${errnoOf(error) ?? 'error'}): “${entry.action}” at ${at}. What you did was done; free some disk space or check the disk so the log is complete.`,
          )
        }
      })
    },
    async read() {
      await queue
      try {
        return verifyChain(await fs.readFile(file)).entries
      } catch (error) {
        if (errnoOf(error) === 'ENOENT') return []
        throw error
      }
    },
    idle: () => queue,
    close: () =>
      enqueue(async () => {
        await handle?.close().catch(() => {})
        handle = undefined
        opened = undefined
      }),
  }
}

const CSV_COLUMNS = ['at', 'who', 'action', 'patientId', 'initials', 'detail'] as const

/** One CSV field: quoted when needed, and a leading =, +, - or @ defused so a spreadsheet does not run it as a formula. */
const csvField = (value: string) => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The log as CSV, oldest first; "this computer" where no therapist was chosen. */
export function accessLogCsv(entries: readonly AccessLogEntry[]): string {
  const rows = entries.map((e) =>
    CSV_COLUMNS.map((column) => csvField(column === 'who' ? (e.who ?? 'this computer') : (e[column] ?? ''))).join(','),
  )
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`
}
