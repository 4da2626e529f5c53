import { resolve } from 'node:path'
import type { DataFolderInfo } from '../../src/core/contract'

export const DATA_DIR_ENV = 'HOMEPLAN_DATA_DIR'

/**
 * The data folder is Electron's userData unless a developer or a test points
 * elsewhere with `--data-dir <path>` / `--data-dir=<path>` or HOMEPLAN_DATA_DIR.
 * The flag wins over the environment so a single launch can be redirected.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  defaultPath: string,
  cwd: string = process.cwd(),
): { path: string; source: DataFolderInfo['source'] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length) {
      return { path: resolve(cwd, arg.slice('--data-dir='.length)), source: 'flag' }
    }
    const next = argv[i + 1]
    if (arg === '--data-dir' && next && !next.startsWith('--')) {
      return { path: resolve(cwd, next), source: 'flag' }
    }
  }
  const fromEnv = env[DATA_DIR_ENV]?.trim()
  if (fromEnv) return { path: resolve(cwd, fromEnv), source: 'env' }
  return { path: defaultPath, source: 'default' }
}
