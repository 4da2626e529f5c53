import type { MenuItemConstructorOptions } from 'electron'
import { say } from '../../src/i18n/say'

export interface MenuActions {
  openDataFolder(): void
  openWebsite(): void
  showAbout(): void
  /** Shows the lock screen now (issue 17). */
  lockNow(): void
}

/**
 * The application menu, in the screens' language (built again when it changes): standard roles give the platform's usual accelerators. Reload and the developer tools (and
 * their shortcuts, which come from these items) are there only in `development` (an unpackaged app or the dev
 * server): in a shipped app DevTools would open the page, its patient data and window.api to anyone at the keyboard.
 */
export function buildMenuTemplate(
  appName: string,
  isMac: boolean,
  actions: MenuActions,
  development = false,
): MenuItemConstructorOptions[] {
  const developerItems: MenuItemConstructorOptions[] = development
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  const template: MenuItemConstructorOptions[] = []
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  }
  template.push(
    {
      label: say('menu.file'),
      submenu: [
        { label: say('menu.openDataFolder'), accelerator: 'CmdOrCtrl+Shift+D', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: say('menu.lockNow'), accelerator: 'CmdOrCtrl+L', click: () => actions.lockNow() },
        { type: 'separator' },
        isMac ? { role: 'close', label: say('menu.close') } : { role: 'quit', label: say('menu.quit') },
      ],
    },
    {
      label: say('menu.edit'),
      submenu: [
        { role: 'undo', label: say('menu.undo') },
        { role: 'redo', label: say('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: say('menu.cut') },
        { role: 'copy', label: say('menu.copy') },
        { role: 'paste', label: say('menu.paste') },
        { role: 'selectAll', label: say('menu.selectAll') },
      ],
    },
    {
      label: say('menu.view'),
      submenu: [
        ...developerItems,
        { role: 'resetZoom', label: say('menu.resetZoom') },
        { role: 'zoomIn', label: say('menu.zoomIn') },
        { role: 'zoomOut', label: say('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: say('menu.fullScreen') },
      ],
    },
    {
      role: 'help',
      label: say('menu.help'),
      submenu: [
        { label: say('menu.website'), click: () => actions.openWebsite() },
        ...(isMac ? [] : [{ label: say('menu.about', { name: appName }), click: () => actions.showAbout() }]),
      ],
    },
  )
  return template
}
