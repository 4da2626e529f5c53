import { join, resolve } from 'node:path'
import { ScriptedDialogs } from '../../electron/bridge/dialogs'
import { createServices, type ServiceDeps, type Services } from '../../electron/services'
import type { Method } from '../../src/core/contract'
import { dispatch } from '../../src/core/dispatch'
import type { Result } from '../../src/core/result'

/**
 * The services opened and not yet closed, for tests/support/close-services.ts to close (this file is also used by
 * Playwright, so it registers no hooks itself). `current` is where newly opened services go: the running test's set
 * while a test runs, the file's set in a beforeAll.
 */
export const openServices = { current: new Set<{ close(): Promise<void> }>() }

/** The app's real services on `dataDir`, with scripted file dialogs and the repository's resources. */
export function testServices(
  dataDir: string,
  overrides: Partial<ServiceDeps> = {},
): Services & { dialogs: ScriptedDialogs } {
  const dialogs = new ScriptedDialogs(join(dataDir, 'exports'))
  const services = createServices({
    dataDir,
    dataSource: 'flag',
    dialogs,
    resourcesDir: resolve('resources'),
    appInfo: {
      name: 'Homeplan',
      version: '0.0.0-test',
      platform: process.platform,
      versions: { electron: null, chrome: null, node: process.versions.node },
    },
    ...overrides,
  })
  const set = openServices.current
  // Closed by the test and again by the hook, they close once: the second call gets the first call's promise.
  let closed: Promise<void> | undefined
  const tracked: Services = {
    ...services,
    close: () => {
      set.delete(tracked)
      return (closed ??= services.close())
    },
  }
  set.add(tracked)
  return { ...tracked, dialogs }
}

/**
 * A handler map called as the window calls it (through dispatch, so arguments are checked): `call` gives the Result,
 * `value` the value or throws with the method's name and message.
 */
export function callsOn(handlers: Services['handlers']) {
  const call = <T>(method: Method, arg?: unknown) => dispatch(handlers, method, arg) as Promise<Result<T>>
  const value = async <T>(method: Method, arg?: unknown): Promise<T> => {
    const result = await call<T>(method, arg)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  return { call, value }
}
