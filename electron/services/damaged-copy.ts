/**
 * What to do with a small JSON file (settings.json, library.json) that can no longer be read: keep its
 * exact bytes as `<name>.damaged-<time>` next to it (a new name every time, never written over) and only
 * then let the store start from its defaults. Nothing the user typed is thrown away: the copy can be
 * sent to support or repaired by hand.
 */
import { basename, dirname } from 'node:path'
import { AppFailure } from '../../src/core/result'
import { errnoOf, fsyncFolder, nodeFs, writeAll, type FileHandlePort, type FsPort } from './fs-port'
import { fileStamp } from '../../src/core/dates'

/**
 * Keeps the file as `<file>.damaged-<time>[-n]` (created exclusively, flushed to disk) and returns its path: a copy of
 * its exact bytes on disk (an encrypted file stays encrypted, its damaged records included), or, if the file changed
 * since `bytes` were read from it, `bytes` themselves. The original is removed afterwards only if it still reads as
 * exactly these bytes, so the next start does not find it damaged again; a file something else has written in the
 * meantime is left alone.
 */
export async function keepDamagedCopy(
  file: string,
  bytes: Uint8Array,
  now: () => Date = () => new Date(),
  fs: FsPort = nodeFs,
): Promise<string> {
  const stamp = fileStamp(now())
  const same = (other: Uint8Array | undefined) => !!other && Buffer.from(bytes).equals(other)
  for (let n = 1; ; n++) {
    const copy = `${file}.damaged-${stamp}${n > 1 ? `-${n}` : ''}`
    let handle: FileHandlePort
    try {
      await fs.copyFile(file, copy, 1 /* COPYFILE_EXCL */)
      if (!same(await fs.readFile(copy).catch(() => undefined))) await fs.rm(copy, { force: true })
      handle = await fs.open(copy, 'wx', 0o600).catch(async (error: unknown) => {
        if (errnoOf(error) !== 'EEXIST') throw error
        return fs.open(copy, 'r+')
      })
    } catch (error) {
      if (errnoOf(error) === 'EEXIST' && n < 1000) continue
      throw error
    }
    try {
      // A copy made as it is is only flushed; one of `bytes` (the file changed meanwhile) is written now.
      if (!same(await fs.readFile(copy).catch(() => undefined))) {
        await writeAll(handle, bytes)
      }
      await handle.sync()
    } catch (error) {
      await handle.close().catch(() => {})
      await fs.rm(copy, { force: true }).catch(() => {})
      throw error
    }
    await handle.close()
    await fs.chmod(copy, 0o600).catch(() => {})
    await fsyncFolder(fs, dirname(file))
    if (same(await fs.readFile(file).catch(() => undefined))) await fs.rm(file, { force: true }).catch(() => {})
    return copy
  }
}

export type JsonRead<T> = { state: 'missing' } | { state: 'read'; value: T } | { state: 'damaged'; copy: string }

/**
 * Reads and checks a JSON file. `parse` returns the checked value, or undefined if the content is not
 * acceptable. A damaged file is copied aside first (see keepDamagedCopy); if even that fails, nothing is
 * changed and the error says so, so the caller does not start from defaults over the user's data.
 */
export async function readJsonFile<T>(
  file: string,
  parse: (json: unknown) => T | undefined,
  now?: () => Date,
  fs: FsPort = nodeFs,
): Promise<JsonRead<T>> {
  let bytes: Buffer
  try {
    bytes = await fs.readFile(file)
  } catch (error) {
    if (error instanceof AppFailure) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { state: 'missing' }
    if (code === 'EISDIR')
      throw new AppFailure(
        'io_error',
        `${basename(file)} in ${dirname(file)} is a folder, not a file. Move it away and start Homeplan again.`,
      )
    throw new AppFailure(
      'io_error',
      `${basename(file)} could not be opened (${code ?? 'unknown error'}). Nothing was changed; check that Homeplan may read ${dirname(file)}.`,
    )
  }
  let value: T | undefined
  try {
    value = parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)))
  } catch {
    value = undefined
  }
  if (value !== undefined) return { state: 'read', value }
  try {
    return { state: 'damaged', copy: await keepDamagedCopy(file, bytes, now, fs) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new AppFailure(
      'io_error',
      `${basename(file)} could not be read, and a copy of it could not be kept (${code}), so it was left exactly as it is. Free some disk space or check the folder’s permissions (${dirname(file)}), then start Homeplan again.`,
    )
  }
}

/** The sentence a notice shows for a file kept aside: what, where, and what it means. */
export function damagedNotice(copy: string, consequence: string): string {
  const name = basename(copy).replace(/\.damaged-.*$/, '')
  return `${name} could not be read, so ${consequence}. The unreadable file was kept unchanged as ${basename(copy)} in ${dirname(copy)}; keep it if you want to recover what it held.`
}

/** `load` run at most once at a time: callers arriving while it runs share its promise; a failure is not kept. */
export function singleFlight<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  let done: { value: T } | undefined
  return () => {
    if (done) return Promise.resolve(done.value)
    return (pending ??= load().then(
      (value) => ((done = { value }), (pending = undefined), value),
      (error: unknown) => {
        pending = undefined
        throw error
      },
    ))
  }
}
