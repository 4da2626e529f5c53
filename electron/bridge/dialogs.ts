import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { AppFailure } from '../../src/core/result'
import type { Dialogs } from '../services/dialogs'

/** Why a file cannot be chosen in the browser bridge (the code the screens tell apart from a failure). */
export const NO_OPEN_DIALOG =
  'Choosing a file needs the Homeplan desktop app: this browser version has no file dialog. Nothing was opened.'

/**
 * Dialogs for the browser bridge, where no system dialog exists. Tests queue
 * the answers a person would give; with nothing queued, "save" picks
 * <exportDir>/<suggested name> and "open" is cancelled, or with `refuseOpen`
 * (`npm run dev:web`, where a person is at the page) refused in words, so a
 * click on "Import patients…" says why nothing happens.
 */
export class ScriptedDialogs implements Dialogs {
  readonly answers: { save: (string | undefined)[]; open: (string | undefined)[]; folder: (string | undefined)[] } = {
    save: [],
    open: [],
    folder: [],
  }
  readonly asked: { kind: 'save' | 'open' | 'folder'; title: string; defaultName?: string }[] = []

  constructor(
    private readonly exportDir: string,
    private readonly options: { refuseOpen?: boolean } = {},
  ) {}

  async save(options: { title: string; defaultName: string }) {
    this.asked.push({ kind: 'save', title: options.title, defaultName: options.defaultName })
    if (this.answers.save.length) return this.answers.save.shift()
    await mkdir(this.exportDir, { recursive: true })
    return join(this.exportDir, options.defaultName)
  }

  async open(options: { title: string }) {
    this.asked.push({ kind: 'open', title: options.title })
    if (this.answers.open.length || !this.options.refuseOpen) return this.answers.open.shift()
    throw new AppFailure('forbidden', NO_OPEN_DIALOG)
  }

  async folder(options: { title: string }) {
    this.asked.push({ kind: 'folder', title: options.title })
    if (this.answers.folder.length || !this.options.refuseOpen) return this.answers.folder.shift()
    throw new AppFailure('forbidden', NO_OPEN_DIALOG)
  }
}
