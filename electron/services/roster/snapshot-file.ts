/**
 * lowdb adapter for roster.json. `read()` decodes a snapshot; `write()` is a
 * compaction: the whole roster written atomically (see writeAtomic) in chunks,
 * the event loop getting a turn between chunks.
 * lowdb's stock adapter (steno) has no fsync, a fixed temp name and no retry,
 * so it is not used for patient data.
 */
import type { Adapter } from 'lowdb'
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import { writeAtomic } from '../atomic-write'
import { errnoOf, nodeFs, type FsPort } from '../fs-port'
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
    try {
      await writeAtomic(this.fs, this.file, encodeSnapshot(data.header, data.entries, 100), {
        pause: this.pause,
        retryForMs: this.retryForMs,
      })
    } catch (error) {
      throw new AppFailure(
        'io_error',
        say('roster.snapshotFailed', { code: errnoOf(error) ?? say('file.unknownError') }),
      )
    }
  }
}
