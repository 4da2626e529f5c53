/** The file dialogs services may ask for; Electron's in the app, scripted ones in tests and the browser bridge. */
export interface FileFilter {
  name: string
  extensions: string[]
}

export interface Dialogs {
  /** Resolves to the chosen path, or undefined when the user cancels. */
  save(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | undefined>
  open(options: { title: string; filters: FileFilter[] }): Promise<string | undefined>
  /** A folder (the clinic's shared folder), or undefined when the user cancels. */
  folder(options: { title: string }): Promise<string | undefined>
}
