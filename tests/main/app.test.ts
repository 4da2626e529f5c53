import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dialog, shell } from 'electron'
import { channelName, methods } from '../../src/core/contract'
import { LOCK_FILE } from '../../electron/services/data-lock'

/** A small stand-in for Electron: records what the app asks of it. */
const h = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  const state = {
    lock: true,
    appListeners: {} as Record<string, Listener>,
    windows: [] as {
      options: Record<string, unknown>
      focus: ReturnType<typeof vi.fn>
      restore: ReturnType<typeof vi.fn>
      loaded?: string
    }[],
    handled: [] as string[],
    menuTemplate: undefined as unknown,
    sessionHardened: { permission: false, csp: false },
    setPath: [] as [string, string][],
    quit: 0,
    /** Calls to app.whenReady: everything but the single-instance check waits for it. */
    readyAsked: 0,
    /** The privileged schemes, and how many whenReady calls had been made when they were registered. */
    schemes: [] as { privileged: unknown[]; readyAskedBefore: number }[],
    protocolHandlers: {} as Record<string, (request: { url: string }) => Promise<Response>>,
    packaged: true,
  }
  return { state }
})

vi.mock('electron', () => {
  const { state } = h
  class BrowserWindow {
    static fromWebContents = () => null
    static getAllWindows = () => state.windows
    focus = vi.fn()
    restore = vi.fn()
    constructor(public options: Record<string, unknown>) {
      state.windows.push(this as never)
    }
    once() {}
    on() {}
    maximize() {}
    isMinimized() {
      return true
    }
    isDestroyed() {
      return false
    }
    async loadFile(file: string) {
      ;(this as unknown as { loaded: string }).loaded = file
    }
    async loadURL(url: string) {
      ;(this as unknown as { loaded: string }).loaded = url
    }
  }
  return {
    BrowserWindow,
    app: {
      requestSingleInstanceLock: () => state.lock,
      quit: () => void state.quit++,
      on: (event: string, listener: (...args: unknown[]) => unknown) => void (state.appListeners[event] = listener),
      whenReady: () => (state.readyAsked++, Promise.resolve()),
      getPath: () => '/home/pt/.config/Homeplan',
      setPath: (name: string, value: string) => void state.setPath.push([name, value]),
      getVersion: () => '9.9.9',
      get isPackaged() {
        return state.packaged
      },
      name: 'Homeplan',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) =>
        void state.schemes.push({ privileged: schemes, readyAskedBefore: state.readyAsked }),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) =>
        void (state.protocolHandlers[scheme] = handler),
    },
    ipcMain: { handle: (channel: string) => void state.handled.push(channel) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (t: unknown) => void (state.menuTemplate = t) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => void (state.sessionHardened.permission = true),
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: () => void (state.sessionHardened.csp = true) },
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(), showItemInFolder: vi.fn() },
    powerMonitor: { on: () => {}, off: () => {} },
    dialog: { showMessageBox: vi.fn(async () => ({ response: 1 })) },
  }
})

/**
 * Once the window has loaded its page, startApp is done: it opens the window last, after the session, the roster, IPC
 * and the menu. (Reading the window's saved place is file I/O, which took over the 20 ms this used to wait on a
 * loaded machine.) A check run from a timer sees it after the microtasks that hand the window back to the app.
 */
const windowOpened = () => vi.waitFor(() => expect(h.state.windows[0]?.loaded).toBeDefined(), { timeout: 10_000 })

