import type { AppInfo, DataFolderInfo, Handlers } from '../../src/core/contract'
import { describeDataFolder } from './data-folder'
import { createSettingsStore } from './settings-store'

export interface ServiceDeps {
  dataDir: string
  dataSource: DataFolderInfo['source']
  appInfo: AppInfo
  warn?: (message: string) => void
}

/**
 * Builds the one handler map that both ipcMain and the HTTP test bridge serve.
 * Plain Node: nothing here imports `electron`.
 */
export function createHandlers(deps: ServiceDeps): Handlers {
  const settings = createSettingsStore(deps.dataDir, deps.warn)
  return {
    getAppInfo: () => deps.appInfo,
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    getDataFolder: () => describeDataFolder(deps.dataDir, deps.dataSource),
  }
}
