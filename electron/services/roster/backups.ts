/**
 * Rolling backups of roster.json in <data>/backups. A backup is a compaction
 * followed by a copy of the fresh roster.json (the copy runs off the main
 * thread in libuv). Automatic ones are thinned to the 10 newest plus the
 * newest of each of the last 14 days; the ones a person asked for, and those
 * taken before a restore, an import or an upgrade, are kept for 30 days.
 *
 * Every backup is checked before it is offered (its checksum, or for an old
 * version's file a full read and upgrade), so recovery never offers one that
 * cannot be restored; a restore checks every record again before anything is
 * replaced.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import type { BackupInfo, BackupKind } from '../../../src/core/roster-contract'
import { errnoOf, fsyncFolder, nodeFs, type FsPort } from '../fs-port'
import { PRIVATE_FILE, privateFolder } from '../private-modes'
import { decodeSnapshot, encodeSnapshot, patientOf, RecordError, SnapshotError, type RecordEntry } from './format'
import { writeAtomic } from '../atomic-write'
import type { RosterStore } from './store'
import { fileStamp, fromFileStamp } from '../../../src/core/dates'

export const BACKUP_FOLDER = 'backups'
const KINDS = 'auto|manual|before-restore|before-import|before-migration'
const NAME = new RegExp(`^roster-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)-(${KINDS})\\.json$`)
const DAY = 24 * 3600 * 1000

export interface BackupOptions {
  dir: string
  fs?: FsPort
  now?: () => Date
  /** Minimum time between automatic backups while editing. */
  autoEveryMs?: number
}

interface Checked {
  key: string
  usable: boolean
  problem?: string
  patients: number | null
  lastSeq: number | null
}

export class Backups {
  readonly folder: string
  private readonly fs: FsPort
  private readonly now: () => Date
  private lastAuto: number | undefined
  private running: Promise<unknown> = Promise.resolve()
  /** Check results by file name, valid while the file's size and time are unchanged. */
  private readonly checked = new Map<string, Checked>()

  constructor(private readonly options: BackupOptions) {
    this.folder = join(options.dir, BACKUP_FOLDER)
    this.fs = options.fs ?? nodeFs
    this.now = options.now ?? (() => new Date())
  }

  /**
   * Copies a file as it is (used before an upgrade rewrites roster.json). An identical copy of the same
   * kind is not made twice, so an upgrade that keeps failing does not fill the folder.
   */
  async keepCopy(file: string, kind: BackupKind): Promise<BackupInfo> {
    await privateFolder(this.fs, this.folder)
    const digest = await this.digest(file)
    for (const existing of await this.list()) {
      if (existing.kind === kind && (await this.digest(join(this.folder, existing.id)).catch(() => '')) === digest)
        return existing
    }
    // Two backups in the same millisecond get consecutive stamps instead of overwriting each other.
    const name = await this.copyUnderFreeName(file, kind)
    return this.describe(name)
  }

  /** Resolves when no backup is being taken (before closing the roster). */
  idle(): Promise<unknown> {
    return this.running
  }

  /** Takes a backup of the live roster; backups run one at a time. */
  create(store: RosterStore, kind: BackupKind): Promise<BackupInfo> {
    return this.queue(() => this.take(store, kind))
  }

  /** After an edit: a backup, if the newest automatic one is older than `autoEveryMs`. */
  maybeAuto(store: RosterStore): Promise<BackupInfo | null> {
    return this.queue(async () => {
      if (this.lastAuto === undefined) {
        const newest = (await this.list()).find((b) => b.kind === 'auto')
        this.lastAuto = newest ? Date.parse(newest.createdAt) : 0
      }
      if (this.now().getTime() - this.lastAuto < (this.options.autoEveryMs ?? 5 * 60_000)) return null
      return this.take(store, 'auto')
    })
  }

