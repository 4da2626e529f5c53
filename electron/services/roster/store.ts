/**
 * The patient roster on disk: roster.json (a lowdb document, see
 * snapshot-file.ts) plus the change journal (journal.ts). Edits are applied in
 * memory at once (so the next read sees them) and resolve when their journal
 * line is fsynced; compaction folds the journal into a new roster.json in the
 * background. Nothing unreadable is ever overwritten: it is moved aside and the
 * store waits for a restore or an explicit fresh start.
 */
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { patientSchema, summarize, type Patient, type PatientSummary } from '../../../src/core/patient'
import { AppFailure } from '../../../src/core/result'
import { FORMAT, patientOf, peekSchemaVersion, SCHEMA_VERSION, SnapshotError, type RecordEntry } from './format'
import { Journal, JournalError, journalName, listJournals, readJournals, type Change } from './journal'
import { migrate } from './migrations'
import { SnapshotFile, yieldToEventLoop, type RosterData, type Yield } from './snapshot-file'

export const ROSTER_FILE = 'roster.json'

export type RosterHealth =
  | { status: 'ready' }
  | { status: 'recovery'; reason: string; quarantined: string[] }
  | { status: 'refused'; reason: string }
  | { status: 'closed'; reason: string }

export interface RosterStoreOptions {
  dir: string
  now?: () => Date
  /** Compact after this many journaled changes. */
  compactAfterChanges?: number
  pause?: Yield
  /** Called with the old file before a migration rewrites it (the backup hook). */
  beforeMigrate?: (file: string, fromVersion: number) => Promise<void>
  log?: (message: string, error?: unknown) => void
  /** How long a locked roster.json is retried before the save is reported as failed. */
  retryForMs?: number
  rename?: (from: string, to: string) => Promise<void>
}

const emptyData = (): RosterData => ({
  header: { format: FORMAT, schemaVersion: SCHEMA_VERSION, savedAt: new Date(0).toISOString(), lastSeq: 0, count: 0 },
  entries: [],
})

export class RosterStore {
  health: RosterHealth = { status: 'ready' }
  readonly file: string
  private readonly db: Low<RosterData>
  private readonly journal: Journal
  private index = new Map<string, number>()
  private lastSeq = 0
  private sinceSnapshot = 0
  private compactQueued = false
  /** Settles when every queued compaction has finished. */
  compactions: Promise<unknown> = Promise.resolve()
  private readonly now: () => Date
  private readonly log: NonNullable<RosterStoreOptions['log']>

  private constructor(private readonly options: RosterStoreOptions) {
    this.file = join(options.dir, ROSTER_FILE)
    this.db = new Low(new SnapshotFile(this.file, options.pause ?? yieldToEventLoop, options.retryForMs, options.rename), emptyData())
    this.journal = new Journal(options.dir, (error) => this.onJournalFailure(error))
    this.now = options.now ?? (() => new Date())
    this.log = options.log ?? (() => {})
  }

  static async open(options: RosterStoreOptions): Promise<RosterStore> {
    await fsp.mkdir(options.dir, { recursive: true })
    const store = new RosterStore(options)
    await store.load()
    return store
  }

  get entries(): readonly RecordEntry[] {
    return this.db.data.entries
  }

  list(): PatientSummary[] {
    return this.db.data.entries.map((entry) => entry.summary)
  }

  get(id: string): Patient | undefined {
    const i = this.index.get(id)
    return i === undefined ? undefined : patientOf(this.db.data.entries[i]!)
  }

  /** Saves a whole patient record; resolves once it is durably on disk. */
  put(patient: Patient): Promise<void> {
    this.assertWritable()
    const checked = patientSchema.parse(patient)
    return this.record({ seq: ++this.lastSeq, at: this.now().toISOString(), op: 'put', patient: checked })
  }

  remove(id: string): Promise<void> {
    this.assertWritable()
    if (!this.index.has(id)) throw new AppFailure('not_found', 'That patient no longer exists.')
    return this.record({ seq: ++this.lastSeq, at: this.now().toISOString(), op: 'delete', id })
  }

  /** Folds the journal into a fresh roster.json. Calls queue up; each covers every change made before it. */
  compact(): Promise<void> {
    const run = this.compactions.then(() => this.compactNow())
    this.compactions = run.catch((error: unknown) => this.log('Roster compaction failed', error))
    return run
  }

  /** Replaces every record (restore, or a fresh start after recovery), continuing the change sequence. */
  async replaceAll(entries: RecordEntry[]): Promise<void> {
    if (this.health.status === 'refused' || this.health.status === 'closed') throw new AppFailure('conflict', this.health.reason)
    await this.compactions
    await this.journal.serial(async () => {
      const data: RosterData = { header: this.header(entries.length), entries }
      await this.journal.switchTo(this.lastSeq + 1)
      await this.db.adapter.write(data)
      await this.dropJournalsExceptCurrent()
      this.db.data = data
      this.reindex()
      this.sinceSnapshot = 0
      this.health = { status: 'ready' }
    })
  }

  async close(): Promise<void> {
    await this.compactions
    if (this.health.status === 'ready') this.health = { status: 'closed', reason: 'Homeplan is closing; the roster is no longer open.' }
    await this.journal.close()
  }

  private record(change: Change): Promise<void> {
    this.apply(change)
    this.sinceSnapshot++
    const saved = this.journal.append(change)
    if (this.sinceSnapshot >= (this.options.compactAfterChanges ?? 2000) && !this.compactQueued) {
      this.compactQueued = true
      void this.compact().catch(() => {})
    }
    return saved
  }

