/**
 * lowdb adapter for roster.json. `read()` decodes a snapshot; `write()` is a
 * compaction: the whole roster streamed to a unique temp file in chunks (the
 * event loop gets a turn between chunks), fsynced, renamed over roster.json,
 * and the folder fsynced. lowdb's stock adapter (steno) has no fsync, a fixed
 * temp name and no retry, so it is not used for patient data.
 */
import * as fsp from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Adapter } from 'lowdb'
import { AppFailure } from '../../../src/core/result'
import { fsyncFolder, retryWhileLocked, tempNameFor } from '../atomic-write'
import { decodeSnapshot, encodeSnapshot, type RecordEntry, type SnapshotHeader } from './format'

export interface RosterData {
  header: SnapshotHeader
  entries: RecordEntry[]
}

export type Yield = () => Promise<void>
export const yieldToEventLoop: Yield = () => new Promise((resolve) => setImmediate(resolve))

export class SnapshotFile implements Adapter<RosterData> {
  constructor(
    readonly file: string,
    private readonly pause: Yield = yieldToEventLoop,
    private readonly retryForMs = 10_000,
    /** Injected by tests to play a file locked by antivirus or a sync client. */
    private readonly rename: (from: string, to: string) => Promise<void> = fsp.rename,
  ) {}

  async read(): Promise<RosterData | null> {
    let buf: Buffer
    try {
      buf = await fsp.readFile(this.file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return decodeSnapshot(buf)
  }

  async write(data: RosterData): Promise<void> {
    const temp = tempNameFor(this.file)
    try {
      const handle = await fsp.open(temp, 'wx', 0o600)
      try {
        for (const chunk of encodeSnapshot(data.header, data.entries, 100)) {
          await handle.write(chunk)
          await this.pause()
        }
        await handle.sync()
      } finally {
        await handle.close()
      }
      await retryWhileLocked(() => this.rename(temp, this.file), this.retryForMs)
      await fsyncFolder(dirname(this.file))
    } catch (error) {
      await fsp.rm(temp, { force: true }).catch(() => {})
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
      throw new AppFailure('io_error', `Could not save the patient file (${code}). Your changes are kept in the change journal; the previous file is unchanged.`)
    }
  }
}
