/**
 * `npm run dev:web`: the built renderer in any browser, backed by the real
 * services on a development data folder (default ./.homeplan-dev-data).
 * `--data-dir <folder>` picks another folder, `--port <n>` another port
 * (default 5174; 0 takes any free one). The URL line is printed once it listens.
 */
import { resolve } from 'node:path'
import { resolveDataDir } from '../main/data-dir'
import { createServices } from '../services'
import { bridgeWorkerEntry, createWorkerRenderer } from '../services/handout/worker-renderer'
import { ScriptedDialogs } from './dialogs'
import { startBridge } from './server'

const data = resolveDataDir(process.argv.slice(2), process.env, resolve('.homeplan-dev-data'))

/** `--port <n>` or `--port=<n>`; 5174 when absent. */
function portFrom(argv: readonly string[]): number {
  const at = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='))
  if (at < 0) return 5174
  const arg = argv[at]!
  const value = arg === '--port' ? argv[at + 1] : arg.slice('--port='.length)
  const port = Number(value)
  if (!value || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(
      `--port needs a number from 0 to 65535 (0: any free port), not ${value === undefined ? 'nothing' : JSON.stringify(value)}.`,
    )
    process.exit(2)
  }
  return port
}
const port = portFrom(process.argv.slice(2))

const version = process.env['npm_package_version'] ?? '0.0.0'
const services = createServices({
  dataDir: data.path,
  dataSource: data.source,
  appInfo: {
    name: 'Homeplan',
    version,
    platform: process.platform,
    versions: { electron: null, chrome: null, node: process.versions.node },
  },
  // A person is at the page: choosing a file is refused in words, not silently cancelled.
  dialogs: new ScriptedDialogs(resolve(data.path, 'exports'), { refuseOpen: true }),
  resourcesDir: resolve('resources'),
  // Handouts render in a worker thread (the built entry, as in the app), outside this process's event loop.
  renderer: createWorkerRenderer(resolve('resources/fonts'), bridgeWorkerEntry(resolve('out/main/handout-worker.js'))),
  log: (message, error) => console.warn(message, error ?? ''),
})
// As the app does: the roster starts opening now, beside the page being loaded, not on the page's first call.
services.prepare()
const bridge = await startBridge({
  handlers: services.handlers,
  rendererDir: resolve('out/renderer'),
  port,
  log: console.error,
}).catch(async (error: unknown) => {
  await services.close()
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
  console.error(`Port ${port} is in use (another dev:web?). Choose another with: npm run dev:web -- --port <n>`)
  process.exit(1)
})
console.log(`Homeplan (browser bridge) on ${bridge.url}  data: ${data.path}`)
const stop = () =>
  void bridge
    .close()
    .then(() => services.close())
    .then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