describe('startApp', () => {
  const argv = process.argv
  let dataDir: string
  beforeEach(async () => {
    vi.resetModules()
    Object.assign(h.state, {
      lock: true,
      appListeners: {},
      windows: [],
      handled: [],
      menuTemplate: undefined,
      setPath: [],
      quit: 0,
      readyAsked: 0,
      schemes: [],
      protocolHandlers: {},
      packaged: true,
    })
    h.state.sessionHardened = { permission: false, csp: false }
    dataDir = await mkdtemp(join(tmpdir(), 'hp-app-'))
    process.argv = ['electron', '.', `--data-dir=${dataDir}`]
  })
  afterEach(async () => {
    process.argv = argv
    // An app left starting would open its window, and take the app's listeners, in the next test.
    if (h.state.readyAsked > 0) await windowOpened()
  })

  it('leaves at once when another Homeplan holds the lock', async () => {
    h.state.lock = false
    const { startApp } = await import('../../electron/main/app')
    startApp()
    expect(h.state.quit).toBe(1)
    // Nothing waits to start later: the window, IPC and the roster all start once the app is ready.
    expect(h.state.readyAsked).toBe(0)
    expect(h.state.windows).toHaveLength(0)
    expect(h.state.handled).toHaveLength(0)
  })

  it('opens one secure window on the packaged renderer, with every channel registered once', async () => {
    const { startApp } = await import('../../electron/main/app')
    startApp()
    await windowOpened()
    expect(h.state.windows).toHaveLength(1)
    const [win] = h.state.windows
    expect(win!.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(String((win!.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(win!.loaded).toBe('app://homeplan/index.html')
    expect([...h.state.handled].sort()).toEqual(methods.map(channelName).sort())
    expect(h.state.sessionHardened).toEqual({ permission: true, csp: true })
    expect((h.state.menuTemplate as { label?: string; role?: string }[]).map((m) => m.label ?? m.role)).toEqual([
      'File',
      'Edit',
      'View',
      'Help',
    ])
    expect(h.state.appListeners['web-contents-created']).toBeTypeOf('function')
  })

  it('starts opening the roster (taking the data folder) before the window asks for anything', async () => {
    const { startApp } = await import('../../electron/main/app')
    startApp()
    await vi.waitFor(async () => expect(await readdir(dataDir)).toContain(LOCK_FILE), { timeout: 10_000 })
    // Nothing was asked over IPC: the handlers were only registered.
    expect(h.state.handled.length).toBeGreaterThan(0)
  })

  it('moves userData to the --data-dir folder', async () => {
    const { startApp } = await import('../../electron/main/app')
    startApp()
    expect(h.state.setPath).toEqual([['userData', dataDir]])
  })

  it('lets pending roster writes finish before quitting', async () => {
    const { startApp } = await import('../../electron/main/app')
    startApp()
    await windowOpened()
    const event = { preventDefault: vi.fn() }
    h.state.appListeners['before-quit']!(event)
    expect(event.preventDefault).toHaveBeenCalledOnce()
    // The roster may still be opening (it starts with the app): quitting waits for it, then closes it.
    await vi.waitFor(() => expect(h.state.quit).toBe(1), { timeout: 10_000 })
    // The second before-quit (from that quit) goes through.
    const again = { preventDefault: vi.fn() }
    h.state.appListeners['before-quit']!(again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('focuses (and restores) the existing window on a second launch', async () => {
    const { startApp } = await import('../../electron/main/app')
    startApp()
    await windowOpened()
    h.state.appListeners['second-instance']!()
    const [win] = h.state.windows
    expect(win!.restore).toHaveBeenCalledOnce()
    expect(win!.focus).toHaveBeenCalledOnce()
    expect(h.state.windows).toHaveLength(1)
  })

  it('registers app:// as privileged before the app is ready and serves it only from the renderer folder', async () => {
    const { startApp } = await import('../../electron/main/app')
    startApp()
    expect(h.state.schemes).toEqual([{ privileged: [expect.objectContaining({ scheme: 'app' })], readyAskedBefore: 0 }])
    await windowOpened()
    const serve = h.state.protocolHandlers['app']!
    const escape = await serve({ url: 'app://homeplan/..%2F..%2Fpackage.json' })
    expect(escape.status).toBe(403)
    expect(escape.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
  })

  it('ships no DevTools: the packaged window cannot open them and the menu has no Reload or Toggle DevTools', async () => {
    const { startApp } = await import('../../electron/main/app')
    startApp()
    await windowOpened()
    expect((h.state.windows[0]!.options['webPreferences'] as { devTools: boolean }).devTools).toBe(false)
    const roles = JSON.stringify(h.state.menuTemplate)
    expect(roles).not.toMatch(/toggleDevTools|"reload"|forceReload/)
  })

  it('keeps DevTools and Reload for an unpackaged (development) run', async () => {
    h.state.packaged = false
    const { startApp } = await import('../../electron/main/app')
    startApp()
    await windowOpened()
    expect((h.state.windows[0]!.options['webPreferences'] as { devTools: boolean }).devTools).toBe(true)
    expect(JSON.stringify(h.state.menuTemplate)).toMatch(/toggleDevTools/)
  })

  it('asks before a page’s link opens in the browser, naming the address', async () => {
    const { startApp } = await import('../../electron/main/app')
    startApp()
    await windowOpened()
    const listeners: Record<string, (...args: unknown[]) => void> = {}
    const contents = { on: (event: string, listener: () => void) => void (listeners[event] = listener) }
    h.state.appListeners['web-contents-created']!({}, { ...contents, setWindowOpenHandler: () => {} })
    const ask = vi.mocked(dialog.showMessageBox)
    ask.mockClear()
    vi.mocked(shell.openExternal).mockClear()
    ask.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    listeners['will-navigate']!({ preventDefault: () => {} }, 'https://example.org/declined')
    await vi.waitFor(() => expect(ask).toHaveBeenCalledOnce())
    expect(ask.mock.calls[0]![0]).toMatchObject({ detail: 'https://example.org/declined' })
    ask.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    listeners['will-navigate']!({ preventDefault: () => {} }, 'https://example.org/accepted')
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledOnce())
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/accepted')
  })
})