  /** Every backup, newest first, each marked usable or not (with the reason). */
  async list(): Promise<BackupInfo[]> {
    const names = await this.fs.readdir(this.folder).catch(() => [] as string[])
    const infos: BackupInfo[] = []
    for (const name of names.filter((n) => NAME.test(n))) {
      const info = await this.describe(name).catch(() => undefined)
      if (info) infos.push(info)
    }
    return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
  }

  /** The newest backup that can be restored, if any. */
  async newestUsable(): Promise<BackupInfo | null> {
    return (await this.list()).find((b) => b.usable) ?? null
  }

  /** The last change a listed backup holds (its snapshot's sequence number), once it has been checked. */
  lastSeqOf(id: string): number | undefined {
    return this.checked.get(id)?.lastSeq ?? undefined
  }

  /** Restores a backup; the state just before is itself kept as a backup, so a restore can be undone. */
  async restore(
    store: RosterStore,
    id: string,
  ): Promise<{ restored: BackupInfo; undo: BackupInfo | null; replayed: number }> {
    if (!NAME.test(id)) throw new AppFailure('invalid_argument', say('backup.badName'), 'id')
    const buf = await this.fs.readFile(join(this.folder, id)).catch(() => {
      throw new AppFailure('not_found', say('backup.gone'), 'id')
    })
    let entries: RecordEntry[]
    let lastSeq: number
    try {
      const decoded = decodeSnapshot(buf)
      // Every record is checked now, before anything is replaced.
      for (const entry of decoded.entries) patientOf(entry)
      entries = decoded.entries
      lastSeq = decoded.header.lastSeq
    } catch (error) {
      if (!(error instanceof SnapshotError || error instanceof RecordError)) throw error
      throw new AppFailure('conflict', say('backup.unreadable', { detail: error.message }))
    }
    const undo = store.health.status === 'ready' ? await this.create(store, 'before-restore') : null
    const { replayed } = await store.replaceAll(entries, lastSeq)
    return { restored: await this.describe(id), undo, replayed }
  }

  /**
   * Takes a deleted patient out of every backup: each backup holding them is written again without them (atomically,
   * under its own name, so its date and kind stay), one at a time with the other backups. A backup that cannot be
   * read is named in `unreadable` and left exactly as it is, never deleted; one that cannot be written again is named
   * in `failed`, unchanged.
   */
  purgePatient(id: string): Promise<{ purged: number; unreadable: string[]; failed: string[] }> {
    return this.queue(async () => {
      const result = { purged: 0, unreadable: [] as string[], failed: [] as string[] }
      const names = (await this.fs.readdir(this.folder).catch(() => [] as string[])).filter((n) => NAME.test(n))
      for (const name of names.sort()) {
        const path = join(this.folder, name)
        let decoded: ReturnType<typeof decodeSnapshot>
        try {
          decoded = decodeSnapshot(await this.fs.readFile(path))
        } catch {
          result.unreadable.push(name)
          continue
        }
        const kept = decoded.entries.filter((e) => e.summary.id !== id)
        if (kept.length === decoded.entries.length) continue
        const { savedAt, lastSeq } = decoded.header
        try {
          await writeAtomic(this.fs, path, encodeSnapshot({ savedAt, lastSeq }, kept))
          this.checked.delete(name)
          result.purged++
        } catch {
          result.failed.push(name)
        }
      }
      return result
    })
  }

