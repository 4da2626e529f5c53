/**
 * The file operations the data folder's stores use, as one injectable object.
 * The app passes Node's own `fs/promises`; the store tests pass a layer that
 * fails on purpose (a full disk, a short write, a locked file, an fsync error,
 * a process killed between two operations), so every failure path is run, not
 * just the happy one.
 */
import * as fsp from 'node:fs/promises'

export interface FileHandlePort {
  write(
    buffer: Uint8Array,
    offset?: number,
    length?: number,
    position?: number | null,
  ): Promise<{ bytesWritten: number }>
  read(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesRead: number }>
  sync(): Promise<void>
  datasync(): Promise<void>
  truncate(length?: number): Promise<void>
  stat(): Promise<StatPort>
  close(): Promise<void>
}

export interface StatPort {
  size: number
  mtimeMs: number
  isFile(): boolean
  isDirectory(): boolean
}

export interface FsPort {
  open(path: string, flags: string | number, mode?: number): Promise<FileHandlePort>
  readFile(path: string): Promise<Buffer>
  rename(from: string, to: string): Promise<void>
  rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>
  readdir(path: string): Promise<string[]>
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): Promise<string | undefined>
  stat(path: string): Promise<StatPort>
  copyFile(from: string, to: string, mode?: number): Promise<void>
  truncate(path: string, length?: number): Promise<void>
  chmod(path: string, mode: number): Promise<void>
  utimes(path: string, atime: Date, mtime: Date): Promise<void>
}

export const nodeFs: FsPort = {
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  readFile: (path) => fsp.readFile(path),
  rename: fsp.rename,
  rm: fsp.rm,
  readdir: (path) => fsp.readdir(path),
  mkdir: fsp.mkdir,
  stat: (path) => fsp.stat(path),
  copyFile: fsp.copyFile,
  truncate: fsp.truncate,
  chmod: fsp.chmod,
  utimes: fsp.utimes,
}

export const errnoOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code

/**
 * Writes all of `data` at the handle's position, however many calls it takes. A plain
 * `handle.write` may write only part of the buffer (a disk filling up) and say so only in
 * `bytesWritten`; a save that ignored it would be acknowledged with its end missing.
 */
export async function writeAll(handle: FileHandlePort, data: Uint8Array): Promise<void> {
  for (let offset = 0; offset < data.length;) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset, null)
    if (bytesWritten <= 0) throw Object.assign(new Error('The disk accepted no more data.'), { code: 'ENOSPC' })
    offset += bytesWritten
  }
}

/** The folder's directory entry flushed, so a rename or a new file survives a power cut. */
export async function fsyncFolder(fs: FsPort, folder: string): Promise<void> {
  let handle: FileHandlePort
  try {
    handle = await fs.open(folder, 'r')
  } catch {
    // Windows cannot open a directory; NTFS journals the rename itself.
    return
  }
  try {
    await handle.sync()
  } catch (error) {
    // Some file systems refuse to fsync a directory (EINVAL, EPERM); an I/O error is real.
    if (errnoOf(error) === 'EIO') throw error
  } finally {
    await handle.close().catch(() => {})
  }
}
