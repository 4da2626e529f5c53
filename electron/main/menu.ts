import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  openDataFolder(): void
  openWebsite(): void
  showAbout(): void
  /** Shows the lock screen now (issue 17). */
  lockNow(): void
}

/**
 * The application menu: standard roles give the platform's usual accelerators. Reload and the developer tools (and
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
      label: 'File',
      submenu: [
        { label: 'Open Data Folder', accelerator: 'CmdOrCtrl+Shift+D', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: 'Lock Now', accelerator: 'CmdOrCtrl+L', click: () => actions.lockNow() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...developerItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        { label: 'Homeplan Website', click: () => actions.openWebsite() },
        ...(isMac ? [] : [{ label: `About ${appName}`, click: () => actions.showAbout() }]),
      ],
    },
  )
  return template
}
