/**
 * The change journal beside roster.json: one JSON object per line, each
 * acknowledged only after it is fsynced. An edit therefore costs one short
 * append, not a rewrite of the whole roster. Files are named by the first
 * sequence number they may hold (roster.journal.000000000042.jsonl) and
 * replaced at compaction.
 *
 * Concurrent appends are group-committed: everything queued while a write is
 * in flight goes out in the next write with one fsync, and each caller's
 * promise resolves only when its own line is on disk.
 */
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { fsyncFolder } from '../atomic-write'
import { id, patientSchema, type Patient } from '../../../src/core/patient'

export type Change = { seq: number; at: string; op: 'put'; patient: Patient } | { seq: number; at: string; op: 'delete'; id: string }

const changeSchema = z.discriminatedUnion('op', [
  z.object({ seq: z.number().int().positive(), at: z.string(), op: z.literal('put'), patient: patientSchema }),
  z.object({ seq: z.number().int().positive(), at: z.string(), op: z.literal('delete'), id }),
])

export const JOURNAL_PATTERN = /^roster\.journal\.(\d{12})\.jsonl$/
export const journalName = (firstSeq: number) => `roster.journal.${String(firstSeq).padStart(12, '0')}.jsonl`

export class JournalError extends Error {}

export interface JournalRead {
  changes: Change[]
  files: string[]
  /** A last line cut off by a crash: never acknowledged, so dropped; the file is cut back to `keepBytes`. */
  torn?: { file: string; keepBytes: number }
}

export async function listJournals(dir: string): Promise<string[]> {
  const names = await fsp.readdir(dir).catch(() => [] as string[])
  return names.filter((n) => JOURNAL_PATTERN.test(n)).sort()
}

/** Reads every journal file in order. A damaged line anywhere but at the very end is an error. */
export async function readJournals(dir: string): Promise<JournalRead> {
  const files = await listJournals(dir)
  const changes: Change[] = []
  let torn: JournalRead['torn']
  for (const [fileIndex, file] of files.entries()) {
    const buf = await fsp.readFile(join(dir, file))
    const isLastFile = fileIndex === files.length - 1
    for (let start = 0; start < buf.length; ) {
      const end = buf.indexOf(0x0a, start)
      if (end === -1) {
        // No newline: an append cut off by a crash (or zero bytes the file system left). It was never
        // acknowledged, so it is dropped; anywhere but the newest file it means damage.
        if (!isLastFile) throw new JournalError(`${file} ends in the middle of a change.`)
        torn = { file, keepBytes: start }
        break
      }
      let change: Change | undefined
      try {
        const parsed = changeSchema.safeParse(JSON.parse(buf.subarray(start, end).toString('utf8')))
        if (parsed.success) change = parsed.data as Change
      } catch {
        change = undefined
      }
      if (!change) throw new JournalError(`${file} is damaged at byte ${start}.`)
      changes.push(change)
      start = end + 1
    }
  }
  for (let i = 1; i < changes.length; i++) {
    if (changes[i]!.seq <= changes[i - 1]!.seq) throw new JournalError('The change journal is out of order.')
  }
  return { changes, files, torn }
}

interface Pending {
  line: string
  resolve: () => void
  reject: (error: unknown) => void
}

export class Journal {
  private handle: fsp.FileHandle | undefined
  private file = ''
  private size = 0
  private pending: Pending[] = []
  private flushScheduled = false
  private chain: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly dir: string,
    private readonly onWriteFailure: (error: unknown) => void,
  ) {}

  get currentFile(): string {
    return this.file
  }

  /** Opens (creating if needed) the journal file that new changes go to. */
  async open(file: string): Promise<void> {
    await this.handle?.close()
    this.handle = await fsp.open(join(this.dir, file), 'a')
    this.file = file
    this.size = (await this.handle.stat()).size
  }

  append(change: Change): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ line: `${JSON.stringify(change)}\n`, resolve, reject })
      if (!this.flushScheduled) {
        this.flushScheduled = true
        this.serial(() => this.flush())
      }
    })
  }

  /** Runs after every write queued so far: nothing is in flight while `task` runs. */
  serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task)
    this.chain = next.catch(() => {})
    return next
  }

  /** Starts a new journal file for changes from `firstSeq` on. Only call it inside `serial`. */
  async switchTo(firstSeq: number): Promise<void> {
    const next = journalName(firstSeq)
    if (next === this.file) return
    await this.handle?.close()
    await this.open(next)
    await fsyncFolder(this.dir)
  }

  close(): Promise<void> {
    return this.serial(async () => {
      await this.handle?.close()
      this.handle = undefined
    })
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false
    const batch = this.pending.splice(0)
    if (batch.length === 0) return
    const data = batch.map((p) => p.line).join('')
    try {
      if (!this.handle) throw new JournalError('The roster is closed.')
      await this.handle.write(data)
      await this.handle.datasync()
      this.size += Buffer.byteLength(data)
      for (const p of batch) p.resolve()
    } catch (error) {
      // Cut off whatever part of the batch reached the file, so an unacknowledged change never reappears.
      await this.handle?.truncate(this.size).catch(() => {})
      for (const p of batch) p.reject(error)
      this.onWriteFailure(error)
    }
  }
}
