/**
 * Reads a file the user picked (an import, a photo, a logo). Only an ordinary
 * file is read, and never more than `maxBytes`: the size is counted while
 * reading, not taken from stat (a device such as /dev/zero reports 0 bytes and
 * never ends; a FIFO would block forever without O_NONBLOCK).
 */
import { constants } from 'node:fs'
import { formatBytes } from '../../src/core/bytes'
import { AppFailure } from '../../src/core/result'
import { say } from '../../src/i18n/say'
import { nodeFs, type FileHandlePort, type FsPort } from './fs-port'

export interface ReadUserFileOptions {
  maxBytes: number
  /** How the file is named in messages, at the start of a sentence ("logo.png", "The stored image"), in the message language. */
  what: string
  /** Refuse a symbolic link instead of reading what it points to (files Homeplan wrote itself). */
  noFollow?: boolean
  /** Files of the data folder are read through its FsPort (encrypted ones opened); a user's pick with Node's own. */
  fs?: FsPort
}

/** A file over the caller's limit: a caller may say it its own way (the CSV import names its limit's reason). */
export class FileTooLarge extends AppFailure {}
const tooLarge = (opts: ReadUserFileOptions) =>
  new FileTooLarge('invalid_argument', say('file.tooLarge', { what: opts.what, max: formatBytes(opts.maxBytes) }))

export async function readUserFile(path: string, opts: ReadUserFileOptions): Promise<Buffer> {
  let handle: FileHandlePort
  try {
    // O_NOFOLLOW does not exist on Windows, where planting a link needs administrator rights anyway.
    const noFollow = opts.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0
    handle = await (opts.fs ?? nodeFs).open(path, constants.O_RDONLY | constants.O_NONBLOCK | noFollow)
  } catch (error) {
    if (error instanceof AppFailure) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EISDIR') throw new AppFailure('invalid_argument', say('file.folder', { what: opts.what }))
    if (code === 'ENOENT') throw new AppFailure('not_found', say('file.gone', { what: opts.what }))
    if (code === 'ELOOP' && opts.noFollow)
      throw new AppFailure('invalid_argument', say('file.link', { what: opts.what }))
    throw new AppFailure(
      'io_error',
      say('file.cannotOpen', { what: opts.what, code: code ?? say('file.unknownError') }),
    )
  }
  try {
    const stat = await handle.stat()
    if (stat.isDirectory()) throw new AppFailure('invalid_argument', say('file.folder', { what: opts.what }))
    if (!stat.isFile()) throw new AppFailure('invalid_argument', say('file.notOrdinary', { what: opts.what }))
    // An ordinary file's size is known: one that is too large is refused before reading any of it.
    if (stat.size > opts.maxBytes) throw tooLarge(opts)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, opts.maxBytes + 1 - total))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > opts.maxBytes) throw tooLarge(opts)
    }
    return Buffer.concat(chunks, total)
  } finally {
    await handle.close()
  }
}
