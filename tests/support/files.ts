import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** Every file under `dir` (not folders), as paths relative to it, sorted. */
export async function allFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = join(rel, entry.name)
    if (entry.isDirectory()) out.push(...(await allFiles(dir, path)))
    else out.push(path)
  }
  return out.sort()
}
