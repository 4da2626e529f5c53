import { join, resolve } from 'node:path'
import { ScriptedDialogs } from '../../electron/bridge/dialogs'
import { createServices, type ServiceDeps, type Services } from '../../electron/services'

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
  return { ...services, dialogs }
}
