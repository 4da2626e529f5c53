/**
 * The handout renderer in a Node worker thread (the browser bridge; the app uses a utility process, see
 * electron/main/render-process.ts). From the sources (tsx, vitest, Playwright) the worker runs render-worker.ts
 * through tsx; the built app passes the bundled entry (out/main/handout-worker.js) instead.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { createChannelRenderer, exitOnce, type HandoutRenderer, type RenderChannel, type RenderReply } from './renderer'
import { say } from '../../../src/i18n/say'

export interface WorkerEntry {
  file: URL | string
  execArgv: string[]
}

/**
 * The worker's entry from the sources, run through tsx. The loader is registered by a two-line module inside the
 * worker: `--import tsx` in the worker's execArgv is not applied to a worker's own entry on Node 20.
 */
export function sourceWorkerEntry(): WorkerEntry {
  const tsx = import.meta.resolve('tsx/esm/api')
  const tsconfig = fileURLToPath(new URL('../../../tsconfig.node.json', import.meta.url))
  const entry = new URL('./render-worker.ts', import.meta.url).href
  const boot = `const { register } = await import(${JSON.stringify(tsx)}); register({ tsconfig: ${JSON.stringify(tsconfig)} }); await import(${JSON.stringify(entry)})`
  return { file: new URL(`data:text/javascript,${encodeURIComponent(boot)}`), execArgv: [] }
}

/**
 * The built entry (out/main/handout-worker.js, what the app runs) when there is one, else the sources through tsx.
 * The browser bridge always runs after `electron-vite build`; the built entry starts in a third of the time (no
 * TypeScript to compile on the way), which the first preview on a busy machine needs.
 */
export function bridgeWorkerEntry(builtFile: string): WorkerEntry {
  return existsSync(builtFile) ? { file: builtFile, execArgv: [] } : sourceWorkerEntry()
}

/** A worker thread running the renderer, as a RenderChannel (and the worker, for tests). */
export function workerChannel(entry: WorkerEntry = sourceWorkerEntry()): RenderChannel & { worker: Worker } {
  const worker = new Worker(entry.file, {
    execArgv: entry.execArgv,
    env: { ...process.env, NODE_ENV: 'production' },
    name: 'handout-renderer',
  })
  // The worker alone must not keep a script or test process alive.
  worker.unref()
  const { exit, onExit, silence } = exitOnce()
  worker.on('error', (error) => exit(say('renderer.failed', { detail: error.message })))
  worker.on('exit', (code) => exit(say('renderer.exited', { code })))
  return {
    worker,
    send: (request) => worker.postMessage(request),
    onReply: (listener) => void worker.on('message', (reply: RenderReply) => listener(reply)),
    onExit,
    kill: () => {
      silence()
      void worker.terminate()
    },
  }
}

/** The renderer in a worker thread, started at once (see createChannelRenderer's `warm`). */
export function createWorkerRenderer(fontsDir: string, entry: WorkerEntry = sourceWorkerEntry()): HandoutRenderer {
  return createChannelRenderer(() => workerChannel(entry), fontsDir, { warm: true })
}
