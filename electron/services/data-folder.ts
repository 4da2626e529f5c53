import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import type { DataFolderInfo } from '../../src/core/contract'

/** Lists the data folder's top-level files so Settings can show what a backup must include. */
export async function describeDataFolder(path: string, source: DataFolderInfo['source']): Promise<DataFolderInfo> {
  await fsp.mkdir(path, { recursive: true })
  const entries = await fsp.readdir(path, { withFileTypes: true })
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map(async (entry) => {
        const stat = await fsp.stat(join(path, entry.name))
        return { name: entry.name, bytes: stat.size, modified: stat.mtime.toISOString() }
      }),
  )
  files.sort((a, b) => a.name.localeCompare(b.name))
  return { path, source, files }
}
