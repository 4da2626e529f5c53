/**
 * `npm run handout -- <program.json> --out <file.pdf> [--layout detailed|compact|large] [--paper letter|a4]`
 * Renders a handout from a JSON file (resources/schema/handout.schema.json; example in docs/) through the
 * same renderer the app uses. Errors name the file, the JSON path and what was expected; exit code 1.
 */
import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { ZodError } from 'zod'
import { writeFileAtomic } from '../electron/services/atomic-write'
import { renderHandout } from '../electron/services/handout/render'
import { jsonPath } from '../src/core/json-path'

export async function main(argv: string[]): Promise<number> {
  const args = [...argv]
  const take = (flag: string) => {
    const i = args.indexOf(flag)
    if (i < 0) return undefined
    const [, value] = args.splice(i, 2)
    return value
  }
  const out = take('--out')
  const layout = take('--layout')
  const paper = take('--paper')
  const file = args[0]
  if (!file || !out || args.length > 1) {
    console.error(
      'Usage: npm run handout -- <program.json> --out <file.pdf> [--layout detailed|compact|large] [--paper letter|a4]',
    )
    return 2
  }
  let data: Record<string, unknown>
  try {
    data = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    console.error(
      `${basename(file)}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `not valid JSON (${(error as Error).message})`}`,
    )
    return 1
  }
  if (layout) data['layout'] = layout
  if (paper) data['paper'] = paper
  try {
    const { pdf, warnings } = await renderHandout(data, resolve('resources/fonts'))
    await writeFileAtomic(resolve(out), pdf, { mode: 0o644 })
    for (const warning of warnings) console.warn(`warning: ${warning}`)
    console.log(`wrote ${out} (${Math.round(pdf.length / 1024)} KB)`)
    return 0
  } catch (error) {
    if (error instanceof ZodError) {
      for (const issue of error.issues) {
        const path = jsonPath(issue.path) || '(top level)'
        console.error(`${basename(file)}: ${path}: ${issue.message}`)
      }
      return 1
    }
    console.error(`${basename(file)}: ${(error as Error).message}`)
    return 1
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1])))
  process.exitCode = await main(process.argv.slice(2))
