import { systemPreferences } from 'electron'
import type { OsConfirm } from '../services'

/**
 * Touch ID on a Mac that has it: the OS itself confirms its user, as another way to open a window locked with the
 * clinic PIN. Windows Hello and Linux have no such call in Electron, so there the PIN is the way.
 */
export const touchIdConfirm = (platform: NodeJS.Platform = process.platform): OsConfirm => ({
  available: () => platform === 'darwin' && systemPreferences.canPromptTouchID(),
  confirm: (reason) =>
    systemPreferences.promptTouchID(reason).then(
      () => true,
      () => false,
    ),
})