  private apply(change: Change): void {
    const entries = this.db.data.entries
    const key = change.op === 'put' ? change.patient.id : change.id
    const i = this.index.get(key)
    if (change.op === 'put') {
      const entry: RecordEntry = { summary: summarize(change.patient), patient: change.patient }
      if (i === undefined) {
        this.index.set(key, entries.length)
        entries.push(entry)
      } else entries[i] = entry
    } else if (i !== undefined) {
      entries.splice(i, 1)
      this.reindex(i)
    }
  }

  private reindex(from = 0): void {
    if (from === 0) this.index.clear()
    const entries = this.db.data.entries
    for (let i = from; i < entries.length; i++) this.index.set(entries[i]!.summary.id, i)
    for (const [key, i] of this.index) if (i >= entries.length) this.index.delete(key)
  }

  private header(count: number): RosterData['header'] {
    return { format: FORMAT, schemaVersion: SCHEMA_VERSION, savedAt: this.now().toISOString(), lastSeq: this.lastSeq, count }
  }

  private async compactNow(): Promise<void> {
    this.compactQueued = false
    if (this.health.status !== 'ready') return
    let data: RosterData | undefined
    // Inside the journal's queue no write is in flight: the copy and the switch to a new file are one step.
    await this.journal.serial(async () => {
      data = { header: this.header(this.db.data.entries.length), entries: this.db.data.entries.slice() }
      this.sinceSnapshot = 0
      await this.journal.switchTo(this.lastSeq + 1)
    })
    await this.db.adapter.write(data!)
    await this.journal.serial(() => this.dropJournalsExceptCurrent())
  }

  private async dropJournalsExceptCurrent(): Promise<void> {
    for (const name of await listJournals(this.options.dir)) {
      if (name !== this.journal.currentFile) await fsp.rm(join(this.options.dir, name), { force: true })
    }
  }

  private assertWritable(): void {
    if (this.health.status !== 'ready') throw new AppFailure('conflict', this.health.reason)
  }

  private async load(): Promise<void> {
    const buf = await fsp.readFile(this.file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    })
    const version = buf ? peekSchemaVersion(buf) : undefined
    if (version !== undefined && version > SCHEMA_VERSION) {
      this.health = {
        status: 'refused',
        reason: `This patient file was saved by a newer version of Homeplan (file version ${version}, this app reads up to ${SCHEMA_VERSION}). Update Homeplan to open it; the file has not been changed.`,
      }
      return
    }
    try {
      if (buf && version !== undefined && version < SCHEMA_VERSION) await this.migrateFile(buf, version)
      else this.db.data = (await this.db.read(), this.db.data ?? emptyData())
      await this.replayJournals()
      this.health = { status: 'ready' }
    } catch (error) {
      if (!(error instanceof SnapshotError || error instanceof JournalError || error instanceof SyntaxError)) throw error
      await this.quarantine(error.message)
    }
  }

  private async replayJournals(): Promise<void> {
    const { changes, files, torn } = await readJournals(this.options.dir)
    this.reindex()
    this.lastSeq = this.db.data.header.lastSeq
    for (const change of changes) {
      if (change.seq <= this.db.data.header.lastSeq) continue
      this.apply(change)
      this.lastSeq = change.seq
      this.sinceSnapshot++
    }
    if (torn) await fsp.truncate(join(this.options.dir, torn.file), torn.keepBytes)
    await this.journal.open(files.at(-1) ?? journalName(this.lastSeq + 1))
  }

  private async migrateFile(buf: Buffer, version: number): Promise<void> {
    await this.options.beforeMigrate?.(this.file, version)
    const doc = migrate(JSON.parse(buf.toString('utf8')))
    const entries = doc.patients.map((raw, i) => {
      const parsed = patientSchema.safeParse(raw)
      if (!parsed.success) throw new SnapshotError(`Patient ${i + 1} could not be upgraded: ${parsed.error.issues[0]?.message}`, 'unreadable')
      return { summary: summarize(parsed.data), patient: parsed.data }
    })
    this.lastSeq = 0
    this.db.data = { header: this.header(entries.length), entries }
    await this.db.write()
    this.log(`Upgraded the patient file from version ${version} to ${SCHEMA_VERSION}.`)
  }

  private async quarantine(reason: string): Promise<void> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    const moved: string[] = []
    const names = [ROSTER_FILE, ...(await listJournals(this.options.dir))]
    for (const name of names) {
      const aside = `${name}.quarantined-${stamp}`
      try {
        await fsp.rename(join(this.options.dir, name), join(this.options.dir, aside))
        moved.push(aside)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
    this.db.data = emptyData()
    this.reindex()
    this.health = {
      status: 'recovery',
      reason: `The patient file could not be read: ${reason} It has been set aside unchanged in the data folder as ${moved[0] ?? ROSTER_FILE}${moved.length > 1 ? ` (with ${moved.length - 1} related ${moved.length === 2 ? 'file' : 'files'})` : ''}. Restore a backup, or start an empty roster.`,
      quarantined: moved,
    }
    this.log(this.health.reason)
  }

  private onJournalFailure(error: unknown): void {
    this.log('A roster change could not be written; reloading from disk', error)
    // Memory may hold the failed change: rebuild it from what is really on disk.
    void this.journal.serial(async () => {
      this.db.data = (await this.db.read()) ?? emptyData()
      await this.replayJournals()
    })
  }
}
