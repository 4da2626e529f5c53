/**
 * The patient roster on disk: roster.json (a lowdb document, see
 * snapshot-file.ts) plus the change journal (journal.ts).
 *
 * Memory holds two layers: `durable`, exactly what is on disk, and `overlay`,
 * changes written to the journal but not yet fsynced. Reads see both, so the
 * next read sees an edit at once; a save resolves when its line is on disk and
 * only then moves into `durable`. When a write fails (full disk, short write,
 * fsync error, a lost folder lock) the overlay is dropped and every change in
 * it is rejected: memory is again exactly what is on disk, and nothing the
 * user was told failed can reappear later. Compaction writes only `durable`.
 *
 * Nothing unreadable is ever overwritten: it is moved aside and the store waits
 * for a restore (which can re-apply the journal's later changes) or an
 * explicit fresh start.
 */
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import { describeIssue } from '../../../src/core/issues'
import { patientSchema, summarize, type Patient, type PatientSummary } from '../../../src/core/patient'
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import { removeOrphanTemps } from '../atomic-write'
import { errnoOf, nodeFs, type FsPort } from '../fs-port'
import { patientOf, RecordError, type RecordEntry } from './format'
import { Journal, listJournals, type Change, type JournalRead } from './journal'
import { applyChange, loadRoster, ROSTER_FILE } from './load'
import { SnapshotFile, yieldToEventLoop, type RosterData, type Yield } from './snapshot-file'
import { fileStamp } from '../../../src/core/dates'

export { ROSTER_FILE } from './load'

export type RosterHealth =
  | { status: 'ready'; warnings?: string[] }
  | { status: 'read-only'; reason: string }
  | { status: 'recovery'; reason: string; quarantined: string[] }
  | { status: 'refused'; reason: string }
  | { status: 'closed'; reason: string }

export interface RosterStoreOptions {
  dir: string
  fs?: FsPort
  now?: () => Date
  /** Compact after this many journaled changes. */
  compactAfterChanges?: number
  pause?: Yield
  /** Called with the old file before an upgrade rewrites it (the backup hook). */
  beforeMigrate?: (file: string, fromVersion: number) => Promise<void>
  log?: (message: string, error?: unknown) => void
  /** How long a locked file is retried before a save is reported as failed. */
  retryForMs?: number
  /** Set when this process may not write the folder (another Homeplan holds it): the roster opens read-only. */
  readOnly?: string
  /** Throws if this process may no longer write the folder; run before every write. */
  guard?: () => Promise<void>
}

const entryOf = (patient: Patient): RecordEntry => ({ summary: summarize(patient), patient })
const keyOf = (change: Change) => (change.op === 'put' ? change.patient.id : change.id)

export class RosterStore {
  health: RosterHealth = { status: 'ready' }
  readonly file: string
  private readonly fs: FsPort
  private readonly db: Low<RosterData>
  private readonly journal: Journal
  private durable = new Map<string, RecordEntry>()
  private overlay = new Map<string, RecordEntry | null>()
  /** Changes handed to the journal and not yet on disk, oldest first. */
  private inFlight: Change[] = []
  private durableSeq = 0
  private nextSeq = 1
  private sinceSnapshot = 0
  private compactQueued = false
  private replacing = false
  /** Readable journal changes of a roster set aside, kept to be applied again on top of a backup. */
  private recoverable: Change[] = []
  /** Settles when every queued compaction has finished. */
  compactions: Promise<unknown> = Promise.resolve()
  private readonly now: () => Date
  private readonly log: NonNullable<RosterStoreOptions['log']>

  private constructor(private readonly options: RosterStoreOptions) {
    this.fs = options.fs ?? nodeFs
    this.file = join(options.dir, ROSTER_FILE)
    this.db = new Low(new SnapshotFile(this.file, this.fs, options.pause ?? yieldToEventLoop, options.retryForMs), {
      header: { savedAt: '', lastSeq: 0 },
      entries: [],
    })
    this.journal = new Journal({
      fs: this.fs,
      dir: options.dir,
      retryForMs: options.retryForMs,
      guard: options.guard,
      committed: (changes) => this.committed(changes),
      failed: (error) => this.failed(error),
    })
    this.now = options.now ?? (() => new Date())
    this.log = options.log ?? (() => {})
  }

  /** Opens the roster. Never rejects: whatever is found becomes a health status. */
  static async open(options: RosterStoreOptions): Promise<RosterStore> {
    const store = new RosterStore(options)
    try {
      await store.load()
    } catch (error) {
      store.health = {
        status: 'refused',
        reason: say('roster.openFailed', { detail: errnoOf(error) ?? (error as Error).message }),
      }
      store.log('Opening the roster failed', error)
    }
    return store
  }

  list(): PatientSummary[] {
    return this.records().map((e) => e.summary)
  }

