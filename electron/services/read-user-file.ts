/**
 * Reads a file the user picked (an import, a photo, a logo). Only an ordinary
 * file is read, and never more than `maxBytes`: the size is counted while
 * reading, not taken from stat (a device such as /dev/zero reports 0 bytes and
 * never ends; a FIFO would block forever without O_NONBLOCK).
 */
import { constants } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { AppFailure } from '../../src/core/result'

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`

export async function readUserFile(path: string, opts: { maxBytes: number; what: string }): Promise<Buffer> {
  let handle: fsp.FileHandle
  try {
    handle = await fsp.open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EISDIR') throw new AppFailure('invalid_argument', `${opts.what} is a folder, not a file.`)
    if (code === 'ENOENT') throw new AppFailure('not_found', `${opts.what} no longer exists.`)
    throw new AppFailure('io_error', `${opts.what} could not be opened (${code ?? 'unknown error'}).`)
  }
  try {
    const stat = await handle.stat()
    if (stat.isDirectory()) throw new AppFailure('invalid_argument', `${opts.what} is a folder, not a file.`)
    if (!stat.isFile()) throw new AppFailure('invalid_argument', `${opts.what} is not an ordinary file.`)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, opts.maxBytes + 1 - total))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > opts.maxBytes) throw new AppFailure('invalid_argument', `${opts.what} is larger than ${mb(opts.maxBytes)}.`)
    }
    return Buffer.concat(chunks, total)
  } finally {
    await handle.close()
  }
}
