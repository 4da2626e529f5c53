/**
 * lowdb adapter for roster.json. `read()` decodes a snapshot; `write()` is a
 * compaction: the whole roster streamed to a unique temp file in chunks (the
 * event loop gets a turn between chunks, every byte of each chunk checked as
 * written), fsynced, renamed over roster.json, and the folder fsynced.
 * lowdb's stock adapter (steno) has no fsync, a fixed temp name and no retry,
 * so it is not used for patient data.
 */
import { dirname } from 'node:path'
import type { Adapter } from 'lowdb'
import { AppFailure } from '../../../src/core/result'
import { retryWhileLocked, tempNameFor } from '../atomic-write'
import { errnoOf, fsyncFolder, nodeFs, writeAll, type FsPort } from '../fs-port'
import { decodeSnapshot, encodeSnapshot, type RecordEntry, type SnapshotHeader } from './format'

export interface RosterData {
  header: Omit<SnapshotHeader, 'format' | 'count' | 'schemaVersion'>
  entries: RecordEntry[]
}

export type Yield = () => Promise<void>
export const yieldToEventLoop: Yield = () => new Promise((resolve) => setImmediate(resolve))

export class SnapshotFile implements Adapter<RosterData> {
  constructor(
    readonly file: string,
    private readonly fs: FsPort = nodeFs,
    private readonly pause: Yield = yieldToEventLoop,
    private readonly retryForMs = 10_000,
  ) {}

  async read(): Promise<RosterData | null> {
    let buf: Buffer
    try {
      buf = await this.fs.readFile(this.file)
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return null
      throw error
    }
    const { header, entries } = decodeSnapshot(buf)
    return { header: { savedAt: header.savedAt, lastSeq: header.lastSeq }, entries }
  }

  async write(data: RosterData): Promise<void> {
    const temp = tempNameFor(this.file)
    try {
      const handle = await this.fs.open(temp, 'wx', 0o600)
      try {
        for (const chunk of encodeSnapshot(data.header, data.entries, 100)) {
          await writeAll(handle, chunk)
          await this.pause()
        }
        await handle.sync()
      } finally {
        await handle.close()
      }
      await retryWhileLocked(() => this.fs.rename(temp, this.file), this.retryForMs)
      await fsyncFolder(this.fs, dirname(this.file))
    } catch (error) {
      await this.fs.rm(temp, { force: true }).catch(() => {})
      throw new AppFailure(
        'io_error',
        `Could not save the patient file (${errnoOf(error) ?? 'unknown error'}). Your changes are kept in the change journal; the previous file is unchanged.`,
      )
    }
  }
}
