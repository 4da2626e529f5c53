import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Dialogs } from '../services/dialogs'

/**
 * Dialogs for the browser bridge, where no system dialog exists. Tests queue
 * the answers a person would give; with nothing queued, "save" picks
 * <exportDir>/<suggested name> and "open" is cancelled.
 */
export class ScriptedDialogs implements Dialogs {
  readonly answers: { save: (string | undefined)[]; open: (string | undefined)[] } = { save: [], open: [] }
  readonly asked: { kind: 'save' | 'open'; title: string; defaultName?: string }[] = []

  constructor(private readonly exportDir: string) {}

  async save(options: { title: string; defaultName: string }) {
    this.asked.push({ kind: 'save', title: options.title, defaultName: options.defaultName })
    if (this.answers.save.length) return this.answers.save.shift()
    await mkdir(this.exportDir, { recursive: true })
    return join(this.exportDir, options.defaultName)
  }

  async open(options: { title: string }) {
    this.asked.push({ kind: 'open', title: options.title })
    return this.answers.open.shift()
  }
}