  /** Every patient (for an export); a damaged record stops it with a message naming the patient. */
  patients(): Patient[] {
    return this.records().map((e) => this.parse(e))
  }

  get(id: string): Patient | undefined {
    const entry = this.entry(id)
    return entry ? this.parse(entry) : undefined
  }

  has(id: string): boolean {
    return this.entry(id) !== undefined
  }

  /** Saves a whole patient record; resolves once it is durably on disk. */
  put(patient: Patient): Promise<void> {
    this.assertWritable()
    return this.record([{ seq: 0, at: '', op: 'put', patient: checked(patient) }])
  }

  /** Saves several records as one write: all of them reach the disk, or none does. */
  putMany(patients: Patient[]): Promise<void> {
    this.assertWritable()
    const changes = patients.map((p) => ({ seq: 0, at: '', op: 'put' as const, patient: checked(p) }))
    return this.record(changes)
  }

  /**
   * Reads, changes and saves one record in one step (no other change can slip in between), so a save
   * can be checked against the revision it was made from.
   */
  async update(id: string, change: (current: Patient) => Patient, field = 'id'): Promise<Patient> {
    this.assertWritable()
    const current = this.get(id)
    if (!current) throw new AppFailure('not_found', say('roster.notFound'), field)
    const next = checked(change(current))
    if (next.id !== id) throw new Error('A change may not alter a patient’s id.')
    await this.record([{ seq: 0, at: '', op: 'put', patient: next }])
    return next
  }

  remove(id: string): Promise<void> {
    this.assertWritable()
    if (!this.has(id)) throw new AppFailure('not_found', say('roster.notFound'), 'id')
    return this.record([{ seq: 0, at: '', op: 'delete', id }])
  }

  /** Folds the journal into a fresh roster.json. Calls queue up; each covers every change saved before it. */
  compact(): Promise<void> {
    const run = this.compactions
      .then(() => this.compactNow())
      .catch((error: unknown) => {
        if (error instanceof AppFailure) throw error
        throw new AppFailure(
          'io_error',
          say('roster.rewriteFailed', { code: errnoOf(error) ?? say('file.unknownError') }),
        )
      })
    this.compactions = run.catch((error: unknown) => this.log('Roster compaction failed', error))
    return run
  }

  /** How many readable changes of a set-aside journal follow a backup taken at `afterSeq` with no gap. */
  replayableAfter(afterSeq: number): number {
    const later = this.recoverable.filter((c) => c.seq > afterSeq)
    return later.length && later[0]!.seq === afterSeq + 1 ? later.length : 0
  }

  /**
   * Replaces every record (restore, or a fresh start after recovery), continuing the change sequence.
   * With `replayAfter`, the set-aside journal's later changes are applied on top when they follow on.
   */
  async replaceAll(entries: RecordEntry[], replayAfter?: number): Promise<{ replayed: number }> {
    if (this.health.status !== 'ready' && this.health.status !== 'recovery')
      throw new AppFailure('conflict', 'reason' in this.health ? this.health.reason : say('roster.busy'))
    if (this.replacing) throw new AppFailure('conflict', say('roster.restoreUnderWay'))
    this.replacing = true
    try {
      await this.compactions
      return await this.journal.serial(async () => {
        await this.options.guard?.()
        const records = new Map(entries.map((e) => [e.summary.id, e]))
        const replay =
          replayAfter === undefined || !this.replayableAfter(replayAfter)
            ? []
            : this.recoverable.filter((c) => c.seq > replayAfter)
        for (const change of replay) applyChange(records, change, (c) => entryOf(c.patient))
        const lastSeq = Math.max(this.durableSeq, replayAfter ?? 0, ...replay.map((c) => c.seq))
        const covered = await listJournals(this.fs, this.options.dir)
        await this.journal.switchTo(lastSeq + 1)
        this.db.data = { header: { savedAt: this.now().toISOString(), lastSeq }, entries: [...records.values()] }
        await this.db.write()
        await this.dropJournals(covered)
        this.durable = records
        this.overlay.clear()
        this.durableSeq = lastSeq
        this.nextSeq = lastSeq + 1
        this.sinceSnapshot = 0
        this.recoverable = []
        this.health = { status: 'ready' }
        return { replayed: replay.length }
      })
    } finally {
      this.replacing = false
    }
  }

  async close(): Promise<void> {
    await this.compactions
    if (this.health.status === 'ready' || this.health.status === 'read-only')
      this.health = { status: 'closed', reason: say('roster.closing') }
    await this.journal.close()
  }

  private entry(id: string): RecordEntry | undefined {
    return (this.overlay.has(id) ? this.overlay.get(id) : this.durable.get(id)) ?? undefined
  }

