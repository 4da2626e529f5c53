/**
 * Patient data is for the signed-in user only: every file Homeplan writes in its data folder is created 0600 and
 * every folder 0700 (see writeAtomic, the journal, backups, media). Folders and files an older Homeplan made
 * readable by others (0644 journals, 0755 folders) are tightened once the folder's lock is held. Windows keeps its
 * own ACLs; there the modes mean nothing and nothing is changed.
 */
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import type { FsPort } from './fs-port'

export const PRIVATE_FILE = 0o600
export const PRIVATE_FOLDER = 0o700

/** The data folder's own subfolders (backups, pictures, copies of handouts, print jobs): all they hold is Homeplan's. */
export const OWN_SUBFOLDERS = ['backups', 'media', 'handouts', 'print'] as const

/** A folder made (with any missing parents) for this user only, and tightened if it was there already. */
export async function privateFolder(fs: Pick<FsPort, 'mkdir' | 'chmod'>, folder: string): Promise<void> {
  await fs.mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER })
  if (process.platform !== 'win32') await fs.chmod(folder, PRIVATE_FOLDER).catch(() => {})
}

/**
 * Sets 0600/0700 on the data folder, its files and Homeplan's own subfolders (links are not followed; any other
 * folder in it, such as one the user saves exports to, is left alone). Returns how many modes it changed.
 */
export async function tightenDataFolder(dir: string, platform = process.platform): Promise<number> {
  if (platform === 'win32') return 0
  let changed = 0
  const tighten = async (path: string, mode: number) => {
    const stat = await fsp.lstat(path).catch(() => undefined)
    if (!stat || stat.isSymbolicLink() || (stat.mode & 0o777) === mode) return
    await fsp.chmod(path, mode).then(
      () => changed++,
      () => {},
    )
  }
  const walk = async (folder: string, depth: number) => {
    await tighten(folder, PRIVATE_FOLDER)
    const entries = await fsp.readdir(folder, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const path = join(folder, entry.name)
      if (entry.isFile()) await tighten(path, PRIVATE_FILE)
      else if (entry.isDirectory() && (depth > 0 || (OWN_SUBFOLDERS as readonly string[]).includes(entry.name)))
        await walk(path, depth + 1)
    }
  }
  await walk(dir, 0)
  return changed
}
