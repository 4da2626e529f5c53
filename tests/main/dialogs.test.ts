import { beforeEach, describe, expect, it, vi } from 'vitest'

const h = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }))
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => null },
  dialog: {
    showSaveDialog: (options: unknown) => h.save(options),
    showOpenDialog: (options: unknown) => h.open(options),
  },
}))

describe('electronDialogs', () => {
  beforeEach(() => {
    h.save.mockReset()
    h.open.mockReset()
  })

  it('starts in the folder remembered from the last run, and remembers where the user saves', async () => {
    const { electronDialogs } = await import('../../electron/main/dialogs')
    const saved: string[] = []
    const dialogs = electronDialogs(() => '/home/pt/Documents', {
      load: async () => '/home/pt/Handouts',
      save: (f) => void saved.push(f),
    })
    h.save.mockResolvedValue({ canceled: false, filePath: '/media/usb/Nowak_Ola_Home-program.pdf' })
    expect(await dialogs.save({ title: 'Save', defaultName: 'Nowak_Ola_Home-program.pdf', filters: [] })).toBe(
      '/media/usb/Nowak_Ola_Home-program.pdf',
    )
    expect(h.save.mock.calls[0]![0]).toMatchObject({ defaultPath: '/home/pt/Handouts/Nowak_Ola_Home-program.pdf' })
    expect(saved).toEqual(['/media/usb'])
    h.open.mockResolvedValue({ canceled: true, filePaths: [] })
    expect(await dialogs.open({ title: 'Import', filters: [] })).toBeUndefined()
    expect(h.open.mock.calls[0]![0]).toMatchObject({ defaultPath: '/media/usb', properties: ['openFile'] })
  })

  it('falls back to the default folder when nothing is remembered', async () => {
    const { electronDialogs } = await import('../../electron/main/dialogs')
    const dialogs = electronDialogs(() => '/home/pt/Documents')
    h.save.mockResolvedValue({ canceled: true })
    expect(await dialogs.save({ title: 'Save', defaultName: 'a.pdf', filters: [] })).toBeUndefined()
    expect(h.save.mock.calls[0]![0]).toMatchObject({ defaultPath: '/home/pt/Documents/a.pdf' })
  })
})
