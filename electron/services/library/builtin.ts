/**
 * The shipped library: every resources/library/exercises/*.json file, merged in file-name order, with the Spanish
 * words of resources/library/es/*.json attached to each exercise and template (`translations.es`).
 * A broken file, a duplicate id or a translation that does not line up with its English entry is a packaging error
 * and fails loudly with the file named.
 */
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import {
  libraryFileSchema,
  libraryTranslationFileSchema,
  type BuiltinTemplate,
  type Exercise,
} from '../../../src/core/exercise'
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
  await attachTranslations(merged, join(dir, '..', 'es'))
  return merged
}

/** Lists that must line up one for one with the English entry's. */
const LINED_UP = ['steps', 'cues', 'cautions'] as const

async function attachTranslations(library: BuiltinLibrary, dir: string): Promise<void> {
  const files = (await fsp.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort()
  const exercises = new Map(library.exercises.map((e) => [e.id, e]))
  const templates = new Map(library.templates.map((t) => [t.id, t]))
  for (const file of files) {
    const damaged = (where: string, what: string) =>
      new Error(`The built-in library's Spanish file ${file} is damaged at ${where}: ${what}`)
    const result = libraryTranslationFileSchema.safeParse(JSON.parse(await fsp.readFile(join(dir, file), 'utf8')))
    if (!result.success) {
      const issue = result.error.issues[0]!
      throw damaged(jsonPath(issue.path), issue.message)
    }
    for (const [id, words] of Object.entries(result.data.exercises)) {
      const exercise = exercises.get(id)
      if (!exercise) throw damaged(`exercises.${id}`, 'no English exercise has this id')
      for (const list of LINED_UP)
        if (words[list].length !== exercise[list].length)
          throw damaged(
            `exercises.${id}.${list}`,
            `${words[list].length} lines, the English has ${exercise[list].length}`,
          )
      if ((words.labels?.length ?? 0) !== (exercise.diagram?.labels?.length ?? 0))
        throw damaged(`exercises.${id}.labels`, 'not one label per pose of the English diagram')
      exercise.translations = { ...exercise.translations, [result.data.language]: words }
    }
    for (const [id, words] of Object.entries(result.data.templates ?? {})) {
      const template = templates.get(id)
      if (!template) throw damaged(`templates.${id}`, 'no starter template has this id')
      template.translations = { ...template.translations, [result.data.language]: words }
    }
  }
}
