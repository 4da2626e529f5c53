import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBridge, type Bridge } from '../../electron/bridge/server'
import type { ScriptedDialogs } from '../../electron/bridge/dialogs'
import { bridgeWorkerEntry, createWorkerRenderer } from '../../electron/services/handout/worker-renderer'
import { testServices } from './services'

export interface TestBridge extends Bridge {
  dataDir: string
  dialogs: ScriptedDialogs
}

/** Starts the bridge on the built renderer with the app's real handlers and its own data folder. */
export async function startTestBridge(dataDir?: string): Promise<TestBridge> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'homeplan-e2e-')))
  // Handouts render in a worker thread, as `npm run dev:web` does (the app: a utility process).
  const services = testServices(dir, {
    renderer: createWorkerRenderer(
      resolve('resources/fonts'),
      bridgeWorkerEntry(resolve('out/main/handout-worker.js')),
    ),
  })
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
