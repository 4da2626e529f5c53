import { BrowserWindow, dialog } from 'electron'
import { dirname, join } from 'node:path'
import type { Dialogs } from '../services/dialogs'

/** The system file dialogs, attached to the focused window; the last folder used is remembered for the session. */
export function electronDialogs(defaultFolder: () => string): Dialogs {
  let lastFolder: string | undefined
  const parent = () => BrowserWindow.getFocusedWindow() ?? undefined
  return {
    async save({ title, defaultName, filters }) {
      const options = { title, defaultPath: join(lastFolder ?? defaultFolder(), defaultName), filters }
      const owner = parent()
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return undefined
      lastFolder = dirname(result.filePath)
      return result.filePath
    },
    async open({ title, filters }) {
      const options = { title, defaultPath: lastFolder ?? defaultFolder(), filters, properties: ['openFile' as const] }
      const owner = parent()
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
      const [path] = result.filePaths
      if (result.canceled || !path) return undefined
      lastFolder = dirname(path)
      return path
    },
  }
}
