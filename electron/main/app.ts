import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppFile } from './app-protocol'
import { createServices } from '../services'
import { createKeyKeeper } from '../services/encryption/key-keeper'
import { nodeFs } from '../services/fs-port'
import { electronKeychain } from './keychain'
import { touchIdConfirm } from './os-confirm'
import { say } from '../../src/i18n/say'
import { electronDialogs } from './dialogs'
import { resolveDataDir } from './data-dir'
import { appUrlMatcher, registerIpc } from './ipc'
import { lockAllWindows, lockOnSystemLock } from './lock'
import { buildMenuTemplate } from './menu'
import { externalLinkOpener, hardenContents, hardenSession, isExternalWebUrl } from './security'
import { pdfPrinter } from './print'
import { createUtilityRenderer } from './render-process'
import { createMainWindow } from './window'

export const WEBSITE = 'https://github.com/homeplan-app/homeplan'

const here = dirname(fileURLToPath(import.meta.url))

/** Homeplan's own links (the Help menu): web addresses only, no question asked. */
const openExternal = (url: string) => {
  if (isExternalWebUrl(url)) void shell.openExternal(url)
}

/** A link from a page: asked about first, over the window it came from (externalLinkOpener). */
const confirmedOpener = (contents: Electron.WebContents) =>
  externalLinkOpener(
    (question) => {
      const owner = BrowserWindow.fromWebContents(contents)
      return owner ? dialog.showMessageBox(owner, question) : dialog.showMessageBox(question)
    },
    (url) => shell.openExternal(url),
  )

/** Wires Electron to the plain services. Everything decided here is tested in tests/main. */
export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another Homeplan is running: it gets focus (second-instance) and we leave.
    app.quit()
    return
  }
  // Before ready, as Electron requires: app:// is a standard, secure origin (app-protocol.ts).
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
  const data = resolveDataDir(process.argv, process.env, app.getPath('userData'))
  // Chromium's own caches follow the data folder so a test or dev run leaves the real one alone.
  if (data.source !== 'default') app.setPath('userData', data.path)

  let mainWindow: BrowserWindow | undefined
  const rendererDir = join(here, '../renderer')
  const development = !app.isPackaged
  const devUrl = development ? process.env['ELECTRON_RENDERER_URL'] : undefined
  const config = {
    preload: join(here, '../preload/index.cjs'),
    icon: join(here, '../../resources/icon.png'),
    dataDir: data.path,
    url: devUrl ?? APP_ENTRY_URL,
    development,
  }
  const open = async () => {
    mainWindow = await createMainWindow(config)
    mainWindow.on('closed', () => (mainWindow = undefined))
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => {
    const ask = confirmedOpener(contents)
    hardenContents(contents, (url) => void ask(url))
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (!mainWindow) void open()
  })

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    // The renderer's files, each with the CSP header; nothing outside out/renderer (serveAppFile).
    protocol.handle(APP_SCHEME, (request) => serveAppFile(request.url, rendererDir, (file) => readFile(file)))
    const folders = {
      load: async () => (await services.handlers.getSettings(undefined)).lastFolder,
      save: (folder: string) =>
        void Promise.resolve(services.handlers.updateSettings({ lastFolder: folder })).catch(() => {}),
    }
    /** The menu in the screens' language: built at start, and again when the language setting changes. */
    const installMenu = () => {
      const menu = buildMenuTemplate(
        app.name,
        process.platform === 'darwin',
        {
          openDataFolder: () => void shell.openPath(data.path),
          openWebsite: () => openExternal(WEBSITE),
          lockNow: lockAllWindows,
          showAbout: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: say('menu.aboutTitle'),
              message: `Homeplan ${app.getVersion()}`,
              detail: say('menu.aboutDetail', { path: data.path }),
            }),
        },
        development,
      )
      Menu.setApplicationMenu(Menu.buildFromTemplate(menu))
    }
    const services = createServices({
      dataDir: data.path,
      onLanguage: () => installMenu(),
      // What the window's navigator.languages follows, so "same as the system" means one language in both.
      systemLanguages: () => app.getPreferredSystemLanguages?.() ?? [app.getLocale()],
      dataSource: data.source,
      appInfo: {
        name: 'Homeplan',
        version: app.getVersion(),
        platform: process.platform,
        versions: {
          electron: process.versions.electron ?? null,
          chrome: process.versions.chrome ?? null,
          node: process.versions.node,
        },
      },
      dialogs: electronDialogs(() => app.getPath('documents'), folders),
      resourcesDir: join(here, '../../resources'),
      // Handouts render in a utility process (built beside this file by electron.vite.config.ts), not here.
      renderer: createUtilityRenderer(join(here, 'handout-worker.js'), join(here, '../../resources/fonts')),
      openFile: (path) => void shell.openPath(path),
      showFile: (path) => shell.showItemInFolder(path),
      printPdf: pdfPrinter(data.path),
      log: (message, error) => (error ? console.error(message, error) : console.warn(message)),
      // A remembered folder key, wrapped by the OS keychain, is kept beside the data folder, never in it.
      osConfirm: touchIdConfirm(),
      keyKeeper: createKeyKeeper(nodeFs, join(app.getPath('appData'), 'Homeplan-keys'), data.path, electronKeychain),
    })
    // The roster opens while the window is made, not when the window first asks: with 10,000 patients the list
    // came 7.6 s after launch, the file read only then.
    services.prepare()
    // Let pending roster writes and compaction finish before the process exits.
    let closing = false
    app.on('before-quit', (event) => {
      if (closing) return
      closing = true
      event.preventDefault()
      void services.close().finally(() => app.quit())
    })
    registerIpc(ipcMain, services.handlers, appUrlMatcher(APP_ORIGIN, devUrl), (message, error) =>
      console.error(message, error),
    )
    installMenu()
    // Main's gate locks only where a PIN is set (see lockNow in electron/services/index.ts).
    lockOnSystemLock(() => void Promise.resolve(services.handlers.lockNow(undefined)).catch(() => {}))
    await open()
  })
}
