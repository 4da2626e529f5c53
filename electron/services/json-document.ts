import * as fsp from 'node:fs/promises'
import { basename } from 'node:path'
import type { z } from 'zod'
import { describeIssue } from '../../src/core/issues'
import { AppFailure } from '../../src/core/result'
import { writeFileAtomic } from './atomic-write'

/**
 * A small JSON file held in memory and rewritten atomically on each change
 * (fine for kilobytes; the roster has its own journaled store). Changes run one
 * at a time and only land in memory once they are on disk. An unreadable file
 * is renamed aside, never overwritten, and reported through `warn`.
 */
export class JsonDocument<T> {
  private data: T | undefined
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
    private readonly warn: (message: string) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(): Promise<T> {
    if (this.data) return this.data
    let text: string | undefined
    try {
      text = await fsp.readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    if (text === undefined) return (this.data = this.empty())
    let parsed: z.ZodSafeParseResult<T> | undefined
    try {
      parsed = this.schema.safeParse(JSON.parse(text))
    } catch {
      parsed = undefined
    }
    if (parsed?.success) return (this.data = parsed.data)
    const aside = `${this.file}.quarantined-${this.now().toISOString().replace(/[:.]/g, '-')}`
    await fsp.rename(this.file, aside)
    this.warn(`${basename(this.file)} could not be read and was set aside as ${basename(aside)}.`)
    return (this.data = this.empty())
  }

  /** Applies `change` to a copy, validates it, writes it durably, and only then makes it current. */
  update<R>(change: (draft: T) => R): Promise<R> {
    const run = this.queue.then(async () => {
      const draft = structuredClone(await this.read())
      const result = change(draft)
      const checked = this.schema.safeParse(draft)
      if (!checked.success) {
        const { message, field } = describeIssue(checked.error.issues)
        throw new AppFailure('invalid_argument', message, field)
      }
      await writeFileAtomic(this.file, `${JSON.stringify(checked.data, null, 2)}\n`)
      this.data = checked.data
      return result
    })
    this.queue = run.catch(() => {})
    return run
  }
}
