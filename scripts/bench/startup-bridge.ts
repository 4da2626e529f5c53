/**
 * The bridge process for `npm run bench startup`, started the way the app starts: the services are made and
 * the roster starts opening at once, beside the window (`new`). `old` is the way before issue 14 item 6, measured
 * as the baseline in the same run: the roster opens on the window's first call, and the first roster request
 * carries every summary (sorted as shown), so the first row waits for the whole list to be serialised and sent.
 *
 * Usage: node startup-bridge.mjs <data dir> <new|old>; prints `listening <url>` once it listens.
 */
import { resolve } from 'node:path'
import { ScriptedDialogs } from '../../electron/bridge/dialogs'
import { startBridge } from '../../electron/bridge/server'
import { createServices } from '../../electron/services'
import type { Handlers } from '../../src/core/contract'
import { compareBy, OPENING_VIEW } from '../../src/core/roster-order'

const [dataDir, mode] = process.argv.slice(2)
if (!dataDir || (mode !== 'new' && mode !== 'old')) {
  console.error('usage: startup-bridge <data dir> <new|old>')
  process.exit(2)
}
const services = createServices({
  dataDir,
  dataSource: 'flag',
  appInfo: {
    name: 'Homeplan',
    version: '0.0.0-bench',
    platform: process.platform,
    versions: { electron: null, chrome: null, node: process.versions.node },
  },
  dialogs: new ScriptedDialogs(resolve(dataDir, 'exports')),
  resourcesDir: resolve('resources'),
})
let handlers: Handlers = services.handlers
if (mode === 'new') services.prepare()
else {
  handlers = {
    ...services.handlers,
    listFirstPatients: async () => {
      const all = await services.handlers.listPatients(undefined)
      const active = all.filter((p) => p.status === OPENING_VIEW.status).sort(compareBy(OPENING_VIEW.sort))
      return { patients: active, total: all.length, matching: active.length }
    },
  }
}
const bridge = await startBridge({ handlers, rendererDir: resolve('out/renderer'), port: 0 })
console.log(`listening ${bridge.url}`)
const stop = () =>
  void bridge
    .close()
    .then(() => services.close())
    .then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
