import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBuiltinLibrary } from '../../../electron/services/library/builtin'
import { spanishReadability } from '../../../src/core/readability-es'

const library = await loadBuiltinLibrary('resources/library/exercises')

/** Everyday English words that would betray a sentence left untranslated. */
const ENGLISH = /\b(the|your|and|with|you|keep|hold|slowly|knee|hip|back|arm|leg|stand|lie|then|until)\b/i

describe('the built-in library in Spanish', () => {
  it('gives every exercise every Spanish field, line for line with the English', () => {
    for (const e of library.exercises) {
      const es = e.translations?.es
      expect(es, `${e.id} has no Spanish`).toBeDefined()
      expect(es!.name.trim(), e.id).not.toBe('')
      expect(es!.plainTitle.trim(), e.id).not.toBe('')
      expect(es!.aliases.length, `${e.id}: a Spanish name to search by`).toBeGreaterThanOrEqual(1)
      for (const list of ['steps', 'cues', 'cautions'] as const)
        expect(es![list].length, `${e.id} ${list}`).toBe(e[list].length)
      // A frame with no words in English has none in Spanish, and every other frame has its words.
      expect(
        es!.labels?.map((l) => l === ''),
        e.id,
      ).toEqual(e.diagram?.labels?.map((l) => l === ''))
      for (const line of [es!.name, es!.plainTitle, ...es!.steps, ...es!.cues, ...es!.cautions, ...(es!.labels ?? [])])
        expect(line, `${e.id}: English left in “${line}”`).not.toMatch(ENGLISH)
    }
    for (const t of library.templates) {
      const es = t.translations?.es
      expect(es?.name, `${t.id} has no Spanish name`).toBeTruthy()
      expect(Boolean(es?.description), t.id).toBe(Boolean(t.description))
      expect(Boolean(es?.folder), t.id).toBe(Boolean(t.folder))
    }
  })

  it('reads as “fácil” or easier (Fernández-Huerta 80 and up) for every exercise', () => {
    const graded = library.exercises
      .map((e) => {
        const es = e.translations!.es!
        return { id: e.id, ...spanishReadability([...es.steps, ...es.cues, ...es.cautions]) }
      })
      .sort((a, b) => a.fernandezHuerta - b.fernandezHuerta)
    console.log(
      `Hardest Spanish: ${graded
        .slice(0, 5)
        .map((g) => `${g.id} ${g.fernandezHuerta} (INFLESZ ${g.inflesz})`)
        .join(', ')}`,
    )
    for (const g of graded) expect(g.fernandezHuerta, `${g.id}: “${g.longest}”`).toBeGreaterThanOrEqual(80)
  })

  it('gives each exercise its own Spanish name and title, in a patient’s words: where you are, then what you do', () => {
    const seen = new Map<string, string>()
    for (const e of library.exercises) {
      const { name, plainTitle } = e.translations!.es!
      expect(plainTitle, e.id).toMatch(/^[A-ZÁÉÍÓÚÑ][^:]+: [a-záéíóúñ]/)
      expect(plainTitle.length, e.id).toBeLessThanOrEqual(60)
      expect(plainTitle, e.id).not.toMatch(/\b(izquierd|derech)|\d|\.$/i)
      for (const words of [name.toLowerCase(), plainTitle.toLowerCase()]) {
        expect(seen.get(words), `${e.id} and ${seen.get(words)} share “${words}”`).toBeUndefined()
        seen.set(words, e.id)
      }
    }
  })

  it('refuses a Spanish file whose steps do not line up with the English, naming the file and the exercise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-library-es-'))
    try {
      await cp('resources/library', dir, { recursive: true })
      const file = join(dir, 'es', 'hip.json')
      const hip = JSON.parse(await readFile(file, 'utf8'))
      hip.exercises.bridges.steps.pop()
      await writeFile(file, JSON.stringify(hip))
      await expect(loadBuiltinLibrary(join(dir, 'exercises'))).rejects.toThrow(
        /Spanish file hip\.json is damaged at exercises\.bridges\.steps: \d+ lines, the English has \d+/,
      )
      hip.exercises['no-such-exercise'] = hip.exercises.clamshells
      hip.exercises.bridges.steps.push('Baje despacio.')
      await writeFile(file, JSON.stringify(hip))
      await expect(loadBuiltinLibrary(join(dir, 'exercises'))).rejects.toThrow(/no English exercise has this id/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
