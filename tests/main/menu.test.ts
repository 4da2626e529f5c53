import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate } from '../../electron/main/menu'
import { setMessageLanguage } from '../../src/i18n/say'

const roles = (items: MenuItemConstructorOptions[]): unknown[] =>
  items
    .flatMap((item) => [item.role, ...roles((item.submenu as MenuItemConstructorOptions[] | undefined) ?? [])])
    .filter(Boolean)

describe('application menu', () => {
  const actions = { openDataFolder: vi.fn(), openWebsite: vi.fn(), showAbout: vi.fn(), lockNow: vi.fn() }

  it('has File, Edit, View and Help with the standard roles', () => {
    const template = buildMenuTemplate('Homeplan', false, actions)
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'Help'])
    expect(roles(template)).toEqual(
      expect.arrayContaining([
        'quit',
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
      ]),
    )
  })

  it('offers Reload and the developer tools only in development', () => {
    const developer = ['reload', 'forceReload', 'toggleDevTools']
    for (const isMac of [false, true]) {
      expect(
        roles(buildMenuTemplate('Homeplan', isMac, actions)).filter((r) => developer.includes(r as string)),
      ).toEqual([])
      expect(roles(buildMenuTemplate('Homeplan', isMac, actions, false))).not.toContain('toggleDevTools')
      expect(roles(buildMenuTemplate('Homeplan', isMac, actions, true))).toEqual(expect.arrayContaining(developer))
    }
    // The rest of View stays in a shipped app.
    expect(roles(buildMenuTemplate('Homeplan', false, actions))).toEqual(
      expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']),
    )
  })

  it('adds the app menu on macOS and closes windows from File instead of quitting', () => {
    const template = buildMenuTemplate('Homeplan', true, actions)
    expect(template[0]!.label).toBe('Homeplan')
    expect(roles([template[0]!])).toEqual(expect.arrayContaining(['about', 'hide', 'quit']))
    const file = template.find((item) => item.label === 'File')!
    expect(roles([file])).toContain('close')
  })

  it('wires its own items to the actions, with an accelerator for the data folder', () => {
    const template = buildMenuTemplate('Homeplan', false, actions)
    const items = template.flatMap((item) => (item.submenu as MenuItemConstructorOptions[]) ?? [])
    const dataFolder = items.find((item) => item.label === 'Open Data Folder')!
    expect(dataFolder.accelerator).toBe('CmdOrCtrl+Shift+D')
    ;(dataFolder.click as () => void)()
    ;(items.find((item) => item.label === 'About Homeplan')!.click as () => void)()
    expect(actions.openDataFolder).toHaveBeenCalledOnce()
    expect(actions.showAbout).toHaveBeenCalledOnce()
  })

  it('locks the window from File > Lock Now, with Ctrl/Cmd+L', () => {
    for (const isMac of [false, true]) {
      const file = buildMenuTemplate('Homeplan', isMac, actions).find((item) => item.label === 'File')!
      const lock = (file.submenu as MenuItemConstructorOptions[]).find((item) => item.label === 'Lock Now')!
      expect(lock.accelerator).toBe('CmdOrCtrl+L')
      ;(lock.click as () => void)()
    }
    expect(actions.lockNow).toHaveBeenCalledTimes(2)
  })

  it('speaks the screens’ language, every item a person reads included', () => {
    const labels = (items: MenuItemConstructorOptions[]): string[] =>
      items.flatMap((item) => [
        ...(item.label ? [item.label] : []),
        ...labels((item.submenu as MenuItemConstructorOptions[] | undefined) ?? []),
      ])
    setMessageLanguage('es')
    try {
      const spanish = labels(buildMenuTemplate('Homeplan', false, actions))
      expect(spanish).toEqual(
        expect.arrayContaining(['Archivo', 'Abrir la carpeta de datos', 'Bloquear ahora', 'Copiar', 'Ayuda']),
      )
      expect(spanish).not.toContain('File')
      // Every item with words has them from the catalogue (no role left to Electron's English).
      const withoutLabel = (items: MenuItemConstructorOptions[]): unknown[] =>
        items.flatMap((item) => [
          ...(item.type === 'separator' || item.label ? [] : [item.role]),
          ...withoutLabel((item.submenu as MenuItemConstructorOptions[] | undefined) ?? []),
        ])
      expect(withoutLabel(buildMenuTemplate('Homeplan', false, actions))).toEqual([])
    } finally {
      setMessageLanguage('en')
    }
  })
})