  private records(): RecordEntry[] {
    if (this.overlay.size === 0) return [...this.durable.values()]
    const out: RecordEntry[] = []
    for (const [id, entry] of this.durable) {
      const pending = this.overlay.get(id)
      if (pending === undefined) out.push(entry)
      else if (pending) out.push(pending)
    }
    for (const [id, pending] of this.overlay) if (pending && !this.durable.has(id)) out.push(pending)
    return out
  }

  private parse(entry: RecordEntry): Patient {
    try {
      return patientOf(entry)
    } catch (error) {
      if (!(error instanceof RecordError)) throw error
      if (this.health.status === 'ready' && !this.health.warnings?.includes(error.message)) {
        this.health = { status: 'ready', warnings: [...(this.health.warnings ?? []), error.message] }
      }
      throw new AppFailure('io_error', error.message)
    }
  }

  private record(changes: Change[]): Promise<void> {
    const at = this.now().toISOString()
    // Several changes saved as one (an import) are written as a group that reaches the disk whole or not at all.
    const end = changes.length > 1 ? this.nextSeq + changes.length - 1 : undefined
    const saved = changes.map((change) => {
      change.seq = this.nextSeq++
      change.at = at
      this.inFlight.push(change)
      this.overlay.set(keyOf(change), change.op === 'put' ? entryOf(change.patient) : null)
      return this.journal.append(change, end)
    })
    if (
      this.sinceSnapshot + this.inFlight.length >= (this.options.compactAfterChanges ?? 2000) &&
      !this.compactQueued
    ) {
      this.compactQueued = true
      void this.compact().catch(() => {})
    }
    return Promise.all(saved).then(() => undefined)
  }

  /** A batch reached the disk: it joins `durable`. */
  private committed(changes: Change[]): void {
    for (const change of changes) {
      if (this.inFlight[0] !== change) throw new Error('Journal batches committed out of order.')
      this.inFlight.shift()
      const pending = this.overlay.get(keyOf(change))
      applyChange(this.durable, change, (c) =>
        pending && pending.summary.id === c.patient.id && pending.patient === c.patient ? pending : entryOf(c.patient),
      )
      this.durableSeq = change.seq
      this.sinceSnapshot++
    }
    this.overlay.clear()
    for (const change of this.inFlight)
      this.overlay.set(keyOf(change), change.op === 'put' ? entryOf(change.patient) : null)
  }

  /** A write failed: every change not on disk is dropped, so memory is again what the disk holds. */
  private failed(error: unknown): void {
    this.inFlight = []
    this.overlay.clear()
    this.nextSeq = this.durableSeq + 1
    this.log('A roster change could not be written; memory rolled back to what is on disk', error)
    if (error instanceof AppFailure && error.code === 'conflict' && this.health.status === 'ready') {
      this.health = { status: 'read-only', reason: error.message }
    }
    if (this.journal.uncertain && this.health.status === 'ready') {
      this.health = {
        status: 'read-only',
        reason: say('roster.diskUncertain'),
      }
    }
  }

  private async compactNow(): Promise<void> {
    this.compactQueued = false
    if (this.health.status !== 'ready') return
    let covered: string[] = []
    let data: RosterData | undefined
    // Inside the journal's queue no write is in flight: the copy and the switch to a new file are one step.
    await this.journal.serial(async () => {
      await this.options.guard?.()
      covered = await listJournals(this.fs, this.options.dir)
      data = {
        header: { savedAt: this.now().toISOString(), lastSeq: this.durableSeq },
        entries: [...this.durable.values()],
      }
      await this.journal.switchTo(this.durableSeq + 1)
    })
    this.db.data = data!
    await this.db.write()
    this.sinceSnapshot = Math.max(0, this.durableSeq - data!.header.lastSeq)
    await this.journal.serial(() => this.dropJournals(covered))
  }

  /** Removes journal files whose changes a written snapshot now holds (never the one being appended to). */
  private async dropJournals(names: string[]): Promise<void> {
    for (const name of names)
      if (name !== this.journal.currentFile) await this.fs.rm(join(this.options.dir, name), { force: true })
  }

  private assertWritable(): void {
    if (this.health.status !== 'ready') throw new AppFailure('conflict', this.health.reason)
    if (this.replacing) throw new AppFailure('conflict', say('roster.restoring'))
  }

