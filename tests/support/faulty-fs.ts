/**
 * A file-system layer (an FsPort) that fails on purpose, for the store tests: a full disk (ENOSPC), a write
 * that lands only in part, a file held by antivirus (EPERM/EBUSY), an fsync the disk rejects (EIO), and a
 * process killed at any await point. Killing is simulated the way a test inside one process can: the
 * operation (and every later one) never settles, so nothing after it runs, exactly like a dead process; the
 * test then opens a new store on the same folder as the next start would.
 *
 * Which operation fails is decided by `plan`, a function the test passes (often driven by a seeded random
 * number generator), so a failing run can be repeated exactly.
 */
import type { FileHandlePort, FsPort, StatPort } from '../../electron/services/fs-port'
import { nodeFs } from '../../electron/services/fs-port'

export type Fault = 'ENOSPC' | 'EPERM' | 'EBUSY' | 'EIO' | 'short' | 'kill' | 'kill-after'
export type Operation =
  | 'open'
  | 'readFile'
  | 'rename'
  | 'rm'
  | 'readdir'
  | 'mkdir'
  | 'stat'
  | 'copyFile'
  | 'truncate'
  | 'chmod'
  | 'utimes'
  | 'write'
  | 'read'
  | 'sync'
  | 'datasync'
  | 'ftruncate'
  | 'fstat'
  | 'close'

/** Which faults make sense for an operation (an fsync does not run out of space; a read is not cut short). */
export const FAULTS_FOR: Record<Operation, Fault[]> = {
  open: ['ENOSPC', 'EPERM', 'EBUSY', 'kill'],
  readFile: ['EBUSY', 'kill'],
  rename: ['EPERM', 'EBUSY', 'kill', 'kill-after'],
  rm: ['EPERM', 'EBUSY', 'kill', 'kill-after'],
  readdir: ['kill'],
  mkdir: ['ENOSPC', 'kill'],
  stat: ['kill'],
  copyFile: ['ENOSPC', 'EBUSY', 'kill', 'kill-after'],
  truncate: ['EPERM', 'EIO', 'kill', 'kill-after'],
  chmod: ['EPERM', 'kill'],
  utimes: ['EPERM', 'kill'],
  write: ['ENOSPC', 'EIO', 'short', 'kill', 'kill-after'],
  read: ['EIO', 'kill'],
  sync: ['EIO', 'kill', 'kill-after'],
  datasync: ['EIO', 'kill', 'kill-after'],
  ftruncate: ['EIO', 'kill', 'kill-after'],
  fstat: ['kill'],
  close: ['kill-after'],
}

export type Plan = (operation: Operation, path: string) => Fault | undefined

const never = <T>(): Promise<T> => new Promise<T>(() => {})
const errno = (code: string, operation: string, path: string) =>
  Object.assign(new Error(`${code}: injected fault, ${operation} '${path}'`), { code, syscall: operation, path })

export class FaultyFs implements FsPort {
  /** Set once a kill fault fired: from then on nothing settles. */
  killed = false
  operations = 0
  readonly injected: Partial<Record<Fault, number>> = {}
  /** Real handles left open by a simulated kill, closed by `reap`. */
  private readonly handles = new Set<FileHandlePort>()

  constructor(
    public plan: Plan = () => undefined,
    private readonly base: FsPort = nodeFs,
  ) {}

  get faults(): number {
    return Object.values(this.injected).reduce((a, b) => a + b, 0)
  }

  /** Closes the real files a killed store left open (the OS would on a real kill). */
  async reap(): Promise<void> {
    for (const handle of this.handles) await handle.close().catch(() => {})
    this.handles.clear()
  }

  /** Runs one operation through the plan: `short` is left to the caller (only writes can be short). */
  private async run<T>(
    operation: Operation,
    path: string,
    act: () => Promise<T>,
    short?: () => Promise<T>,
  ): Promise<T> {
    if (this.killed) return never()
    this.operations++
    const fault = this.plan(operation, path)
    if (fault === undefined) return act()
    this.injected[fault] = (this.injected[fault] ?? 0) + 1
    if (fault === 'kill') {
      this.killed = true
      return never()
    }
    if (fault === 'kill-after') {
      await act().catch(() => {})
      this.killed = true
      return never()
    }
    if (fault === 'short') return short ? short() : act()
    throw errno(fault, operation, path)
  }

  open(path: string, flags: string | number, mode?: number): Promise<FileHandlePort> {
    return this.run('open', path, async () => {
      const handle = await this.base.open(path, flags, mode)
      this.handles.add(handle)
      return this.wrap(handle, path)
    })
  }

  readFile(path: string): Promise<Buffer> {
    return this.run('readFile', path, () => this.base.readFile(path))
  }
  rename(from: string, to: string): Promise<void> {
    return this.run('rename', from, () => this.base.rename(from, to))
  }
  rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void> {
    return this.run('rm', path, () => this.base.rm(path, options))
  }
  readdir(path: string): Promise<string[]> {
    return this.run('readdir', path, () => this.base.readdir(path))
  }
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): Promise<string | undefined> {
    return this.run('mkdir', path, () => this.base.mkdir(path, options))
  }
  stat(path: string): Promise<StatPort> {
    return this.run('stat', path, () => this.base.stat(path))
  }
  copyFile(from: string, to: string, mode?: number): Promise<void> {
    return this.run('copyFile', to, () => this.base.copyFile(from, to, mode))
  }
  truncate(path: string, length?: number): Promise<void> {
    return this.run('truncate', path, () => this.base.truncate(path, length))
  }
  chmod(path: string, mode: number): Promise<void> {
    return this.run('chmod', path, () => this.base.chmod(path, mode))
  }
  utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    return this.run('utimes', path, () => this.base.utimes(path, atime, mtime))
  }

  private wrap(handle: FileHandlePort, path: string): FileHandlePort {
    return {
      write: (buffer, offset = 0, length = buffer.length - offset, position = null) =>
        this.run(
          'write',
          path,
          () => handle.write(buffer, offset, length, position),
          // The disk takes only part of it, and says so only in the byte count.
          () => handle.write(buffer, offset, Math.max(1, Math.floor(length / 2)), position),
        ),
      read: (buffer, offset, length, position) =>
        this.run('read', path, () => handle.read(buffer, offset, length, position)),
      sync: () => this.run('sync', path, () => handle.sync()),
      datasync: () => this.run('datasync', path, () => handle.datasync()),
      truncate: (length) => this.run('ftruncate', path, () => handle.truncate(length)),
      stat: () => this.run('fstat', path, () => handle.stat()),
      close: () =>
        this.run('close', path, async () => {
          this.handles.delete(handle)
          await handle.close()
        }),
    }
  }
}