  private queue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.running.then(task)
    this.running = run.catch(() => {})
    return run
  }

  private async take(store: RosterStore, kind: BackupKind): Promise<BackupInfo> {
    if (store.health.status !== 'ready') throw new AppFailure('conflict', say('backup.notOpen'))
    try {
      return await this.takeNow(store, kind)
    } catch (error) {
      if (error instanceof AppFailure) throw error
      const code = errnoOf(error)
      const why =
        code === 'ENOSPC'
          ? ` ${say('backup.why.diskFull')}`
          : code === 'EPERM' || code === 'EBUSY'
            ? ` ${say('backup.why.held')}`
            : ''
      throw new AppFailure('io_error', say('backup.writeFailed', { code: code ?? say('file.unknownError'), why }))
    }
  }

  private async takeNow(store: RosterStore, kind: BackupKind): Promise<BackupInfo> {
    await store.compact()
    await privateFolder(this.fs, this.folder)
    const name = await this.copyUnderFreeName(store.file, kind)
    if (kind === 'auto') this.lastAuto = this.now().getTime()
    await this.prune()
    return this.describe(name)
  }

  /** The new copy and its folder entry on disk before the backup is reported as taken. */
  private async flush(name: string): Promise<void> {
    const handle = await this.fs.open(join(this.folder, name), 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fsyncFolder(this.fs, this.folder)
  }

  private async copyUnderFreeName(file: string, kind: BackupKind): Promise<string> {
    for (let at = this.now().getTime(); ; at++) {
      const name = `roster-${fileStamp(new Date(at))}-${kind}.json`
      try {
        await this.fs.copyFile(file, join(this.folder, name), 1 /* COPYFILE_EXCL */)
        // A copy takes its source's mode; a roster.json an older Homeplan made readable by others is not copied so.
        if (process.platform !== 'win32') await this.fs.chmod(join(this.folder, name), PRIVATE_FILE).catch(() => {})
        await this.flush(name)
        return name
      } catch (error) {
        if (errnoOf(error) !== 'EEXIST') {
          await this.fs.rm(join(this.folder, name), { force: true }).catch(() => {})
          throw error
        }
      }
    }
  }

  private async digest(file: string): Promise<string> {
    return createHash('sha256')
      .update(await this.fs.readFile(file))
      .digest('hex')
  }

  private async describe(name: string): Promise<BackupInfo> {
    const [, stamp = '', kind = 'auto'] = NAME.exec(name) ?? []
    const path = join(this.folder, name)
    const stat = await this.fs.stat(path)
    const key = `${stat.size}:${stat.mtimeMs}`
    let check = this.checked.get(name)
    if (check?.key !== key) {
      check = await this.check(path, key)
      this.checked.set(name, check)
    }
    return {
      id: name,
      createdAt: fromFileStamp(stamp).toISOString(),
      kind: kind as BackupKind,
      bytes: stat.size,
      patients: check.patients,
      usable: check.usable,
      ...(check.problem ? { problem: check.problem } : {}),
    }
  }

  /** A backup is usable when it reads as a whole: its checksum matches, or an old version's file upgrades cleanly. */
  private async check(path: string, key: string): Promise<Checked> {
    try {
      const { header, entries } = decodeSnapshot(await this.fs.readFile(path))
      return { key, usable: true, patients: entries.length, lastSeq: header.lastSeq }
    } catch (error) {
      const problem =
        error instanceof SnapshotError
          ? error.message
          : say('backup.cannotRead', { code: errnoOf(error) ?? say('file.unknownError') })
      return { key, usable: false, problem, patients: null, lastSeq: null }
    }
  }

  private async prune(): Promise<void> {
    const now = this.now().getTime()
    const all = await this.list()
    const keep = new Set<string>()
    const autos = all.filter((b) => b.kind === 'auto')
    autos.slice(0, 10).forEach((b) => keep.add(b.id))
    const days = new Set<string>()
    for (const b of autos) {
      const day = b.createdAt.slice(0, 10)
      if (now - Date.parse(b.createdAt) <= 14 * DAY && !days.has(day)) {
        days.add(day)
        keep.add(b.id)
      }
    }
    for (const b of all) if (b.kind !== 'auto' && now - Date.parse(b.createdAt) <= 30 * DAY) keep.add(b.id)
    for (const b of all) {
      if (keep.has(b.id)) continue
      await this.fs.rm(join(this.folder, b.id), { force: true })
      this.checked.delete(b.id)
    }
  }
}
