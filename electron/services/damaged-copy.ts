/**
 * What to do with a small JSON file (settings.json, library.json) that can no longer be read: keep its
 * exact bytes as `<name>.damaged-<time>` next to it (a new name every time, never written over) and only
 * then let the store start from its defaults. Nothing the user typed is thrown away: the copy can be
 * sent to support or repaired by hand.
 */
import * as fsp from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { AppFailure } from '../../src/core/result'
import { fsyncFolder } from './atomic-write'
import { fileStamp } from '../../src/core/dates'

/**
 * Writes `bytes` to a new `<file>.damaged-<time>[-n]` (created exclusively, flushed to disk) and returns its
 * path. The original is removed afterwards only if it still holds exactly these bytes, so the next start does
 * not find it damaged again; a file something else has written in the meantime is left alone.
 */
export async function keepDamagedCopy(
  file: string,
  bytes: Uint8Array,
  now: () => Date = () => new Date(),
): Promise<string> {
  const stamp = fileStamp(now())
  for (let n = 1; ; n++) {
    const copy = `${file}.damaged-${stamp}${n > 1 ? `-${n}` : ''}`
    let handle: fsp.FileHandle
    try {
      handle = await fsp.open(copy, 'wx', 0o600)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && n < 1000) continue
      throw error
    }
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } catch (error) {
      await handle.close().catch(() => {})
      await fsp.rm(copy, { force: true }).catch(() => {})
      throw error
    }
    await handle.close()
    await fsyncFolder(dirname(file))
    const still = await fsp.readFile(file).catch(() => undefined)
    if (still && Buffer.from(bytes).equals(still)) await fsp.rm(file, { force: true }).catch(() => {})
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
): Promise<JsonRead<T>> {
  let bytes: Buffer
  try {
    bytes = await fsp.readFile(file)
  } catch (error) {
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
    return { state: 'damaged', copy: await keepDamagedCopy(file, bytes, now) }
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
