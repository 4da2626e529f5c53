import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bandColors, sides, weekdays, type Dosage } from '../../src/core/dosage'
import type { ProgramItem } from '../../src/core/patient'
import { changesSince, dosageChanges } from '../../src/core/program-changes'
import { handoutT } from '../../src/i18n'

const names: Record<string, string> = { bridges: 'Bridges', clamshells: 'Clamshells', 'heel-raises': 'Heel raises' }
const nameOf = (id: string) => names[id]
const item = (id: string, exerciseId: string, dosage: Dosage = {}, extra: Partial<ProgramItem> = {}): ProgramItem => ({
  id,
  exerciseId,
  dosage,
  ...extra,
})
const texts = (printed: ProgramItem[], current: ProgramItem[]) =>
  changesSince(printed, current, nameOf).map((c) => c.text)

describe('dosageChanges', () => {
  it('says what changed, part by part, with the number alone when only the number changed', () => {
    expect(dosageChanges({ reps: { min: 10, max: 10 }, sets: 2 }, { reps: { min: 12, max: 12 }, sets: 3 })).toEqual([
      '10 → 12 times',
      '2 → 3 sets',
    ])
    expect(dosageChanges({ reps: { min: 10, max: 15 } }, { reps: { min: 12, max: 12 } })).toEqual(['10–15 → 12 times'])
    expect(dosageChanges({ sets: 1 }, { sets: 2 })).toEqual(['1 set → 2 sets'])
    expect(dosageChanges({ holdSeconds: 5 }, { holdSeconds: 5, holdSecondsMax: 10 })).toEqual(['hold 5 → 5–10 s'])
    expect(dosageChanges({ holdSeconds: 30 }, { holdSeconds: 60 })).toEqual(['hold 30 s → hold 1 min'])
    expect(dosageChanges({ timesPerDay: 1 }, { timesPerDay: 2 })).toEqual(['1× a day → 2× a day'])
    expect(dosageChanges({ days: ['wed', 'mon'] }, { daysPerWeek: 5 })).toEqual(['Mon/Wed → 5 days a week'])
    expect(dosageChanges({ side: 'left' }, { side: 'both' })).toEqual(['left side → both sides'])
    expect(dosageChanges({ resistance: { load: 2 } }, { resistance: { load: 3, unit: 'kg' } })).toEqual(['2 → 3 kg'])
    expect(dosageChanges({ resistance: { band: 'red' } }, { resistance: { band: 'green' } })).toEqual([
      'red band → green band',
    ])
  })

  it('names a part that was added or taken away', () => {
    expect(dosageChanges({}, { holdSeconds: 5 })).toEqual(['no hold → hold 5 s'])
    expect(dosageChanges({ side: 'right' }, {})).toEqual(['right side → no side'])
    expect(dosageChanges({ durationSeconds: 600 }, {})).toEqual(['lasting 10 min → no duration'])
  })

  it('sees the same days in another order as the same', () => {
    expect(dosageChanges({ days: ['fri', 'mon'] }, { days: ['mon', 'fri'] })).toEqual([])
  })
})

describe('changesSince', () => {
  const printed = [
    item('a1', 'bridges', { sets: 2, reps: { min: 10, max: 10 } }),
    item('a2', 'clamshells', { reps: { min: 15, max: 15 } }),
  ]

  it('finds nothing when the program is as printed', () => {
    expect(changesSince(printed, structuredClone(printed), nameOf)).toEqual([])
  })

  it('lists added and removed exercises by name', () => {
    expect(texts(printed, [printed[0]!, item('a3', 'heel-raises')])).toEqual([
      'Removed: Clamshells',
      'Added: Heel raises',
    ])
  })

  it('lists a changed dosage with what changed', () => {
    const current = [item('a1', 'bridges', { sets: 2, reps: { min: 12, max: 12 } }), printed[1]!]
    expect(changesSince(printed, current, nameOf)).toEqual([
      { kind: 'dosage', exercise: 'Bridges', text: 'Bridges: 10 → 12 times' },
    ])
  })

  it('lists steps and notes written for this patient', () => {
    const current = [
      item('a1', 'bridges', printed[0]!.dosage, { instructionOverride: ['Lie on your back.'] }),
      item('a2', 'clamshells', printed[1]!.dosage, { notes: 'Slowly.' }),
    ]
    expect(texts(printed, current)).toEqual(['Bridges: steps changed for this patient', 'Clamshells: note added'])
    expect(texts(current, printed)).toEqual(['Bridges: back to the library’s steps', 'Clamshells: note removed'])
    // Blank lines being typed in the builder are not a change.
    expect(texts(current, [{ ...current[0]!, instructionOverride: ['Lie on your back.', '  '] }, current[1]!])).toEqual(
      [],
    )
  })

  it('says when the exercises were reordered, and not when one was only added or removed', () => {
    expect(texts(printed, [printed[1]!, printed[0]!])).toEqual(['The exercises are in a different order'])
    expect(texts(printed, [item('a3', 'heel-raises'), ...printed])).toEqual(['Added: Heel raises'])
  })

  it('sees an exercise removed and added again (a new item) as the same exercise', () => {
    expect(texts(printed, [printed[0]!, item('new-item', 'clamshells', { reps: { min: 20, max: 20 } })])).toEqual([
      'Clamshells: 15 → 20 times',
    ])
  })

  it('uses the exercise id when the library no longer has the exercise', () => {
    expect(texts(printed, [printed[0]!])).toEqual(['Removed: Clamshells'])
    expect(texts([item('x1', 'gone-exercise')], [])).toEqual(['Removed: gone-exercise'])
  })
})

