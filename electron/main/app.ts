import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createServices } from '../services'
import { electronDialogs } from './dialogs'
import { resolveDataDir } from './data-dir'
import { appUrlMatcher, registerIpc } from './ipc'
import { buildMenuTemplate } from './menu'
import { hardenContents, hardenSession, isExternalWebUrl } from './security'
import { pdfPrinter } from './print'
import { createUtilityRenderer } from './render-process'
import { createMainWindow } from './window'

export const WEBSITE = 'https://github.com/homeplan-app/homeplan'

const here = dirname(fileURLToPath(import.meta.url))

const openExternal = (url: string) => {
  if (isExternalWebUrl(url)) void shell.openExternal(url)
}

/** Wires Electron to the plain services. Everything decided here is tested in tests/main. */
export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another Homeplan is running: it gets focus (second-instance) and we leave.
    app.quit()
    return
  }
  const data = resolveDataDir(process.argv, process.env, app.getPath('userData'))
  // Chromium's own caches follow the data folder so a test or dev run leaves the real one alone.
  if (data.source !== 'default') app.setPath('userData', data.path)

  let mainWindow: BrowserWindow | undefined
  const rendererFile = join(here, '../renderer/index.html')
  const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
  const config = {
    preload: join(here, '../preload/index.cjs'),
    icon: join(here, '../../resources/icon.png'),
    dataDir: data.path,
    load: devUrl ? { url: devUrl } : { file: rendererFile },
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
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, openExternal))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (!mainWindow) void open()
  })

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    const folders = {
      load: async () => (await services.handlers.getSettings(undefined)).lastFolder,
      save: (folder: string) =>
        void Promise.resolve(services.handlers.updateSettings({ lastFolder: folder })).catch(() => {}),
    }
    const services = createServices({
      dataDir: data.path,
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
    registerIpc(ipcMain, services.handlers, appUrlMatcher(pathToFileURL(rendererFile).href, devUrl), (message, error) =>
      console.error(message, error),
    )
    const menu = buildMenuTemplate(app.name, process.platform === 'darwin', {
      openDataFolder: () => void shell.openPath(data.path),
      openWebsite: () => openExternal(WEBSITE),
      showAbout: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: 'About Homeplan',
          message: `Homeplan ${app.getVersion()}`,
          detail: `Home-exercise handouts, kept on this computer.\nData folder: ${data.path}`,
        }),
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu))
    await open()
  })
}
