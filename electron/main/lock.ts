import { BrowserWindow, powerMonitor } from 'electron'
import { LOCK_EVENT } from '../../src/core/channels'

/** Tells every Homeplan window to show its lock screen (it does so only where a PIN is set). */
export function lockAllWindows(): void {
  for (const window of BrowserWindow.getAllWindows()) if (!window.isDestroyed()) window.webContents.send(LOCK_EVENT)
}

/**
 * Locks the windows when the OS locks its screen or the computer goes to sleep, so an unlocked session or a lid
 * opened later never shows the roster. Returns a function that stops listening.
 */
export function lockOnSystemLock(): () => void {
  powerMonitor.on('lock-screen', lockAllWindows)
  powerMonitor.on('suspend', lockAllWindows)
  return () => {
    powerMonitor.off('lock-screen', lockAllWindows)
    powerMonitor.off('suspend', lockAllWindows)
  }
}
