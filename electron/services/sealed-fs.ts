/**
 * Encryption at rest (issue 17): an FsPort that seals what the stores write and opens what they read, so the roster,
 * journal, backups, library, settings, media, handout copies and access log are encrypted without any of them
 * knowing. The file format is in sealed-record.ts. What the stores see is always PLAINTEXT: readFile's bytes, a
 * handle's stat().size, truncate(n) and read(position) are all in plaintext coordinates.
 *
 * - Every write call on a handle becomes one record; an append (the journal, the access log) stays an append.
 * - Plain files read as they are (a folder half converted by a crash still opens); a file keeps its form when
 *   appended to; a new file is sealed while `sealWrites()` is true.
 * - A sealed file without the key (or with another key) is refused with AppFailure 'locked'; nothing is changed.
 * - A damaged record reads as a line every parser rejects, and a torn last record as a torn tail, so the stores
 *   react as they do to damage in a plain file (quarantine, report), never skipping it silently.
 * - copyFile, rename, rm, stat(path) and the rest pass through (stat(path).size is the size on disk).
 * - The folder lock, the key file and the window state are never sealed (EXEMPT).
 */
import { basename } from 'node:path'
import { WINDOW_STATE_FILE } from '../main/window-state'
import { LOCK_FILE } from './data-lock'
import type { FileHandlePort, FsPort, StatPort } from './fs-port'
import { AppFailure } from '../../src/core/result'
import { say } from '../../src/i18n/say'
import { errnoOf } from './fs-port'
import { SealedAppender } from './sealed-handle'
import { looksSealed, openSealed, requireKey } from './sealed-record'

export interface SealKeys {
  /** The folder's key while unlocked (only ever in memory). */
  key(): Buffer | undefined
  /** New files are sealed (the folder is encrypted, or being converted to it). */
  sealWrites(): boolean
  /**
   * The folder is wholly encrypted (no conversion under way): a plain data file in it was not written by Homeplan
   * (put there, or left by a copy from elsewhere) and is refused rather than trusted. Without it, plain files are read
   * as they are (a folder not encrypted, or half converted).
   */
  strict?(): boolean
}

export const KEY_FILE = 'encryption.json'
/** Never sealed: the key file, the folder lock, and the window's size and place (no patient data, read before unlock). */
const EXEMPT = new Set([KEY_FILE, LOCK_FILE, WINDOW_STATE_FILE])
/** The target a temp file of writeAtomic stands for (`.<name>.<pid>.<hex>.tmp`). */
const targetName = (path: string) => basename(path).replace(/^\.(.+)\.\d+\.[0-9a-f]{12}\.tmp$/, '$1')
export const isExempt = (path: string) => EXEMPT.has(targetName(path))

const modeOf = (flags: string | number): 'read' | 'other' | 'write' | 'append' => {
  if (flags === 'r' || flags === 0) return 'read'
  if (flags === 'r+') return 'other'
  if (flags === 'w' || flags === 'wx') return 'write'
  if (flags === 'a' || flags === 'ax') return 'append'
  // Numeric flags: only read-only ones (O_RDONLY with O_NONBLOCK, O_NOFOLLOW…), as readUserFile opens with.
  if (typeof flags === 'number' && (flags & 3) === 0) return 'read'
  throw new Error(`sealedFs: open flags ${String(flags)} are not supported on the data folder.`)
}

const refuse = () => Promise.reject(Object.assign(new Error('EBADF: not opened for sealed writing'), { code: 'EBADF' }))
/** A handle's methods, bound (a handle may be a class instance). */
const bound = (handle: FileHandlePort): FileHandlePort => ({
  write: (...args) => handle.write(...args),
  read: (...args) => handle.read(...args),
  sync: () => handle.sync(),
  datasync: () => handle.datasync(),
  truncate: (length) => handle.truncate(length),
  stat: () => handle.stat(),
  close: () => handle.close(),
})

