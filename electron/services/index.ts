import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { changesData, type AppInfo, type DataFolderInfo, type Handlers } from '../../src/core/contract'
import { AppFailure } from '../../src/core/result'
import { describeDataFolder } from './data-folder'
import { acquireDataLock, type DataLock, type DataLockOptions } from './data-lock'
import type { Dialogs } from './dialogs'
import { copiesFolder, removeCopies } from './handout/copies'
import { createHandoutHandlers } from './handout/export'
import { createInProcessRenderer, type HandoutRenderer } from './handout/renderer'
import { createLibrary } from './library/service'
import { Backups } from './roster/backups'
import { createRosterHandlers } from './roster/service'
import { createCsvHandlers } from './roster/csv-service'
import { RosterStore } from './roster/store'
import { programsUsing } from './roster/usage'
import { createNotices } from './notices'
import { readUserFile } from './read-user-file'
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
  /** Shows a saved file in its folder (the app passes shell.showItemInFolder). */
  showFile?: (path: string) => void
  /** The system print dialog for a PDF (the app passes electron/main/print.ts). */
  printPdf?: (pdf: Buffer, title: string) => Promise<boolean>
  /**
   * Where handouts are rendered: the app passes a utility process, the browser bridge a worker thread; by default
   * this process (tests). Closed with the services.
   */
  renderer?: HandoutRenderer
  /** The folder lock's timings and process check (tests shorten them). */
  lock?: Pick<DataLockOptions, 'staleAfterMs' | 'heartbeatMs' | 'isAlive' | 'pid' | 'host'>
}

export interface Services {
  handlers: Handlers
  /**
   * Starts opening the roster now, while the window is still being made, so its first list is ready sooner. A
   * failure is not reported here: the window's first call tries again and says what went wrong.
   */
  prepare(): void
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
  const notices = createNotices(deps.now)
  const notify = (message: string) => {
    log(message)
    notices.add(message)
  }
  const settings = createSettingsStore(deps.dataDir, notify, deps.now)
  const backups = new Backups({ dir: deps.dataDir, now: deps.now })
  let lock: DataLock | undefined
  /** Why this process may not change the data folder (another Homeplan holds it); undefined while it may. */
  let readOnly: string | undefined
  let opened: Promise<RosterStore> | undefined

  const openRoster = async (): Promise<RosterStore> => {
    if (!lock) {
      await mkdir(deps.dataDir, { recursive: true, mode: 0o700 }).catch(() => {})
      const result = await acquireDataLock({
        dir: deps.dataDir,
        ...deps.lock,
        onLost: (reason) => {
          readOnly = reason
          log(reason)
        },
      })
      if (result.held) {
        lock = result.lock
        readOnly = undefined
      } else {
        readOnly = result.reason
      }
    }
    const held = lock
    return RosterStore.open({
      dir: deps.dataDir,
      now: deps.now,
      log,
      readOnly,
      guard: held ? () => held.assertHeld() : undefined,
      beforeMigrate: async (file) => void (await backups.keepCopy(file, 'before-migration')),
    })
  }
  // The roster opens on first use or on prepare() (the app calls it at start, beside making the window), never
  // before the window is on its way. A failed open is not kept: the next call tries again.
  const store = () =>
    (opened ??= openRoster().catch((error: unknown) => {
      opened = undefined
      throw error
    }))
  const reopen = async () => {
    const previous = opened
    opened = undefined
    await backups.idle()
    if (previous) await (await previous.catch(() => undefined))?.close()
    return store()
  }
  /** Refuses a change while another Homeplan holds the folder, before anything is touched. */
  const assertWritable = async () => {
    await store()
    if (readOnly !== undefined) throw new AppFailure('conflict', readOnly)
  }
  const renderer = deps.renderer ?? createInProcessRenderer(join(deps.resourcesDir, 'fonts'))
  const library = createLibrary({
    dataDir: deps.dataDir,
    builtinDir: join(deps.resourcesDir, 'library', 'exercises'),
    dialogs: deps.dialogs,
    now: deps.now,
    usedBy: async (exerciseId) => programsUsing(await store(), exerciseId),
    notify,
  })
  const handlers: Handlers = {
    getAppInfo: () => deps.appInfo,
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    getDataFolder: () => describeDataFolder(deps.dataDir, deps.dataSource),
    listNotices: () => notices.list(),
    dismissNotice: ({ id }) => notices.dismiss(id),
    setClinicLogo: async ({ remove }) => {
      const current = await settings.get()
      if (remove) {
        const { logo: _logo, ...clinic } = current.clinic
        return settings.update({ clinic })
      }
      const path = await deps.dialogs.open({
        title: 'Choose the clinic logo (PNG or JPEG)',
        filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg'] }],
      })
      if (!path) return current
      const logo = await library.media.importFile(path)
      return settings.update({ clinic: { ...current.clinic, logo } })
    },
    ...createRosterHandlers({
      store,
      reopen,
      backups,
      dialogs: deps.dialogs,
      readUserFile,
      now: deps.now,
      log,
      exerciseExists: async (id) => !!(await library.find(id)),
      forgetHandouts: async (handoutIds) => {
        const left = await removeCopies(deps.dataDir, handoutIds)
        if (left.length)
          notify(
            `The copies of ${left.length} handout${left.length === 1 ? '' : 's'} of a deleted patient could not be removed from ${copiesFolder(deps.dataDir)}: delete ${left.map((id) => `${id}.json`).join(', ')} there yourself.`,
          )
      },
    }),
    ...createCsvHandlers({
      store,
      backups,
      dialogs: deps.dialogs,
      readUserFile,
      settings,
      exerciseName: async (id) => (await library.find(id))?.name,
      now: deps.now,
      log,
    }),
    ...library.handlers,
    ...createHandoutHandlers({
      dataDir: deps.dataDir,
      renderer,
      store,
      library,
      settings: () => settings.get(),
      dialogs: deps.dialogs,
      openFile: deps.openFile,
      printPdf: deps.printPdf,
      showFile: deps.showFile,
      now: deps.now,
      log,
    }),
  }
  for (const method of changesData) {
    const name = method as keyof Handlers
    const handler = handlers[name] as (arg: unknown) => unknown
    ;(handlers as Record<string, (arg: unknown) => unknown>)[name] = async (arg: unknown) => {
      await assertWritable()
      return handler(arg)
    }
  }
  return {
    handlers,
    prepare: () => void store().catch(() => {}),
    close: async () => {
      await renderer.close()
      await backups.idle()
      if (opened) await (await opened.catch(() => undefined))?.close()
      await lock?.release()
      lock = undefined
    },
    idle: async () => {
      await backups.idle()
      if (opened) await (await opened.catch(() => undefined))?.compactions
    },
  }
}