  private async load(): Promise<void> {
    const { dir } = this.options
    const writable = this.options.readOnly === undefined
    if (writable) await this.fs.mkdir(dir, { recursive: true, mode: 0o700 })
    const loaded = await loadRoster(this.fs, dir)
    if (loaded.kind === 'refused') {
      this.health = { status: 'refused', reason: loaded.reason }
      return
    }
    if (loaded.kind === 'damaged') {
      this.recoverable = loaded.journal?.changes ?? []
      if (!writable) {
        this.health = {
          status: 'refused',
          reason: say('roster.unreadable', { reason: loaded.reason, readOnly: this.options.readOnly ?? '' }),
        }
        return
      }
      await this.quarantine(loaded.reason)
      return
    }
    this.durable = new Map(loaded.entries.map((e) => [e.summary.id, e]))
    this.durableSeq = loaded.lastSeq
    this.nextSeq = loaded.lastSeq + 1
    this.sinceSnapshot = loaded.lastSeq - loaded.snapshotSeq
    if (!writable) {
      this.health = { status: 'read-only', reason: this.options.readOnly! }
      return
    }
    await this.tidy(loaded.journal, loaded.hasSnapshot)
    if (loaded.upgradedFrom !== undefined) {
      await this.options.beforeMigrate?.(this.file, loaded.upgradedFrom)
      this.log(`Upgrading the patient file from version ${loaded.upgradedFrom}.`)
    }
    const { files, torn, damaged } = loaded.journal
    // Append to the newest file if it ended cleanly; otherwise start a new one (a name is never reused).
    const newest = files.at(-1)
    if (newest && !damaged.some((d) => d.file === newest)) await this.journal.open(newest)
    else await this.journal.switchTo(this.nextSeq)
    this.health = { status: 'ready', ...(loaded.warnings.length ? { warnings: loaded.warnings } : {}) }
    // An upgraded or partly damaged roster is written out at once, so the live files are whole and current.
    if (loaded.upgradedFrom !== undefined || damaged.length || torn.length) await this.compact().catch(() => {})
  }

  /** What a crash or damage left behind, cleaned while no one else may write here. */
  private async tidy(journal: JournalRead, hasSnapshot: boolean): Promise<void> {
    const dir = this.options.dir
    for (const { file, keepBytes } of journal.torn) await this.fs.truncate(join(dir, file), keepBytes)
    for (const file of new Set(journal.damaged.map((d) => d.file))) {
      const aside = join(dir, `${file}.quarantined-${fileStamp(this.now())}`)
      await this.fs.copyFile(join(dir, file), aside)
      await this.fs.chmod(aside, 0o600).catch(() => {})
    }
    // Empty files (a journal started just before a crash) hold nothing; the newest is kept to append to. Without a
    // roster.json they are all kept: the oldest file's number is what shows that no change came before it (a new
    // roster's failed first save leaves an empty file 1 beside a later one, and losing it would look like a lost roster).
    if (hasSnapshot)
      for (const file of journal.empty)
        if (file !== journal.files.at(-1)) await this.fs.rm(join(dir, file), { force: true })
    const removed = [
      ...(await removeOrphanTemps(this.fs, dir)),
      ...(await removeOrphanTemps(this.fs, join(dir, 'backups'))),
    ]
    if (removed.length) this.log(`Removed ${removed.length} temporary file(s) left by an interrupted save.`)
    // Patient data is for this user only (files from older versions were created readable by others).
    await this.fs.chmod(dir, 0o700).catch(() => {})
    for (const file of [ROSTER_FILE, ...journal.files]) await this.fs.chmod(join(dir, file), 0o600).catch(() => {})
  }

  private async quarantine(reason: string): Promise<void> {
    const stamp = fileStamp(this.now())
    const moved: string[] = []
    const names = [ROSTER_FILE, ...(await listJournals(this.fs, this.options.dir))]
    for (const name of names) {
      const aside = `${name}.quarantined-${stamp}`
      try {
        await this.fs.rename(join(this.options.dir, name), join(this.options.dir, aside))
        moved.push(aside)
        await this.fs.chmod(join(this.options.dir, aside), 0o600).catch(() => {})
      } catch (error) {
        if (errnoOf(error) !== 'ENOENT') throw error
      }
    }
    this.durable = new Map()
    this.durableSeq = Math.max(0, ...this.recoverable.map((c) => c.seq))
    this.nextSeq = this.durableSeq + 1
    const kept = this.recoverable.length ? say('roster.setAside.kept', { count: this.recoverable.length }) : ''
    this.health = {
      status: 'recovery',
      reason: say('roster.setAside.reason', {
        reason,
        file: moved[0] ?? ROSTER_FILE,
        related: moved.length > 1 ? say('roster.setAside.related', { count: moved.length - 1 }) : '',
        kept,
      }),
      quarantined: moved,
    }
    this.log(this.health.reason)
  }
}

/** A record checked against the schema before it is saved; a problem becomes a sentence, not zod's text. */
function checked(patient: Patient): Patient {
  const parsed = patientSchema.safeParse(patient)
  if (parsed.success) return parsed.data
  const { message, field } = describeIssue((parsed as z.ZodSafeParseError<Patient>).error.issues)
  throw new AppFailure('invalid_argument', message, field)
}
