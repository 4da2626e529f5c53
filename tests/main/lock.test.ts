import { beforeEach, describe, expect, it, vi } from 'vitest'
import { LOCK_EVENT } from '../../src/core/channels'

const h = vi.hoisted(() => ({
  listeners: {} as Record<string, (() => void)[]>,
  windows: [] as { destroyed: boolean; webContents: { send: ReturnType<typeof vi.fn> } }[],
}))

vi.mock('electron', () => ({
  BrowserWindow: {
    getAllWindows: () => h.windows.map((w) => ({ isDestroyed: () => w.destroyed, webContents: w.webContents })),
  },
  powerMonitor: {
    on: (event: string, listener: () => void) => void (h.listeners[event] ??= []).push(listener),
    off: (event: string, listener: () => void) =>
      void (h.listeners[event] = (h.listeners[event] ?? []).filter((l) => l !== listener)),
  },
}))

const { lockAllWindows, lockOnSystemLock } = await import('../../electron/main/lock')

const emit = (event: string) => (h.listeners[event] ?? []).forEach((listener) => listener())

describe('locking the windows from main', () => {
  beforeEach(() => {
    h.listeners = {}
    h.windows = [
      { destroyed: false, webContents: { send: vi.fn() } },
      { destroyed: true, webContents: { send: vi.fn() } },
    ]
  })

  it('tells every open window to lock, and none that is destroyed', () => {
    lockAllWindows()
    expect(h.windows[0]!.webContents.send).toHaveBeenCalledExactlyOnceWith(LOCK_EVENT)
    expect(h.windows[1]!.webContents.send).not.toHaveBeenCalled()
  })

  it('locks the windows and main when the OS locks its screen or the computer sleeps, until stopped', () => {
    const lockMain = vi.fn()
    const stop = lockOnSystemLock(lockMain)
    emit('resume')
    expect(h.windows[0]!.webContents.send).not.toHaveBeenCalled()
    emit('lock-screen')
    emit('suspend')
    expect(h.windows[0]!.webContents.send).toHaveBeenCalledTimes(2)
    expect(lockMain).toHaveBeenCalledTimes(2)
    stop()
    emit('lock-screen')
    expect(h.windows[0]!.webContents.send).toHaveBeenCalledTimes(2)
    expect(lockMain).toHaveBeenCalledTimes(2)
  })
})