export function sealedFs(base: FsPort, keys: SealKeys): FsPort {
  /** A data file's plaintext, refusing what does not belong in this folder (see `strict`), nothing changed. */
  const contentOf = (path: string, raw: Buffer): Buffer => {
    if (looksSealed(raw)) {
      // Encrypted files in a folder with no encryption.json: saying 'locked' would ask for a passphrase nothing checks.
      if (!keys.key() && !keys.sealWrites())
        throw new AppFailure('io_error', say('sealed.noKeyFile', { file: basename(path) }))
      return openSealed(raw, keys.key()).plaintext
    }
    if (raw.length && keys.strict?.())
      throw new AppFailure('io_error', say('sealed.plainFile', { file: basename(path) }))
    return raw
  }
  const readHandle = async (path: string, flags: string | number, mode?: number): Promise<FileHandlePort> => {
    const handle = await base.open(path, flags, mode)
    let stat: StatPort
    let plain: Buffer
    try {
      stat = await handle.stat()
      if (!stat.isFile()) return handle // a folder (fsyncFolder) or a device: nothing to open
      const chunks: Buffer[] = []
      for (;;) {
        const chunk = Buffer.alloc(1 << 20)
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
        if (bytesRead === 0) break
        chunks.push(chunk.subarray(0, bytesRead))
      }
      plain = contentOf(path, Buffer.concat(chunks))
    } catch (error) {
      await handle.close().catch(() => {})
      throw error
    }
    let at = 0
    return {
      read: async (buffer, offset, length, position) => {
        const from = position ?? at
        const n = Math.max(0, Math.min(length, plain.length - from))
        plain.copy(buffer, offset, from, from + n)
        if (position === null) at += n
        return { bytesRead: n }
      },
      stat: async () => ({ size: plain.length, mtimeMs: stat.mtimeMs, isFile: () => true, isDirectory: () => false }),
      sync: () => handle.sync(),
      datasync: () => handle.datasync(),
      close: () => handle.close(),
      write: refuse,
      truncate: refuse,
    }
  }

  return {
    // Everything that does not read or write a file's content passes through (the base may be a class: bound here).
    rename: (from, to) => base.rename(from, to),
    rm: (path, options) => base.rm(path, options),
    readdir: (path) => base.readdir(path),
    mkdir: (path, options) => base.mkdir(path, options),
    stat: (path) => base.stat(path),
    copyFile: (from, to, mode) => base.copyFile(from, to, mode),
    chmod: (path, mode) => base.chmod(path, mode),
    utimes: (path, atime, mtime) => base.utimes(path, atime, mtime),
    async open(path, flags, mode) {
      if (isExempt(path)) return base.open(path, flags, mode)
      const kind = modeOf(flags)
      if (kind === 'read') return readHandle(path, flags, mode)
      // 'r+' is only used to flush a copy to disk (backups, damaged copies): writing through it is refused, as it
      // would put plaintext into a sealed file.
      if (kind === 'other') {
        const handle = await base.open(path, flags, mode)
        return { ...bound(handle), write: refuse, truncate: refuse }
      }
      let existing: Buffer = Buffer.alloc(0)
      if (kind === 'append')
        existing = await base.readFile(path).catch((error: unknown) => {
          if (errnoOf(error) === 'ENOENT') return Buffer.alloc(0)
          throw error
        })
      // Appending to a plain file in an encrypted folder would trust it (contentOf refuses it); to a sealed one in a
      // folder with no key file, likewise.
      if (existing.length) contentOf(path, existing)
      const sealed = existing.length ? looksSealed(existing) : keys.sealWrites()
      if (!sealed) return base.open(path, flags, mode)
      const key = requireKey(keys.key())
      return SealedAppender.open(base, path, flags, mode, key, openSealed(existing, key), existing.length)
    },
    async readFile(path) {
      const raw = await base.readFile(path)
      return isExempt(path) ? raw : contentOf(path, raw)
    },
    async truncate(path, length = 0) {
      if (isExempt(path)) return base.truncate(path, length)
      const raw = await base.readFile(path)
      if (!looksSealed(raw)) return base.truncate(path, length)
      const key = requireKey(keys.key())
      const handle = await SealedAppender.open(base, path, 'a', undefined, key, openSealed(raw, key), raw.length)
      try {
        await handle.truncate(length)
        await handle.datasync()
      } finally {
        await handle.close()
      }
    },
  }
}
