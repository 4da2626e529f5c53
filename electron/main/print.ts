import { BrowserWindow } from 'electron'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { secureWebPreferences } from './security'

/**
 * Prints a PDF through the system print dialog: the PDF is shown in a hidden, sandboxed window without
 * a preload (so no window.api) using Chromium's PDF viewer (the only reason `plugins` is on here), and
 * that window's print() is called.
 * The temporary file lives in the data folder and is removed afterwards.
 */
export function pdfPrinter(dataDir: string) {
  return async (pdf: Buffer, title: string): Promise<boolean> => {
    const folder = join(dataDir, 'print')
    await mkdir(folder, { recursive: true, mode: 0o700 })
    const file = join(folder, `${randomUUID()}.pdf`)
    await writeFile(file, pdf, { mode: 0o600 })
    const win = new BrowserWindow({ show: false, title, webPreferences: { ...secureWebPreferences(), plugins: true } })
    try {
      await win.loadFile(file)
      return await new Promise<boolean>((resolve, reject) =>
        win.webContents.print({ silent: false, printBackground: true }, (success, reason) =>
          success || reason === 'cancelled' ? resolve(success) : reject(new Error(`Printing failed: ${reason}`)),
        ),
      )
    } finally {
      win.destroy()
      await rm(file, { force: true })
    }
  }
}
