/**
 * Files Homeplan set aside because it could not read them (`<name>.damaged-<time>`, `<name>.quarantined-<time>`; see
 * damaged-copy.ts and roster/store.ts). They are never deleted on Homeplan's own initiative, but they hold patient
 * data: once older than the backup window (the 30 days a backup someone asked for is kept) Settings lists them and
 * removes them after asking. They are looked for in the whole data folder: its top level and Homeplan's own
 * subfolders (backups, media, handout copies, print jobs) at any depth, never through a link, and never in a folder
 * of the user's own (say, one they save exports to). A file below the top level is named by its path from the data
 * folder with `/` (`backups/roster.json.quarantined-…`).
 */
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import type { SetAsideFile } from '../../src/core/contract'
import { fromFileStamp } from '../../src/core/dates'
import { OWN_SUBFOLDERS } from './private-modes'

/** The same 30 days as backups taken by hand (see roster/backups.ts). */
export const SET_ASIDE_KEEP_DAYS = 30
const DAY = 24 * 3600 * 1000
const SET_ASIDE = /\.(?:damaged|quarantined)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-\d+)?$/

/** Every file in the data folder's top level and Homeplan's own subfolders, by its `/` path from the folder. */
async function dataFolderFiles(dir: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (prefix: string, depth: number) => {
    for (const entry of await fsp.readdir(join(dir, ...prefix.split('/')), { withFileTypes: true }).catch(() => [])) {
      const name = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isFile()) found.push(name)
      else if (entry.isDirectory() && (depth > 0 || (OWN_SUBFOLDERS as readonly string[]).includes(entry.name)))
        await walk(name, depth + 1)
    }
  }
  await walk('', 0)
  return found
}

/** The set-aside files in the data folder older than the backup window, oldest first. */
export async function oldSetAsideFiles(dir: string, now: Date): Promise<SetAsideFile[]> {
  const found: SetAsideFile[] = []
  for (const name of await dataFolderFiles(dir)) {
    const stamp = SET_ASIDE.exec(name)?.[1]
    if (!stamp) continue
    const setAside = fromFileStamp(stamp)
    if (Number.isNaN(setAside.getTime()) || now.getTime() - setAside.getTime() <= SET_ASIDE_KEEP_DAYS * DAY) continue
    const info = await fsp.stat(join(dir, ...name.split('/'))).catch(() => undefined)
    if (info) found.push({ name, bytes: info.size, setAsideAt: setAside.toISOString() })
  }
  return found.sort((a, b) => a.setAsideAt.localeCompare(b.setAsideAt) || a.name.localeCompare(b.name))
}

/** Removes the named files, each only if it is still one of oldSetAsideFiles (nothing else can be named). */
export async function removeOldSetAside(
  dir: string,
  names: string[],
  now: Date,
): Promise<{ removed: string[]; failed: string[] }> {
  const old = new Set((await oldSetAsideFiles(dir, now)).map((f) => f.name))
  const result = { removed: [] as string[], failed: [] as string[] }
  for (const name of new Set(names)) {
    if (!old.has(name)) {
      result.failed.push(name)
      continue
    }
    await fsp.rm(join(dir, ...name.split('/'))).then(
      () => result.removed.push(name),
      () => result.failed.push(name),
    )
  }
  return result
}
