/**
 * The shipped library: every resources/library/exercises/*.json file, merged in file-name order.
 * A broken file or a duplicate id is a packaging error and fails loudly with the file named.
 */
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { libraryFileSchema, type BuiltinTemplate, type Exercise } from '../../../src/core/exercise'
import { jsonPath } from '../../../src/core/json-path'

export interface BuiltinLibrary {
  version: string
  exercises: Exercise[]
  templates: BuiltinTemplate[]
}

export async function loadBuiltinLibrary(dir: string): Promise<BuiltinLibrary> {
  const files = (await fsp.readdir(dir)).filter((f) => f.endsWith('.json')).sort()
  const merged: BuiltinLibrary = { version: '0.0.0', exercises: [], templates: [] }
  const seen = new Map<string, string>()
  for (const file of files) {
    const result = libraryFileSchema.safeParse(JSON.parse(await fsp.readFile(join(dir, file), 'utf8')))
    if (!result.success) {
      const issue = result.error.issues[0]!
      throw new Error(`The built-in library file ${file} is damaged at ${jsonPath(issue.path)}: ${issue.message}`)
    }
    for (const item of [...result.data.exercises, ...(result.data.templates ?? [])]) {
      const other = seen.get(item.id)
      if (other) throw new Error(`The built-in library uses the id “${item.id}” twice (${other} and ${file}).`)
      seen.set(item.id, file)
    }
    if (result.data.version > merged.version) merged.version = result.data.version
    merged.exercises.push(...result.data.exercises)
    merged.templates.push(...(result.data.templates ?? []))
  }
  return merged
}
