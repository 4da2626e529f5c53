import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { AppFailure } from '../../src/core/result'
import { say } from '../../src/i18n/say'
import { errnoOf, fsyncFolder as fsyncFolderWith, nodeFs, writeAll, type FsPort } from './fs-port'

/**
 * Threat: a crash, power cut or antivirus/cloud-sync lock in the middle of a
 * save must never leave a half-written or missing file. So: write a uniquely
 * named temp file in the same folder, fsync it, rename it over the target
 * (atomic on one volume), then fsync the folder so the rename itself survives
 * a power cut. A locked target (EPERM/EBUSY/EACCES, common on Windows with
 * scanners) is retried with backoff; if it stays locked the old file is intact
 * and the caller gets a visible error.
 */
export interface AtomicWriteOptions {
  /** How long to keep retrying a locked target, in ms. */
  retryForMs?: number
  /** Injected for tests: rename and sleep are where locks and time show up. */
  rename?: (from: string, to: string) => Promise<void>
  sleep?: (ms: number) => Promise<void>
  mode?: number
}

export interface WriteAtomicOptions {
  retryForMs?: number
  sleep?: (ms: number) => Promise<void>
  mode?: number
  /** Run between chunks (the roster's snapshot gives the event loop a turn there). */
  pause?: () => Promise<void>
}

const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES'])
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Runs `attempt` again with backoff while it fails with a lock-type error, for up to `retryForMs`. */
export async function retryWhileLocked<T>(attempt: () => Promise<T>, retryForMs = 10_000, sleep = wait): Promise<T> {
  for (let waited = 0, delay = 25; ; waited += delay, delay = Math.min(delay * 2, 1000)) {
    try {
      return await attempt()
    } catch (error) {
      if (!TRANSIENT.has((error as NodeJS.ErrnoException).code ?? '') || waited >= retryForMs) throw error
      await sleep(delay)
    }
  }
}

export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
}

/** The folder's directory entry flushed (see fs-port.ts), with Node's own file system. */
export const fsyncFolder = (folder: string): Promise<void> => fsyncFolderWith(nodeFs, folder)

/** What tempNameFor makes: `.<name>.<pid>.<12 hex>.tmp`. */
export const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/

/**
 * Removes temporary files a crashed save left in `folder`: full copies of patient data that nothing
 * would ever read or delete. Only call it while holding the data folder's lock, so no other Homeplan is
 * writing one at that moment; this process's own (a save in progress) are left alone.
 */
export async function removeOrphanTemps(fs: FsPort, folder: string, ownPid = process.pid): Promise<string[]> {
  const removed: string[] = []
  for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
    const match = TEMP_NAME.exec(name)
    if (!match || Number(match[1]) === ownPid) continue
    const path = join(folder, name)
    const stat = await fs.stat(path).catch(() => undefined)
    if (!stat?.isFile()) continue
    await fs.rm(path, { force: true }).then(
      () => removed.push(name),
      () => {},
    )
  }
  return removed
}

/**
 * The one atomic write, on any file system port (the stores' tests pass one that fails on purpose): `chunks` go to
 * a new temp file beside `target` (every byte checked as written, `pause` between chunks), which is flushed, renamed
 * over `target` (retried while locked) and the folder flushed. On any failure the temp file is removed, `target` is
 * as it was, and the error is thrown as it came, for the caller to say what was not saved.
 */
export async function writeAtomic(
  fs: FsPort,
  target: string,
  chunks: Iterable<Uint8Array>,
  { retryForMs = 10_000, sleep = wait, mode = 0o600, pause }: WriteAtomicOptions = {},
): Promise<void> {
  const temp = tempNameFor(target)
  try {
    const handle = await fs.open(temp, 'wx', mode)
    try {
      for (const chunk of chunks) {
        await writeAll(handle, chunk)
        await pause?.()
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
    await retryWhileLocked(() => fs.rename(temp, target), retryForMs, sleep)
    await fsyncFolderWith(fs, dirname(target))
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => {})
    throw error
  }
}

/** A whole file written atomically (see writeAtomic), with an error that says the old copy is unchanged. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const { rename, ...rest } = options
  const fs = rename ? { ...nodeFs, rename } : nodeFs
  try {
    await writeAtomic(fs, target, [typeof data === 'string' ? Buffer.from(data) : data], rest)
  } catch (error) {
    throw new SaveFailure(basename(target), errnoOf(error))
  }
}

/** A file that could not be written (see writeFileAtomic): its message says the previous copy is unchanged. */
export class SaveFailure extends AppFailure {
  constructor(
    readonly file: string,
    readonly errno: string | undefined,
  ) {
    super('io_error', say('file.saveFailed', SaveFailure.params(file, errno)))
  }

  /** The same failure said for a file written for the first time, with no previous copy to speak of. */
  get firstCopy(): string {
    return say('file.saveFailedFirst', SaveFailure.params(this.file, this.errno))
  }

  private static params(file: string, errno: string | undefined) {
    const code = errno ?? say('file.unknownError')
    return { file, code, hint: TRANSIENT.has(code) ? ` ${say('file.heldHint')}` : '' }
  }
}
