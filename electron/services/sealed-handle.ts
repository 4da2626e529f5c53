/**
 * A sealed file opened for writing (see sealed-fs.ts): each write call is sealed as one record and appended, and the
 * handle answers in plaintext coordinates (stat().size, truncate(n)), as the journal and the access log expect.
 *
 * A failed write can leave part of a record on disk. The next truncate cuts the file back to a record boundary (and
 * seals the kept part of a split record again, under the same index); the next write instead ends the cut-off record
 * with a newline first, so it reads as a damaged line, and the caller's own leading newline (the access log starts a
 * fresh line after a ragged one) is then already there.
 */
import type { FileHandlePort, FsPort, StatPort } from './fs-port'
import { writeAll } from './fs-port'
import {
  cutAt,
  DAMAGED_STAND_IN,
  newHeader,
  sealRecord,
  TORN_STAND_IN,
  type Opened,
  type RecordSpan,
} from './sealed-record'

const NEWLINE = Buffer.from('\n')

export class SealedAppender implements FileHandlePort {
  private readonly header: Buffer
  /** The header line is on disk (a new file gets it with its first record). */
  private headerOnDisk: boolean
  private records: RecordSpan[]
  /** Raw bytes up to here are whole records; past it may be a record cut off by a failed write. */
  private knownEnd: number
  private tail: 'clean' | 'unknown' | 'torn'

  private constructor(
    private readonly handle: FileHandlePort,
    private readonly key: Buffer,
    opened: Opened,
    rawSize: number,
  ) {
    this.headerOnDisk = opened.header.length > 0
    this.header = this.headerOnDisk ? opened.header : newHeader(key)
    this.records = opened.records.filter((r) => r.state !== 'torn')
    const torn = opened.records.find((r) => r.state === 'torn')
    this.knownEnd = torn ? torn.rawStart : this.headerOnDisk ? rawSize : 0
    // A header cut off by a crash (nothing in it yet) is written again from the start.
    this.tail = rawSize > this.knownEnd ? 'unknown' : 'clean'
  }

  static async open(
    base: FsPort,
    path: string,
    flags: string | number,
    mode: number | undefined,
    key: Buffer,
    opened: Opened,
    rawSize: number,
  ): Promise<SealedAppender> {
    return new SealedAppender(await base.open(path, flags, mode), key, opened, rawSize)
  }

  private get plainSize(): number {
    const last = this.records.at(-1)
    return last ? last.plainStart + last.plain.length : 0
  }

  /** How many raw bytes past the last whole record a failed write (or a crash) left. */
  private async junk(): Promise<number> {
    if (this.tail === 'clean') return 0
    const { size } = await this.handle.stat()
    const extra = Math.max(0, size - this.knownEnd)
    if (extra === 0) this.tail = 'clean'
    return extra
  }

  async write(
    buffer: Uint8Array,
    offset = 0,
    length = buffer.length - offset,
    _position?: number | null,
  ): Promise<{ bytesWritten: number }> {
    let plain = Buffer.from(buffer.subarray(offset, offset + length))
    const junk = await this.junk()
    const parts: Buffer[] = []
    if (junk && !this.headerOnDisk) await this.handle.truncate(0)
    if (!this.headerOnDisk) parts.push(this.header)
    else if (junk) {
      // The cut-off record is ended: it reads as a damaged line from now on.
      parts.push(NEWLINE)
      const rawStart = this.knownEnd
      this.records.push({
        rawStart,
        rawEnd: rawStart + junk + 1,
        plainStart: this.plainSize,
        plain: DAMAGED_STAND_IN,
        state: 'damaged',
      })
      if (plain[0] === 0x0a) plain = plain.subarray(1)
    }
    const line = sealRecord(this.key, this.header, this.records.length, plain)
    parts.push(line)
    try {
      await writeAll(this.handle, Buffer.concat(parts))
    } catch (error) {
      if (junk && this.headerOnDisk) this.records.pop()
      this.tail = 'unknown'
      throw error
    }
    const rawStart = (this.records.at(-1)?.rawEnd ?? 0) || this.header.length
    this.records.push({ rawStart, rawEnd: rawStart + line.length, plainStart: this.plainSize, plain, state: 'ok' })
    this.headerOnDisk = true
    this.knownEnd = rawStart + line.length
    this.tail = 'clean'
    return { bytesWritten: length }
  }

  /** Cuts the file to `length` plaintext bytes: at a record boundary, the kept part of a split record sealed again. */
  async truncate(length = 0): Promise<void> {
    await this.junk()
    const { rawLength, reseal } = cutAt(
      { header: this.headerOnDisk ? this.header : Buffer.alloc(0), records: this.records, plaintext: Buffer.alloc(0) },
      Math.min(length, this.plainSize),
    )
    await this.handle.truncate(rawLength)
    this.records = this.records.filter((r) => r.rawEnd <= rawLength)
    this.knownEnd = rawLength
    this.tail = 'clean'
    if (rawLength === 0) this.headerOnDisk = false
    if (reseal) await this.write(reseal.plain)
  }

  async stat(): Promise<StatPort> {
    const stat = await this.handle.stat()
    const torn = stat.size > this.knownEnd && this.headerOnDisk ? TORN_STAND_IN.length : 0
    return {
      size: this.plainSize + torn,
      mtimeMs: stat.mtimeMs,
      isFile: () => stat.isFile(),
      isDirectory: () => stat.isDirectory(),
    }
  }

  read(): Promise<{ bytesRead: number }> {
    return Promise.reject(Object.assign(new Error('EBADF: a sealed file opened for writing'), { code: 'EBADF' }))
  }

  sync = () => this.handle.sync()
  datasync = () => this.handle.datasync()
  close = () => this.handle.close()
}
