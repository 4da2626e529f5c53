import { join } from 'node:path'
import type { AppInfo, DataFolderInfo, Handlers } from '../../src/core/contract'
import { describeDataFolder } from './data-folder'
import type { Dialogs } from './dialogs'
import { createHandoutHandlers } from './handout/export'
import { createLibrary } from './library/service'
import { Backups } from './roster/backups'
import { createRosterHandlers } from './roster/service'
import { RosterStore } from './roster/store'
import { createSettingsStore } from './settings-store'

export interface ServiceDeps {
  dataDir: string
  dataSource: DataFolderInfo['source']
  appInfo: AppInfo
  dialogs: Dialogs
  /** The app's resources folder (built-in exercise library, fonts, schemas). */
  resourcesDir: string
  now?: () => Date
  log?: (message: string, error?: unknown) => void
  /** Opens a saved file in the system's viewer (the app passes shell.openPath). */
  openFile?: (path: string) => void
  /** The system print dialog for a PDF (the app passes electron/main/print.ts). */
  printPdf?: (pdf: Buffer, title: string) => Promise<boolean>
}

export interface Services {
  handlers: Handlers
  /** Finishes pending writes and closes the roster (app quit, test teardown). */
  close(): Promise<void>
  /** Resolves once background backups and compactions have finished. */
  idle(): Promise<void>
}

/**
 * Builds the one handler map that both ipcMain and the HTTP test bridge serve.
 * Plain Node: nothing here imports `electron`.
 */
export function createServices(deps: ServiceDeps): Services {
  const log = deps.log ?? (() => {})
  const settings = createSettingsStore(deps.dataDir, (message) => log(message))
  const backups = new Backups({ dir: deps.dataDir, now: deps.now })
  let opened: Promise<RosterStore> | undefined
  // The roster opens on first use, so the window appears before a large file is read.
  const store = () =>
    (opened ??= RosterStore.open({
      dir: deps.dataDir,
      now: deps.now,
      log,
      beforeMigrate: async (file) => void (await backups.keepCopy(file, 'before-migration')),
    }))
  const library = createLibrary({
    dataDir: deps.dataDir,
    builtinDir: join(deps.resourcesDir, 'library', 'exercises'),
    dialogs: deps.dialogs,
    now: deps.now,
    warn: (message) => log(message),
  })
  const handlers: Handlers = {
    getAppInfo: () => deps.appInfo,
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    getDataFolder: () => describeDataFolder(deps.dataDir, deps.dataSource),
    setClinicLogo: async ({ remove }) => {
      const current = await settings.get()
      if (remove) {
        const { logo: _logo, ...clinic } = current.clinic
        return settings.update({ clinic })
      }
      const path = await deps.dialogs.open({ title: 'Choose the clinic logo (PNG or JPEG)', filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg'] }] })
      if (!path) return current
      const logo = await library.media.importFile(path)
      return settings.update({ clinic: { ...current.clinic, logo } })
    },
    ...createRosterHandlers({ store, backups, dialogs: deps.dialogs, now: deps.now, log, exerciseExists: async (id) => !!(await library.find(id)) }),
    ...library.handlers,
    ...createHandoutHandlers({
      dataDir: deps.dataDir,
      resourcesDir: deps.resourcesDir,
      store,
      library,
      settings: () => settings.get(),
      dialogs: deps.dialogs,
      openFile: deps.openFile,
      printPdf: deps.printPdf,
      now: deps.now,
    }),
  }
  return {
    handlers,
    close: async () => {
      await backups.idle()
      if (opened) await (await opened).close()
    },
    idle: async () => {
      await backups.idle()
      if (opened) await (await opened).compactions
    },
  }
}

