import { describe, expect, it } from 'vitest'
import type { Exercise } from '../../../../src/core/exercise'
import type { ProgramItem } from '../../../../src/core/patient'
import {
  changeItemIn,
  dropOf,
  exportBlocked,
  insertItem,
  itemFor,
  moveItem,
  openedAt,
  programToSave,
  restoreItem,
} from '../../../../src/features/program/program-items'
import { patientInput } from '../../../support/patients'

const exercise = (id: string) =>
  ({ id, name: id, defaultDosage: { sets: 2, reps: { min: 10, max: 10 } } }) as unknown as Exercise
const item = (id: string, exerciseId = 'bridges'): ProgramItem => ({ id, exerciseId, dosage: { sets: 1 } })
const ids = (items: ProgramItem[]) => items.map((i) => i.id)
const abc = [item('a'), item('b'), item('c')]

describe('the items of a program', () => {
  it('gives a new item its own copy of the exercise’s usual dosage', () => {
    const bridges = exercise('bridges')
    const added = itemFor(bridges, 'item-1')
    expect(added).toEqual({ id: 'item-1', exerciseId: 'bridges', dosage: bridges.defaultDosage })
    expect(added.dosage).not.toBe(bridges.defaultDosage)
  })

  it('adds an item at a place or at the end, leaving the list it was given as it was', () => {
    expect(ids(insertItem(abc, item('x'), 1))).toEqual(['a', 'x', 'b', 'c'])
    expect(ids(insertItem(abc, item('x')))).toEqual(['a', 'b', 'c', 'x'])
    expect(ids(abc)).toEqual(['a', 'b', 'c'])
  })

  it('puts a removed item back where it was', () => {
    expect(ids(restoreItem([item('a'), item('c')], 1, item('b')))).toEqual(['a', 'b', 'c'])
    expect(ids(restoreItem([item('b'), item('c')], 0, item('a')))).toEqual(['a', 'b', 'c'])
  })

  it('changes one item and keeps every other item the same object, so their cards do not render again', () => {
    const next = changeItemIn(abc, 'b', (i) => ({ ...i, notes: 'Slowly' }))
    expect(next[1]).toEqual({ ...abc[1], notes: 'Slowly' })
    expect(next[0]).toBe(abc[0])
    expect(next[2]).toBe(abc[2])
  })

  it('moves an item to where another is, both ways', () => {
    expect(ids(moveItem(abc, 'a', 'c'))).toEqual(['b', 'c', 'a'])
    expect(ids(moveItem(abc, 'c', 'a'))).toEqual(['c', 'a', 'b'])
  })
})

describe('a drop', () => {
  const library = (id: string) => (id === 'clamshells' ? exercise('clamshells') : undefined)

  it('adds a library exercise where it is dropped, or at the end when dropped on the program itself', () => {
    const over = dropOf(abc, { activeId: 'library:clamshells', fromLibrary: 'clamshells', overId: 'b' }, library)
    expect(over).toEqual({ type: 'add', exercise: library('clamshells'), at: 1 })
    const zone = dropOf(abc, { activeId: 'library:clamshells', fromLibrary: 'clamshells', overId: 'program' }, library)
    expect(zone).toEqual({ type: 'add', exercise: library('clamshells'), at: undefined })
  })

  it('moves an item dropped on another, and does nothing when dropped on itself, on nothing or for an unknown exercise', () => {
    expect(dropOf(abc, { activeId: 'a', fromLibrary: undefined, overId: 'c' }, library)).toEqual({
      type: 'move',
      activeId: 'a',
      overId: 'c',
    })
    expect(dropOf(abc, { activeId: 'a', fromLibrary: undefined, overId: 'a' }, library)).toEqual({ type: 'none' })
    expect(dropOf(abc, { activeId: 'a', fromLibrary: undefined, overId: undefined }, library)).toEqual({ type: 'none' })
    expect(dropOf(abc, { activeId: 'library:gone', fromLibrary: 'gone', overId: 'a' }, library)).toEqual({
      type: 'none',
    })
  })
})

describe('saving a program', () => {
  it('trims the patient’s own steps, and keeps none when all are blank', () => {
    const draft = {
      title: 'Hips',
      items: [
        { ...item('a'), instructionOverride: ['  Lie down ', '', 'Lift  '] },
        { ...item('b'), instructionOverride: [' ', ''] },
      ],
    }
    const saved = programToSave(draft)
    expect(saved.items[0]!.instructionOverride).toEqual(['Lie down', 'Lift'])
    expect(saved.items[1]).not.toHaveProperty('instructionOverride')
    expect(saved).toEqual({ title: 'Hips', status: 'current', items: saved.items })
  })

  it('trims the Spanish of changed steps too, and drops it with the changed steps it stands in for', () => {
    const spanish = (lines: string[]) => ({ es: { instructionOverride: lines } })
    const saved = programToSave({
      title: 'Caderas',
      items: [
        { ...item('a'), instructionOverride: ['Lift'], translations: spanish([' Suba ', ' ']) },
        { ...item('b'), instructionOverride: ['Lift'], translations: spanish(['  ']) },
        { ...item('c'), instructionOverride: [' '], translations: spanish(['Suba']) },
      ],
    })
    expect(saved.items[0]!.translations).toEqual(spanish(['Suba']))
    expect(saved.items[1]).not.toHaveProperty('translations')
    expect(saved.items[2]).not.toHaveProperty('translations')
    expect(saved.items[2]).not.toHaveProperty('instructionOverride')
  })

  it('keeps goals and therapist when given, and leaves out blank goals', () => {
    expect(programToSave({ title: 'T', goals: 'Walk', therapist: 'Sam Lee', items: [] })).toEqual({
      title: 'T',
      status: 'current',
      goals: 'Walk',
      therapist: 'Sam Lee',
      items: [],
    })
    expect(programToSave({ title: 'T', goals: '   ', items: [] })).not.toHaveProperty('goals')
  })

  it('names the revision a saved program was opened at, and nothing for a new program', () => {
    const patient = {
      ...patientInput(),
      id: 'p1',
      programs: [{ id: 'prog-1', revision: 3 }],
    } as unknown as Parameters<typeof openedAt>[0]
    expect(openedAt(patient, 'prog-1')).toEqual({ programId: 'prog-1', revision: 3 })
    expect(openedAt(patient, undefined)).toEqual({})
  })

  it('says why the handout cannot be exported yet', () => {
    const saveFirst = 'Save the program first: the handout prints the saved version.'
    expect(exportBlocked(undefined, false, 2)).toBe(saveFirst)
    expect(exportBlocked('prog-1', true, 2)).toBe(saveFirst)
    expect(exportBlocked('prog-1', false, 0)).toBe('Add at least one exercise.')
    expect(exportBlocked('prog-1', false, 2)).toBeUndefined()
  })
})
