import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { seedExerciseIds } from '../support/seed'
import { loadBuiltinLibrary } from '../../electron/services/library/builtin'
import { libraryFileSchema, type Exercise } from '../../src/core/exercise'
import { schemaFiles } from '../../src/core/json-schemas'
import { indexLibrary, searchLibrary } from '../../src/core/library-search'
import { applyTemplate, TemplateError, templateItemsOf } from '../../src/core/template'

const builtIn = await loadBuiltinLibrary('resources/library/exercises')
// Search behaviour is checked on the hip file alone, so new library content does not change the expected hits.
const hip = libraryFileSchema.parse(JSON.parse(readFileSync('resources/library/exercises/hip.json', 'utf8')))
const index = indexLibrary(hip.exercises)
const top = (query: string, filters = {}) => searchLibrary(index, query, filters).map((e) => e.id)

describe('the built-in library', () => {
  it('holds the clinic sheet’s six exercises with its dosage as defaults', () => {
    const byId = new Map(builtIn.exercises.map((e) => [e.id, e]))
    for (const id of seedExerciseIds) {
      expect(byId.get(id)?.defaultDosage.reps, id).toEqual(
        id === 'hip-flexor-stretch' ? { min: 2, max: 3 } : { min: 10, max: 15 },
      )
    }
    expect(byId.get('clamshells')?.defaultDosage.holdSeconds).toBe(5)
    expect(byId.get('hip-flexor-stretch')?.defaultDosage.holdSeconds).toBe(30)
    expect(byId.get('bridges')?.progressions).toEqual(['bridge-with-hold'])
  })

  it('links only to exercises that exist, and has unique ids', () => {
    const ids = builtIn.exercises.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const e of builtIn.exercises)
      for (const link of [...e.progressions, ...e.regressions]) expect(ids, `${e.id} → ${link}`).toContain(link)
  })

  it('ships a JSON Schema that matches the model', () => {
    const shipped = JSON.parse(readFileSync('resources/schema/exercise-library.schema.json', 'utf8'))
    expect(shipped).toEqual(JSON.parse(JSON.stringify(schemaFiles()['exercise-library.schema.json'])))
  })

  it('ships the library pack manifest’s JSON Schema as generated from its zod model (npm run schemas)', () => {
    const shipped = JSON.parse(readFileSync('resources/schema/library-pack-manifest.schema.json', 'utf8'))
    expect(shipped).toEqual(JSON.parse(JSON.stringify(schemaFiles()['library-pack-manifest.schema.json'])))
    expect(shipped.properties.formatVersion).toEqual({ type: 'number', const: 1 })
  })
})

describe('library search', () => {
  it('finds by the start of a name, by another name, and forgives a typo', () => {
    expect(top('clam')[0]).toBe('clamshells')
    expect(top('clam')).toContain('reverse-clamshells')
    expect(top('glute bridge')[0]).toBe('bridges')
    expect(top('clamshels')[0]).toBe('clamshells')
    expect(top('side leg raise')[0]).toBe('side-lying-hip-abduction')
  })

  it('finds Spanish names and other names in the whole library, accents or not, with the same typo tolerance', () => {
    const all = indexLibrary(builtIn.exercises)
    const first = (query: string) => searchLibrary(all, query)[0]?.id
    const nameOf = (id: string) => builtIn.exercises.find((e) => e.id === id)!.translations!.es!.name
    expect(first('puente')).toBe('bridges')
    expect(nameOf(first('sentadilla')!)).toMatch(/^Sentadilla/)
    expect(first('estiramiento de isquiotibiales')).toMatch(/hamstring-stretch/)
    // A typo and a missing accent still find it: "sentadila", "elevacion de talones" (elevación).
    expect(nameOf(first('sentadila')!)).toMatch(/^Sentadilla/)
    expect(first('almejas')).toBe('clamshells')
    expect(searchLibrary(all, 'puentte').map((e) => e.id)).toContain('bridges')
    // English still finds the same exercise.
    expect(first('bridges')).toBe('bridges')
  })

  it('searches regions, equipment and position, and applies facet filters', () => {
    expect(top('pillow')).toEqual(['hip-flexor-stretch'])
    expect(top('prone')).toEqual(['prone-hip-extension'])
    expect(top('', { positions: ['supine'] })).toEqual(['bridge-with-hold', 'bridges'])
    expect(top('bridge', { types: ['stretch'] })).toEqual([])
  })

  it('shows favourites only when asked', () => {
    expect(searchLibrary(index, '', { favouritesOnly: true }, new Set(['bridges'])).map((e) => e.id)).toEqual([
      'bridges',
    ])
  })
})

describe('templates', () => {
  const byId = new Map<string, Exercise>(builtIn.exercises.map((e) => [e.id, e]))
  let n = 0
  const newId = () => `item-${++n}xx`

  it('copies dosage, override and notes into new program items that can be edited apart from the template', () => {
    const template = {
      name: 'Hip strengthening',
      items: [
        {
          exerciseId: 'bridges',
          dosage: { sets: 2, reps: { min: 10, max: 15 } },
          instructionOverride: ['Lift halfway.'],
          notes: 'Slowly',
        },
      ],
    }
    const items = applyTemplate(template, byId, newId)
    expect(items).toEqual([
      {
        id: 'item-1xx',
        exerciseId: 'bridges',
        dosage: { sets: 2, reps: { min: 10, max: 15 } },
        instructionOverride: ['Lift halfway.'],
        notes: 'Slowly',
      },
    ])
    items[0]!.dosage.sets = 3
    items[0]!.instructionOverride!.push('x')
    expect(template.items[0]!.dosage.sets).toBe(2)
    expect(template.items[0]!.instructionOverride).toEqual(['Lift halfway.'])
    expect(templateItemsOf(items)[0]).not.toHaveProperty('id')
  })

  it('refuses a template that uses an exercise no longer in the library, naming it', () => {
    expect(() =>
      applyTemplate({ name: 'Old knee', items: [{ exerciseId: 'custom-gone-1', dosage: {} }] }, byId, newId),
    ).toThrow(TemplateError)
    expect(() =>
      applyTemplate({ name: 'Old knee', items: [{ exerciseId: 'custom-gone-1', dosage: {} }] }, byId, newId),
    ).toThrow(/“Old knee”.*custom-gone-1/)
  })
})
