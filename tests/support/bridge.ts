import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBridge, type Bridge } from '../../electron/bridge/server'
import { createHandlers } from '../../electron/services'

export interface TestBridge extends Bridge {
  dataDir: string
}

/** Starts the bridge on the built renderer with the app's real handlers and its own data folder. */
export async function startTestBridge(dataDir?: string): Promise<TestBridge> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'homeplan-e2e-')))
  const handlers = createHandlers({
    dataDir: dir,
    dataSource: 'flag',
    appInfo: { name: 'Homeplan', version: '0.0.0-test', platform: process.platform, versions: { electron: null, chrome: null, node: process.versions.node } },
  })
  const bridge = await startBridge({ handlers, rendererDir: resolve('out/renderer') })
  return { ...bridge, dataDir: dir }
}

export const removeDataDir = (dir: string) => rm(dir, { recursive: true, force: true })
