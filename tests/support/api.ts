import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ScriptedDialogs } from '../../electron/bridge/dialogs'
import { methods, type Api } from '../../src/core/contract'
import { dispatch } from '../../src/core/dispatch'
import type { ServiceDeps } from '../../electron/services'
import { testServices } from './services'

/**
 * A window.api backed by the real services on a fresh temp data folder, with
 * results passed through JSON as the bridge does. Component tests use it so
 * they exercise the same validation and storage as the app.
 */
export function realApi(
  overrides: Partial<Api> = {},
  /** A folder to open again (the app started a second time); a new one by default. */
  dataDir = mkdtempSync(join(tmpdir(), 'hp-api-')),
  /** What the app would pass the services (the OS's confirmation, a keychain). */
  deps: Partial<ServiceDeps> = {},
): Api & { dataDir: string; dialogs: ScriptedDialogs } {
  const { handlers, dialogs } = testServices(dataDir, {
    appInfo: {
      name: 'Homeplan',
      version: '1.2.3',
      platform: 'linux',
      versions: { electron: '45.0.0', chrome: '140', node: '22' },
    },
    ...deps,
  })
  const api: Record<string, unknown> = { dataDir, dialogs }
  for (const method of methods) {
    api[method] = async (arg?: unknown) => JSON.parse(JSON.stringify(await dispatch(handlers, method, arg)))
  }
  return Object.assign(api, overrides) as unknown as Api & { dataDir: string; dialogs: ScriptedDialogs }
}
