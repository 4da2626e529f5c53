import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBridge, type Bridge } from '../../electron/bridge/server'
import type { ScriptedDialogs } from '../../electron/bridge/dialogs'
import { testServices } from './services'

export interface TestBridge extends Bridge {
  dataDir: string
  dialogs: ScriptedDialogs
}

/** Starts the bridge on the built renderer with the app's real handlers and its own data folder. */
export async function startTestBridge(dataDir?: string): Promise<TestBridge> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'homeplan-e2e-')))
  const services = testServices(dir)
  const dialogs = services.dialogs
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
