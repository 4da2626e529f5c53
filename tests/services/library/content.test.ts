import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { seedExerciseIds } from '../../support/seed'
import { loadBuiltinLibrary } from '../../../electron/services/library/builtin'
import { bodyRegions, equipmentKinds, positions } from '../../../src/core/exercise'
import { handoutItemOf } from '../../../src/core/handout-model'
import { dosagePlain, dosageSummary } from '../../../src/core/dosage-words'
import { readability } from '../../../src/core/readability'
import { figureFor } from '../../../src/diagrams/figure'
import { resolvedViews } from '../../../src/diagrams/visibility'

// Loading merges every file and fails on a damaged file or a duplicate id (checked against the JSON model).
const library = await loadBuiltinLibrary('resources/library/exercises')
const ids = new Set(library.exercises.map((e) => e.id))

describe('the built-in library content', () => {
  it('holds at least 150 exercises across every body area, position and kind of equipment', () => {
    expect(library.exercises.length).toBeGreaterThanOrEqual(150)
    for (const region of bodyRegions)
      expect(library.exercises.filter((e) => e.regions.includes(region)).length, region).toBeGreaterThanOrEqual(4)
    for (const position of positions)
      expect(
        library.exercises.some((e) => e.position === position),
        position,
      ).toBe(true)
    for (const kind of equipmentKinds)
      expect(
        library.exercises.some((e) => e.equipment.includes(kind)),
        kind,
      ).toBe(true)
    expect(library.exercises.filter((e) => e.type === 'balance').length).toBeGreaterThanOrEqual(10)
  })

  it('gives every entry 3–8 steps, 1–3 tips, a usable default dosage and links that resolve', () => {
    for (const e of library.exercises) {
      expect(e.steps.length, e.id).toBeGreaterThanOrEqual(3)
      expect(e.steps.length, e.id).toBeLessThanOrEqual(8)
      expect(e.cues.length, e.id).toBeGreaterThanOrEqual(1)
      expect(e.cues.length, e.id).toBeLessThanOrEqual(3)
      const d = e.defaultDosage
      expect(d.reps ?? d.holdSeconds ?? d.durationSeconds, `${e.id} has no reps, hold or duration`).toBeDefined()
      for (const link of [...e.progressions, ...e.regressions]) expect(ids.has(link), `${e.id} → ${link}`).toBe(true)
      expect(e.progressions, `${e.id} lists itself`).not.toContain(e.id)
    }
  })

  it('says how often for every entry, so the program table never shows a dash', () => {
    for (const e of library.exercises) expect(dosageSummary(e.defaultDosage).often, e.id).not.toBe('—')
  })

  it('words the frame labels plainly: no left or right (pictures are mirrored), no doses, no clinical terms', () => {
    const labelled = library.exercises.filter((e) => e.diagram?.labels)
    expect(labelled.length).toBeGreaterThanOrEqual(40)
    for (const e of labelled) {
      for (const label of e.diagram!.labels!) {
        expect(label, e.id).not.toMatch(/\b(left|right)\b/i)
        expect(label, e.id).not.toMatch(/\d|\bseconds?\b|\btimes\b/i)
        expect(label, e.id).not.toMatch(
          /flexion|extension|abduction|adduction|rotation|supine|prone|isometric|scapula|ipsilateral|contralateral/i,
        )
      }
    }
  })

  it('words steps, tips and cautions without clinical terms, and never gives a hold time that the dosage contradicts', () => {
    for (const e of library.exercises) {
      for (const line of [...e.steps, ...(e.cues ?? []), ...(e.cautions ?? [])]) {
        // A rater marked the handout down for "pelvis" in a step: terms a patient does not use are avoided, not defined.
        expect(line, e.id).not.toMatch(
          /\b(pelvis|pelvic|quad sets?|quadriceps|hamstrings?|glutes?|gluteal|lumbar|thoracic|scapulae?|flexion|extension|abduction|adduction|isometric|supine|prone)\b/i,
        )
        // "Hold for a few seconds" beside "Hold for 3 seconds" under How much: the card contradicted itself.
        if (e.defaultDosage.holdSeconds) expect(line, e.id).not.toMatch(/\bfew seconds\b/i)
      }
    }
  })

  it("gives every entry a plain title of its own, in a patient's words: where you are, then what you do, at grade 6 or below", () => {
    const titles = new Map<string, string>()
    for (const e of library.exercises) {
      const title = e.plainTitle
      expect(title, `${e.id} has no plain title`).toBeTruthy()
      expect(title!, e.id).toMatch(/^[A-Z][^:]+: [a-z]/)
      expect(title!.length, e.id).toBeLessThanOrEqual(60)
      expect(title!, e.id).not.toMatch(/\b(left|right)\b|\d|\.$/i)
      expect(title!, e.id).not.toMatch(
        /flexion|extension|abduction|adduction|rotation|supine|prone|lateral|isometric|scapul|thoracic|cervical|quad|hamstring|piriformis|plantar|inversion|eversion|pronation|supination/i,
      )
      expect(readability([title!]).grade, `${e.id}: ${title}`).toBeLessThanOrEqual(6)
      expect(titles.get(title!), `${e.id} and ${titles.get(title!)} share “${title}”`).toBeUndefined()
      titles.set(title!, e.id)
    }
  })

  it('reads at or below US grade 7 (Flesch–Kincaid), in the second person', () => {
    const graded = library.exercises
      .map((e) => ({ id: e.id, ...readability([...e.steps, ...e.cues, ...e.cautions]) }))
      .sort((a, b) => b.grade - a.grade)
    console.log(
      `Hardest to read: ${graded
        .slice(0, 5)
        .map((g) => `${g.id} ${g.grade}`)
        .join(', ')}`,
    )
    for (const g of graded) expect(g.grade, `${g.id}: “${g.longest}”`).toBeLessThanOrEqual(7)
    // Addressed to the patient (imperatives and "you"), never about them.
    for (const e of library.exercises)
      expect([...e.steps, ...e.cues, ...e.cautions].join(' '), e.id).not.toMatch(
        /\b(the patient|patients|he|she|his|her)\b/i,
      )
  })

  it('draws every diagram in every view it uses, with no angle outside its range', () => {
    for (const e of library.exercises) {
      expect(e.diagram, `${e.id} has no diagram`).toBeDefined()
      for (const view of resolvedViews(e.diagram!)) {
        const figure = figureFor(e.diagram!, view)
        expect(figure.notes, `${e.id} (${view})`).toEqual([])
        // The whole body is drawn: 4 trunk and head parts and 6 parts per side.
        expect(
          figure.shapes.filter(
            (s) =>
              !s.role.startsWith('ghost') &&
              /^(pelvis|chest|neck|head|(left|right) (thigh|shank|foot|upper arm|forearm|hand))$/.test(s.role),
          ).length,
          `${e.id} (${view})`,
        ).toBe(16)
        // One-sided diagrams mirror for the other side without error.
        if (e.diagram!.side)
          expect(
            figureFor(e.diagram!, view, { side: e.diagram!.side === 'left' ? 'right' : 'left' }).shapes,
          ).toHaveLength(figure.shapes.length)
      }
    }
  })

  it('ships the ten starter templates, in folders, built only from library entries', () => {
    const names = library.templates.map((t) => t.name)
    for (const name of [
      'Hip strengthening',
      'Knee osteoarthritis',
      'Total knee replacement, early phase',
      'Low back pain, general',
      'Neck and posture',
      'Shoulder early mobility',
      'Rotator cuff strengthening',
      'Ankle sprain',
      'Plantar heel pain',
      'Balance and falls prevention',
    ])
      expect(names).toContain(name)
    for (const t of library.templates) {
      expect(t.folder, t.name).toBeTruthy()
      for (const item of t.items) expect(ids.has(item.exerciseId), `${t.name} → ${item.exerciseId}`).toBe(true)
    }
    const hip = library.templates.find((t) => t.name === 'Hip strengthening')!
    expect(hip.items.map((i) => i.exerciseId)).toEqual(seedExerciseIds)
  })
})

