import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron'
import { secureWebPreferences } from './security'
import { DEFAULT_SIZE, fitToDisplays, readWindowState, writeWindowState, type WindowState } from './window-state'

export interface MainWindowConfig {
  preload: string
  icon: string
  dataDir: string
  /** The dev server URL in development, otherwise the renderer's app:// address (app-protocol.ts). */
  url: string
  /** An unpackaged app or the dev server: the window may open DevTools. */
  development: boolean
}

export function mainWindowOptions(
  preload: string,
  icon: string,
  state: WindowState | undefined,
  development = false,
): BrowserWindowConstructorOptions {
  return {
    ...(state ? state.bounds : DEFAULT_SIZE),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Homeplan',
    icon,
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preload, development),
  }
}

/** Opens the one Homeplan window where it was last closed. */
export async function createMainWindow(config: MainWindowConfig): Promise<BrowserWindow> {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const state = fitToDisplays(await readWindowState(config.dataDir), workAreas)
  const win = new BrowserWindow(mainWindowOptions(config.preload, config.icon, state, config.development))
  if (state?.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  let timer: NodeJS.Timeout | undefined
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
    void writeWindowState(config.dataDir, state).catch(() => {
      // Losing a window position is not worth interrupting the user for.
    })
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(remember, 500)
  }
  win.on('resize', later)
  win.on('move', later)
  win.on('close', () => {
    clearTimeout(timer)
    remember()
  })

  await win.loadURL(config.url)
  return win
}
