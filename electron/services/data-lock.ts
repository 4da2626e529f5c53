/**
 * One writer per data folder. Two Homeplans writing the same folder (a second
 * window started with the same --data-dir, the browser bridge, or another
 * computer on a shared folder) would each accept saves and the second one's
 * would vanish at the next start. So the first one to open the folder holds
 * `homeplan.lock`; any other opens it read-only and says who holds it.
 *
 * The lock is a small JSON file created with O_EXCL (only one creator can
 * win, on local disks and on SMB/NFS shares alike), naming its holder and
 * touched every `heartbeatMs`. It is stale, and may be taken over, when its
 * holder is a process on this computer that no longer runs, or when it has not
 * been touched for `staleAfterMs` (its computer crashed or went to sleep).
 * Taking over renames the stale file aside first, so of two processes that
 * both judged it stale only one removes it; and the holder checks the file
 * still carries its token before every write (`assertHeld`), so a holder
 * that was taken over while asleep stops writing instead of overwriting.
 */
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { formatDateTime } from '../../src/core/dates'
import { AppFailure } from '../../src/core/result'
import { say } from '../../src/i18n/say'
import { errnoOf, fsyncFolder, nodeFs, writeAll, type FsPort } from './fs-port'

export const LOCK_FILE = 'homeplan.lock'

export interface LockOwner {
  pid: number
  host: string
  startedAt: string
  token: string
}

export interface DataLockOptions {
  dir: string
  fs?: FsPort
  now?: () => Date
  pid?: number
  host?: string
  /** Whether a process of this computer still runs (signal 0); injected by tests. */
  isAlive?: (pid: number) => boolean
  staleAfterMs?: number
  heartbeatMs?: number
  /** Called once if the lock is found taken over or removed while held. */
  onLost?: (reason: string) => void
}

export type LockResult = { held: true; lock: DataLock } | { held: false; reason: string; owner?: LockOwner }

export const processIsAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, under another user.
    return errnoOf(error) === 'EPERM'
  }
}

const describeOwner = (owner: LockOwner | undefined, here: string) =>
  owner
    ? say('lock.owner.since', {
        owner: owner.host === here ? say('lock.owner.here') : say('lock.owner.elsewhere', { host: owner.host }),
        since: formatDateTime(owner.startedAt),
      })
    : say('lock.owner.starting')

function parseOwner(buf: Buffer): LockOwner | undefined {
  try {
    const value = JSON.parse(buf.toString('utf8')) as Partial<LockOwner>
    if (
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.token === 'string' &&
      typeof value.startedAt === 'string'
    ) {
      return value as LockOwner
    }
  } catch {
    // An empty or half-written lock: its creator died between creating and writing it, or is writing it now.
  }
  return undefined
}

export class DataLock {
  private timer: ReturnType<typeof setInterval> | undefined
  private lost: string | undefined

  constructor(
    readonly file: string,
    readonly owner: LockOwner,
    private readonly fs: FsPort,
    private readonly now: () => Date,
    heartbeatMs: number,
    private readonly onLost: (reason: string) => void,
  ) {
    this.timer = setInterval(() => void this.heartbeat(), heartbeatMs)
    this.timer.unref?.()
  }

  /** Throws if another process took the folder over: call before every write. */
  async assertHeld(): Promise<void> {
    if (this.lost) throw new AppFailure('conflict', this.lost)
    let current: LockOwner | undefined
    try {
      current = parseOwner(await this.fs.readFile(this.file))
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw error
    }
    if (current?.token === this.owner.token) return
    this.markLost(
      current ? say('lock.takenOver', { owner: describeOwner(current, this.owner.host) }) : say('lock.removed'),
    )
    throw new AppFailure('conflict', this.lost!)
  }

  async release(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    if (this.lost) return
    try {
      if (parseOwner(await this.fs.readFile(this.file))?.token === this.owner.token)
        await this.fs.rm(this.file, { force: true })
    } catch {
      // Nothing to release: the file is gone or unreadable, and it is not ours to remove then.
    }
  }

  private async heartbeat(): Promise<void> {
    try {
      await this.assertHeld()
      const at = this.now()
      await this.fs.utimes(this.file, at, at)
    } catch {
      // A failed touch is retried at the next beat; a lost lock has already been reported.
    }
  }

  private markLost(reason: string): void {
    if (this.lost) return
    this.lost = reason
    clearInterval(this.timer)
    this.onLost(reason)
  }
}

/** Takes the folder's lock, taking over a stale one; or says who holds it. */
export async function acquireDataLock(options: DataLockOptions): Promise<LockResult> {
  const fs = options.fs ?? nodeFs
  const now = options.now ?? (() => new Date())
  const host = options.host ?? hostname()
  const pid = options.pid ?? process.pid
  const isAlive = options.isAlive ?? processIsAlive
  const staleAfterMs = options.staleAfterMs ?? 60_000
  const file = join(options.dir, LOCK_FILE)
  const owner: LockOwner = { pid, host, startedAt: now().toISOString(), token: randomBytes(12).toString('hex') }

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const handle = await fs.open(file, 'wx', 0o600)
      try {
        await writeAll(handle, Buffer.from(`${JSON.stringify(owner)}\n`))
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fsyncFolder(fs, options.dir)
      return {
        held: true,
        lock: new DataLock(file, owner, fs, now, options.heartbeatMs ?? 10_000, options.onLost ?? (() => {})),
      }
    } catch (error) {
      if (errnoOf(error) !== 'EEXIST') {
        return {
          held: false,
          reason: say('lock.cannotWrite', { code: errnoOf(error) ?? say('file.unknownError') }),
        }
      }
    }
    let held: { owner: LockOwner | undefined; age: number }
    try {
      const [buf, stat] = await Promise.all([fs.readFile(file), fs.stat(file)])
      held = { owner: parseOwner(buf), age: now().getTime() - stat.mtimeMs }
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') continue // released between our two steps: try again
      return {
        held: false,
        reason: say('lock.cannotRead', { code: errnoOf(error) ?? say('file.unknownError') }),
      }
    }
    const deadHere = held.owner !== undefined && held.owner.host === host && !isAlive(held.owner.pid)
    // A half-written lock gets a few seconds for its writer to finish; a silent holder gets staleAfterMs.
    const silent = held.age > (held.owner ? staleAfterMs : 5_000)
    if (!deadHere && !silent) {
      return {
        held: false,
        owner: held.owner,
        reason: say('lock.held', { owner: describeOwner(held.owner, host) }),
      }
    }
    const aside = `${file}.stale-${owner.token}`
    try {
      await fs.rename(file, aside)
      await fs.rm(aside, { force: true })
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') {
        return {
          held: false,
          owner: held.owner,
          reason: say('lock.staleStuck', { code: errnoOf(error) ?? say('file.unknownError') }),
        }
      }
    }
  }
  return {
    held: false,
    reason: say('lock.flapping'),
  }
}
