import { BrowserWindow, powerMonitor } from 'electron'
import { LOCK_EVENT } from '../../src/core/channels'

/** Tells every Homeplan window to show its lock screen (it does so only where a PIN is set). */
export function lockAllWindows(): void {
  for (const window of BrowserWindow.getAllWindows()) if (!window.isDestroyed()) window.webContents.send(LOCK_EVENT)
}

/**
 * Locks the windows when the OS locks its screen or the computer goes to sleep, so an unlocked session or a lid
 * opened later never shows the roster. `lockMain` locks main's gate at once too (the window also asks for it, but a
 * window that is hung or slow would leave main answering meanwhile). Returns a function that stops listening.
 */
export function lockOnSystemLock(lockMain: () => void = () => {}): () => void {
  const lockAll = () => {
    lockMain()
    lockAllWindows()
  }
  powerMonitor.on('lock-screen', lockAll)
  powerMonitor.on('suspend', lockAll)
  return () => {
    powerMonitor.off('lock-screen', lockAll)
    powerMonitor.off('suspend', lockAll)
  }
}
