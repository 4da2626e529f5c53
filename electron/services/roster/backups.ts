/**
 * Rolling backups of roster.json in <data>/backups. A backup is a compaction
 * followed by a copy of the fresh roster.json (the copy runs off the main
 * thread in libuv). Automatic ones are thinned to the 10 newest plus the
 * newest of each of the last 14 days; the ones a person asked for, and those
 * taken before a restore or an upgrade, are kept for 30 days.
 */
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { AppFailure } from '../../../src/core/result'
import type { BackupInfo, BackupKind } from '../../../src/core/roster-contract'
import { fsyncFolder } from '../atomic-write'
import { decodeSnapshot } from './format'
import type { RosterStore } from './store'

export const BACKUP_FOLDER = 'backups'
const NAME = /^roster-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(auto|manual|before-restore|before-migration)\.json$/
const DAY = 24 * 3600 * 1000

const stampOf = (date: Date) => date.toISOString().replace(/[:.]/g, '-')
const dateOf = (stamp: string) => new Date(stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z'))

export interface BackupOptions {
  dir: string
  now?: () => Date
  /** Minimum time between automatic backups while editing. */
  autoEveryMs?: number
}

export class Backups {
  readonly folder: string
  private readonly now: () => Date
  private lastAuto: number | undefined
  private running: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: BackupOptions) {
    this.folder = join(options.dir, BACKUP_FOLDER)
    this.now = options.now ?? (() => new Date())
  }

  /** Copies a file as it is (used before a migration rewrites roster.json). */
  async keepCopy(file: string, kind: BackupKind): Promise<BackupInfo> {
    await fsp.mkdir(this.folder, { recursive: true })
    // Two backups in the same millisecond get consecutive stamps instead of overwriting each other.
    const name = await this.copyUnderFreeName(file, kind)
    const handle = await fsp.open(join(this.folder, name), 'r+')
    await handle.sync()
    await handle.close()
    await fsyncFolder(this.folder)
    return this.describe(name)
  }

  private async copyUnderFreeName(file: string, kind: BackupKind): Promise<string> {
    for (let at = this.now().getTime(); ; at++) {
      const name = `roster-${stampOf(new Date(at))}-${kind}.json`
      try {
        await fsp.copyFile(file, join(this.folder, name), fsp.constants.COPYFILE_EXCL)
        return name
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
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

  private queue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.running.then(task)
    this.running = run.catch(() => {})
    return run
  }

  private async take(store: RosterStore, kind: BackupKind): Promise<BackupInfo> {
    if (store.health.status !== 'ready') throw new AppFailure('conflict', 'The roster is not open; no backup was taken.')
    await store.compact()
    const info = await this.keepCopy(store.file, kind)
    if (kind === 'auto') this.lastAuto = this.now().getTime()
    await this.prune()
    return info
  }

  async list(): Promise<BackupInfo[]> {
    const names = await fsp.readdir(this.folder).catch(() => [] as string[])
    const infos = await Promise.all(names.filter((n) => NAME.test(n)).map((n) => this.describe(n)))
    return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  /** Restores a backup; the state just before is itself kept as a backup, so a restore can be undone. */
  async restore(store: RosterStore, id: string): Promise<{ restored: BackupInfo; undo: BackupInfo | null }> {
    if (!NAME.test(id)) throw new AppFailure('invalid_argument', 'That is not the name of a backup.', 'id')
    const buf = await fsp.readFile(join(this.folder, id)).catch(() => {
      throw new AppFailure('not_found', 'That backup no longer exists.', 'id')
    })
    let entries
    try {
      entries = decodeSnapshot(buf).entries
    } catch (error) {
      throw new AppFailure('conflict', `That backup cannot be read (${(error as Error).message}); nothing was changed.`)
    }
    const undo = store.health.status === 'ready' ? await this.create(store, 'before-restore') : null
    await store.replaceAll(entries)
    return { restored: await this.describe(id), undo }
  }

  private async describe(name: string): Promise<BackupInfo> {
    const [, stamp = '', kind = 'auto'] = NAME.exec(name) ?? []
    const path = join(this.folder, name)
    const stat = await fsp.stat(path)
    const handle = await fsp.open(path, 'r')
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(400), 0, 400, 0)
    await handle.close()
    const count = /"count":(\d+)/.exec(buffer.subarray(0, bytesRead).toString('utf8'))?.[1]
    return {
      id: name,
      createdAt: dateOf(stamp).toISOString(),
      kind: kind as BackupKind,
      bytes: stat.size,
      patients: count === undefined ? null : Number(count),
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
    for (const b of all) if (!keep.has(b.id)) await fsp.rm(join(this.folder, b.id), { force: true })
  }
}
