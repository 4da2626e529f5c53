import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBridge, type Bridge } from '../../electron/bridge/server'
import { ScriptedDialogs } from '../../electron/bridge/dialogs'
import { createServices } from '../../electron/services'

export interface TestBridge extends Bridge {
  dataDir: string
  dialogs: ScriptedDialogs
}

/** Starts the bridge on the built renderer with the app's real handlers and its own data folder. */
export async function startTestBridge(dataDir?: string): Promise<TestBridge> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'homeplan-e2e-')))
  const dialogs = new ScriptedDialogs(join(dir, 'exports'))
  const services = createServices({
    dataDir: dir,
    dialogs,
    dataSource: 'flag',
    appInfo: { name: 'Homeplan', version: '0.0.0-test', platform: process.platform, versions: { electron: null, chrome: null, node: process.versions.node } },
  })
  const bridge = await startBridge({ handlers: services.handlers, rendererDir: resolve('out/renderer') })
  return {
    url: bridge.url,
    dataDir: dir,
    dialogs,
    close: async () => {
      await bridge.close()
      await services.close()
    },
  }
}

export const removeDataDir = (dir: string) => rm(dir, { recursive: true, force: true })
