import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import type { DataFolderInfo } from '../../src/core/contract'
import { errnoOf } from './fs-port'

/**
 * Lists the data folder's top-level files so Settings can show what a backup must include. A file can go
 * between listing and reading its size (a journal folded by a compaction, a damaged file set aside at first
 * read): it is simply not listed.
 */
export async function describeDataFolder(
  path: string,
  source: DataFolderInfo['source'],
  stat: (file: string) => Promise<{ size: number; mtime: Date }> = fsp.stat,
): Promise<DataFolderInfo> {
  await fsp.mkdir(path, { recursive: true, mode: 0o700 })
  const entries = await fsp.readdir(path, { withFileTypes: true })
  const found = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map(async (entry) => {
        try {
          const info = await stat(join(path, entry.name))
          return { name: entry.name, bytes: info.size, modified: info.mtime.toISOString() }
        } catch (error) {
          if (errnoOf(error) === 'ENOENT') return undefined
          throw error
        }
      }),
  )
  const files = found.filter((f) => f !== undefined)
  files.sort((a, b) => a.name.localeCompare(b.name))
  return { path, source, files }
}