describe('a handout with one exercise from each body region', () => {
  it('renders in every layout with every name, dosage line and diagram, and no warnings', async () => {
    const { renderHandout } = await import('../../../electron/services/handout/render')
    const { handoutInputSchema } = await import('../../../src/core/handout-model')
    const { pdfText } = await import('../../support/pdf')
    const { readFileSync } = await import('node:fs')
    const picks = bodyRegions.map((region) => library.exercises.find((e) => e.regions[0] === region)!)
    const example = JSON.parse(readFileSync('docs/handout-example.json', 'utf8'))
    for (const layout of ['detailed', 'compact', 'large'] as const) {
      const input = handoutInputSchema.parse({
        ...example,
        layout,
        program: {
          title: 'One exercise per region',
          items: picks.map((e) => handoutItemOf({ ...e, plainTitle: undefined })),
        },
      })
      const { pdf, warnings } = await renderHandout(input, 'resources/fonts')
      expect(warnings).toEqual([])
      const text = (await pdfText(pdf)).all.replace(/\s+/g, '')
      for (const e of picks) {
        expect(text, `${layout}: ${e.name}`).toContain(e.name.replace(/\s+/g, ''))
        expect(text, `${layout}: ${e.name} dosage`).toContain(dosagePlain(e.defaultDosage).replace(/\s+/g, ''))
      }
      // Every card carries its diagram: each picture has a caption saying how to read its frames.
      const captions = (text.match(/1Start|Holdthisposition(for[^.]*)?\./g) ?? []).length
      expect(captions, layout).toBe(picks.reduce((n, e) => n + resolvedViews(e.diagram!).length, 0))
    }
  }, 60_000)

  it('keeps the example handout’s pictures and titles the same as the library’s (docs/handout-example.json is not a stale copy)', () => {
    const example = JSON.parse(readFileSync('docs/handout-example.json', 'utf8')) as {
      program: { items: { name: string; title?: string; diagram?: unknown }[] }
    }
    for (const item of example.program.items) {
      const entry = library.exercises.find((e) => e.name === item.name)
      if (entry && item.diagram) expect(item.diagram, item.name).toEqual(entry.diagram)
      if (entry) expect(item.title, item.name).toBe(entry.plainTitle)
    }
  })
})
