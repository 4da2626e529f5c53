/**
 * `npm run dev:web`: the built renderer in any browser, backed by the real
 * services on a development data folder (default ./.homeplan-dev-data).
 */
import { resolve } from 'node:path'
import { resolveDataDir } from '../main/data-dir'
import { createServices } from '../services'
import { ScriptedDialogs } from './dialogs'
import { startBridge } from './server'

const data = resolveDataDir(process.argv.slice(2), process.env, resolve('.homeplan-dev-data'))
const portArg = process.argv.find((arg) => arg.startsWith('--port='))
const port = portArg ? Number(portArg.slice('--port='.length)) : 5174

const version = process.env['npm_package_version'] ?? '0.0.0'
const services = createServices({
  dataDir: data.path,
  dataSource: data.source,
  appInfo: { name: 'Homeplan', version, platform: process.platform, versions: { electron: null, chrome: null, node: process.versions.node } },
  dialogs: new ScriptedDialogs(resolve(data.path, 'exports')),
  resourcesDir: resolve('resources'),
  log: (message, error) => console.warn(message, error ?? ''),
})
const bridge = await startBridge({ handlers: services.handlers, rendererDir: resolve('out/renderer'), port, log: console.error })
console.log(`Homeplan (browser bridge) on ${bridge.url}  data: ${data.path}`)
const stop = () => void bridge.close().then(() => services.close()).then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