const seconds = fc.integer({ min: 1, max: 600 })
const dosageArb: fc.Arbitrary<Dosage> = fc.record(
  {
    sets: fc.integer({ min: 1, max: 20 }),
    reps: fc
      .tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 10 }))
      .map(([min, extra]) => ({ min, max: min + extra })),
    holdSeconds: seconds,
    restSeconds: seconds,
    durationSeconds: seconds,
    timesPerDay: fc.integer({ min: 1, max: 12 }),
    daysPerWeek: fc.integer({ min: 1, max: 7 }),
    days: fc.subarray([...weekdays], { minLength: 1 }),
    side: fc.constantFrom(...sides),
    resistance: fc.record(
      { band: fc.constantFrom(...bandColors), load: fc.integer({ min: 1, max: 50 }) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
)
const itemArb = fc.record({
  exerciseId: fc.constantFrom('bridges', 'clamshells', 'heel-raises', 'gone-exercise'),
  dosage: dosageArb,
  notes: fc.option(
    fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    { nil: undefined },
  ),
})
const programArb = fc.array(itemArb, { maxLength: 8 }).map((items) =>
  items.map((it, i): ProgramItem => ({
    id: `item-${i}`,
    exerciseId: it.exerciseId,
    dosage: it.dosage,
    ...(it.notes ? { notes: it.notes } : {}),
  })),
)

describe('changesSince, for any program', () => {
  it('finds nothing between a program and itself (or a copy of it)', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        expect(changesSince(program, program, nameOf)).toEqual([])
        expect(changesSince(program, structuredClone(program), nameOf)).toEqual([])
      }),
    )
  })

  it('reports one removed exercise, and only that, when one is taken out', () => {
    fc.assert(
      fc.property(
        programArb.filter((p) => p.length > 0),
        fc.nat(),
        (program, n) => {
          const at = n % program.length
          const removed = program[at]!
          const changes = changesSince(
            program,
            program.filter((_, i) => i !== at),
            nameOf,
          )
          expect(changes).toEqual([
            {
              kind: 'removed',
              exercise: nameOf(removed.exerciseId) ?? removed.exerciseId,
              text: expect.stringContaining('Removed: '),
            },
          ])
        },
      ),
    )
  })

  it('reports one added exercise, and only that, when one is put in anywhere', () => {
    fc.assert(
      fc.property(programArb, itemArb, fc.nat(), (program, extra, n) => {
        const at = n % (program.length + 1)
        const added: ProgramItem = { id: 'item-added', exerciseId: extra.exerciseId, dosage: extra.dosage }
        const changes = changesSince(program, [...program.slice(0, at), added, ...program.slice(at)], nameOf)
        expect(changes.map((c) => c.kind)).toEqual(['added'])
        expect(changes[0]!.exercise).toBe(nameOf(added.exerciseId) ?? added.exerciseId)
      }),
    )
  })

  it('reports a changed dosage exactly when the dosage reads differently', () => {
    fc.assert(
      fc.property(
        programArb.filter((p) => p.length > 0),
        dosageArb,
        fc.nat(),
        (program, dosage, n) => {
          const at = n % program.length
          const current = program.map((it, i) => (i === at ? { ...it, dosage } : it))
          const changes = changesSince(program, current, nameOf)
          const differs = dosageChanges(program[at]!.dosage, dosage).length > 0
          expect(changes.map((c) => c.kind)).toEqual(differs ? ['dosage'] : [])
        },
      ),
    )
  })
})

describe('what changed, on Spanish screens', () => {
  it('says each change in Spanish, numbers and days included', () => {
    const es = handoutT('es')
    expect(
      dosageChanges({ reps: { min: 10, max: 10 }, days: ['mon'] }, { reps: { min: 12, max: 12 }, sets: 2 }, es),
    ).toEqual(['10 → 12 veces', 'sin series → 2 series', 'lun → sin días'])
    const before = [{ id: 'a', exerciseId: 'bridges', dosage: {} }]
    const now = [
      { id: 'a', exerciseId: 'bridges', dosage: {}, notes: 'Despacio' },
      { id: 'b', exerciseId: 'clamshells', dosage: {} },
    ]
    const names: Record<string, string> = { bridges: 'Puente', clamshells: 'Almejas' }
    expect(changesSince(before, now, (id) => names[id], es).map((c) => c.text)).toEqual([
      'Agregado: Almejas',
      'Puente: nota agregada',
    ])
  })
})
