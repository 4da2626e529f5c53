import { BrowserWindow, dialog } from 'electron'
import { dirname, join } from 'node:path'
import type { Dialogs } from '../services/dialogs'

/** Where the last dialog ended, kept between runs (in settings). */
export interface FolderMemory {
  load(): Promise<string | undefined>
  save(folder: string): void
}

/** The system file dialogs, attached to the focused window, opening where the last one ended. */
export function electronDialogs(defaultFolder: () => string, memory?: FolderMemory): Dialogs {
  let lastFolder: string | undefined
  let loaded = false
  const start = async () => {
    if (!loaded) {
      lastFolder = (await memory?.load().catch(() => undefined)) ?? lastFolder
      loaded = true
    }
    return lastFolder ?? defaultFolder()
  }
  const remember = (folder: string) => {
    lastFolder = folder
    memory?.save(folder)
  }
  const parent = () => BrowserWindow.getFocusedWindow() ?? undefined
  return {
    async save({ title, defaultName, filters }) {
      const options = { title, defaultPath: join(await start(), defaultName), filters }
      const owner = parent()
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return undefined
      remember(dirname(result.filePath))
      return result.filePath
    },
    async open({ title, filters }) {
      const options = { title, defaultPath: await start(), filters, properties: ['openFile' as const] }
      const owner = parent()
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
      const [path] = result.filePaths
      if (result.canceled || !path) return undefined
      remember(dirname(path))
      return path
    },
    async folder({ title }) {
      const options = {
        title,
        defaultPath: await start(),
        properties: ['openDirectory' as const, 'createDirectory' as const],
      }
      const owner = parent()
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
      const [path] = result.filePaths
      if (result.canceled || !path) return undefined
      return path
    },
  }
}
