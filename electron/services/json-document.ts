import { basename, dirname } from 'node:path'
import type { z } from 'zod'
import { describeIssue } from '../../src/core/issues'
import { AppFailure } from '../../src/core/result'
import { SaveFailure, writeAtomic } from './atomic-write'
import { damagedNotice, readJsonFile, singleFlight } from './damaged-copy'
import { errnoOf, nodeFs, type FsPort } from './fs-port'
import { privateFolder } from './private-modes'

export interface JsonDocumentOptions<T> {
  file: string
  schema: z.ZodType<T>
  empty: () => T
  /**
   * What starting from `empty` means for the user, completing "so …" (e.g. "the library shows no custom exercises"):
   * a sentence, or a function saying it when the file is found damaged (in the message language of that moment).
   */
  consequence: string | (() => string)
  /** Tells the user (a notice in the window) that the file was kept aside. */
  notify?: (message: string) => void
  now?: () => Date
  /** The data folder's files (the app passes sealedFs when the folder is encrypted). */
  fs?: FsPort
}

/**
 * A small JSON file held in memory and rewritten atomically on each change
 * (fine for kilobytes; the roster has its own journaled store): settings.json
 * and library.json. Changes run one
 * at a time and only land in memory once they are on disk. An unreadable file
 * is copied aside byte for byte before the document starts empty, and the user
 * is told where the copy is. The first read is shared by everyone asking at once.
 */
export class JsonDocument<T> {
  private data: T | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private readonly load: () => Promise<T>

  constructor(private readonly options: JsonDocumentOptions<T>) {
    this.load = singleFlight(async () => {
      const { file, schema, empty, consequence, notify, now, fs = nodeFs } = options
      const read = await readJsonFile(
        file,
        (json) => {
          const parsed = schema.safeParse(json)
          return parsed.success ? parsed.data : undefined
        },
        now,
        fs,
      )
      if (read.state === 'read') return read.value
      if (read.state === 'damaged')
        notify?.(damagedNotice(read.copy, typeof consequence === 'string' ? consequence : consequence()))
      return empty()
    })
  }

  async read(): Promise<T> {
    if (this.data) return this.data
    const loaded = await this.load()
    return (this.data ??= loaded)
  }

  /** Applies `change` to a copy, validates it, writes it durably, and only then makes it current. */
  update<R>(change: (draft: T) => R): Promise<R> {
    const run = this.queue.then(async () => {
      const draft = structuredClone(await this.read())
      const result = change(draft)
      const checked = this.options.schema.safeParse(draft)
      if (!checked.success) {
        const { message, field } = describeIssue(checked.error.issues)
        throw new AppFailure('invalid_argument', message, field)
      }
      const { file, fs = nodeFs } = this.options
      await privateFolder(fs, dirname(file))
      await writeAtomic(fs, file, [Buffer.from(`${JSON.stringify(checked.data, null, 2)}\n`)]).catch(
        (error: unknown) => {
          throw error instanceof AppFailure ? error : new SaveFailure(basename(file), errnoOf(error))
        },
      )
      this.data = checked.data
      return result
    })
    this.queue = run.catch(() => {})
    return run
  }
}
