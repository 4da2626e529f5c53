import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

const h = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded?: string; destroyed: boolean; printOptions?: unknown }[],
  outcome: [true, ''] as [boolean, string],
}))

vi.mock('electron', () => ({
  BrowserWindow: class {
    record: (typeof h.windows)[number]
    webContents = {
      print: (options: unknown, done: (success: boolean, reason: string) => void) => {
        this.record.printOptions = options
        done(...h.outcome)
      },
    }
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false }
      h.windows.push(this.record)
    }
    async loadFile(file: string) {
      this.record.loaded = file
    }
    destroy() {
      this.record.destroyed = true
    }
  },
}))

describe('pdfPrinter', () => {
  it('shows the PDF in a hidden sandboxed window without window.api, opens the print dialog, and cleans up', async () => {
    const { pdfPrinter } = await import('../../electron/main/print')
    const dataDir = await mkdtemp(join(tmpdir(), 'hp-print-'))
    expect(await pdfPrinter(dataDir)(Buffer.from('%PDF-1.7'), 'Home program')).toBe(true)
    const [win] = h.windows
    expect(win!.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    })
    expect(win!.options['webPreferences']).not.toHaveProperty('preload')
    expect(win!.loaded).toMatch(/print[\\/][0-9a-f-]+\.pdf$/)
    expect(win!.printOptions).toMatchObject({ silent: false })
    expect(win!.destroyed).toBe(true)
    expect(await readdir(join(dataDir, 'print'))).toEqual([])
  })

  it('treats a cancelled dialog as “not printed” and a failure as an error', async () => {
    const { pdfPrinter } = await import('../../electron/main/print')
    const dataDir = await mkdtemp(join(tmpdir(), 'hp-print-'))
    h.outcome = [false, 'cancelled']
    expect(await pdfPrinter(dataDir)(Buffer.from('%PDF'), 'x')).toBe(false)
    h.outcome = [false, 'no printer']
    await expect(pdfPrinter(dataDir)(Buffer.from('%PDF'), 'x')).rejects.toThrow('Printing failed: no printer')
    expect(await readdir(join(dataDir, 'print'))).toEqual([])
  })
})
