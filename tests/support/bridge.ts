import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBridge, type Bridge } from '../../electron/bridge/server'
import type { ScriptedDialogs } from '../../electron/bridge/dialogs'
import type { HandoutRenderer, RenderOptions } from '../../electron/services/handout/renderer'
import { bridgeWorkerEntry, createWorkerRenderer } from '../../electron/services/handout/worker-renderer'
import { testServices } from './services'

export interface TestBridge extends Bridge {
  dataDir: string
  dialogs: ScriptedDialogs
}

export interface TestBridgeOptions {
  /**
   * While `on` is true, every handout is rendered as one whole document by react-pdf (no page kept from an earlier
   * render), the way previews were rendered before issue 14: the preview bench's baseline.
   */
  wholeDocuments?: { on: boolean }
}

/** Starts the bridge on the built renderer with the app's real handlers and its own data folder. */
export async function startTestBridge(dataDir?: string, options: TestBridgeOptions = {}): Promise<TestBridge> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'homeplan-e2e-')))
  // Handouts render in a worker thread, as `npm run dev:web` does (the app: a utility process).
  const worker = createWorkerRenderer(
    resolve('resources/fonts'),
    bridgeWorkerEntry(resolve('out/main/handout-worker.js')),
  )
  const whole = options.wholeDocuments
  const wholeWhen = (options: RenderOptions = {}): RenderOptions =>
    whole?.on ? { ...options, pageBreaks: 'react-pdf' } : options
  const renderer: HandoutRenderer = whole
    ? {
        render: (input, options, signal) => worker.render(input, wholeWhen(options), signal),
        renderPages: (input, options, signal) => worker.renderPages(input, wholeWhen(options), signal),
        close: () => worker.close(),
      }
    : worker
  const services = testServices(dir, { renderer })
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
