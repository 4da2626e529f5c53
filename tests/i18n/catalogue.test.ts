import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bodyRegions, difficulties, equipmentKinds, exerciseTypes, positions } from '../../src/core/exercise'
import { handoutLanguages } from '../../src/core/languages'
import { bandColors, weekdays } from '../../src/core/dosage'
import { resources } from '../../src/i18n/resources'

type Tree = { [key: string]: string | Tree }
const PLURAL = /_(zero|one|two|few|many|other)$/

/** Every key of a namespace as "a.b.c", plural forms ("reps_one") kept apart. */
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keysOf(v, `${prefix}${k}.`)))
const valueAt = (tree: Tree, key: string) =>
  key.split('.').reduce<string | Tree | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree)

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : []
  })
const source = [...sourceFiles('src'), ...sourceFiles('electron')].map((f) => readFileSync(f, 'utf8')).join('\n')

/** Vocabulary keys are looked up from the core lists (t(`vocab.position.${p}`)), so they must match them exactly. */
const vocabularies: Record<string, readonly string[]> = {
  position: positions,
  type: exerciseTypes,
  equipment: equipmentKinds,
  region: bodyRegions,
  difficulty: difficulties,
  language: handoutLanguages,
  day: weekdays,
  band: bandColors,
}

describe('the message catalogue', () => {
  const namespaces = Object.keys(resources.en) as (keyof (typeof resources)['en'])[]

  it('has every key in every language, and no key in one language only', () => {
    for (const ns of namespaces) {
      const english = keysOf(resources.en[ns] as Tree).sort()
      for (const lng of handoutLanguages) {
        const keys = keysOf(resources[lng][ns] as Tree)
        // Plural forms differ by language (English and Spanish both use one/other), so compare the base keys.
        const base = (k: string) => k.replace(PLURAL, '')
        expect([...new Set(keys.map(base))].sort(), `${lng}/${ns}.json`).toEqual([...new Set(english.map(base))].sort())
        for (const k of keys)
          expect(String(valueAt(resources[lng][ns] as Tree, k)).trim(), `${lng} ${ns}:${k}`).not.toBe('')
      }
    }
  })

  it('keeps the same {{placeholders}} in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort()
    for (const ns of namespaces)
      for (const key of keysOf(resources.en[ns] as Tree)) {
        const english = placeholders(String(valueAt(resources.en[ns] as Tree, key)))
        const base = key.replace(PLURAL, '')
        for (const lng of handoutLanguages) {
          const tree = resources[lng][ns] as Tree
          const forms = keysOf(tree).filter((k) => k.replace(PLURAL, '') === base)
          // A plural's "one" form may say the number in words ("once"), so only count placeholders other than count.
          for (const form of forms) {
            const here = placeholders(String(valueAt(tree, form))).filter((p) => p !== 'count')
            expect(here, `${lng} ${ns}:${form}`).toEqual(english.filter((p) => p !== 'count'))
          }
        }
      }
  })

  it('uses every key: each appears in the code, or is a vocabulary word of the core lists', () => {
    for (const ns of namespaces)
      for (const key of new Set(keysOf(resources.en[ns] as Tree).map((k) => k.replace(PLURAL, '')))) {
        const vocab = /^vocab\.([^.]+)\.(.+)$/.exec(key)
        if (vocab) {
          expect(vocabularies[vocab[1]!], `${ns}:${key}`).toContain(vocab[2])
          continue
        }
        expect(source.includes(`'${key}'`) || source.includes(`'${ns}:${key}'`), `${ns}:${key} is never used`).toBe(
          true,
        )
      }
    for (const [name, words] of Object.entries(vocabularies))
      for (const word of words)
        expect(valueAt(resources.en.common as Tree, `vocab.${name}.${word}`), word).toBeTypeOf('string')
  })
})
