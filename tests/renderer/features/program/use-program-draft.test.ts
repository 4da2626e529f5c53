import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Exercise } from '../../../../src/core/exercise'
import { loadDraft, type ProgramDraft } from '../../../../src/features/program/draft'
import { useProgramDraft } from '../../../../src/features/program/use-program-draft'

afterEach(() => window.localStorage.clear())

const saved: ProgramDraft = {
  title: 'Hips',
  items: [
    { id: 'item-a', exerciseId: 'bridges', dosage: { sets: 2 } },
    { id: 'item-b', exerciseId: 'clamshells', dosage: { sets: 1 } },
  ],
}
const open = () => renderHook(() => useProgramDraft({ patientId: 'p1', programId: 'prog-1', initial: saved, saved }))
const clamshells = { id: 'clamshells', name: 'Clamshells', defaultDosage: { reps: { min: 10, max: 10 } } } as Exercise

describe('the builder’s draft', () => {
  it('keeps every change as a local draft at once, and drops it once the draft matches the saved program again', () => {
    const { result } = open()
    expect(loadDraft('p1', 'prog-1')).toBeUndefined()
    act(() => result.current.setDraft({ ...saved, title: 'Hips and knees' }))
    expect(result.current.dirty).toBe(true)
    expect(loadDraft('p1', 'prog-1')).toMatchObject({ title: 'Hips and knees', items: saved.items })
    act(() => result.current.setDraft(saved))
    expect(result.current.dirty).toBe(false)
    expect(loadDraft('p1', 'prog-1')).toBeUndefined()
  })

  it('asks before the window closes only while there are unsaved changes', () => {
    const { result } = open()
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(leave()).toBe(false)
    act(() => result.current.changeItem('item-a', (i) => ({ ...i, notes: 'Slowly' })))
    expect(leave()).toBe(true)
  })

  it('removes an item and puts it back where it was on undo, after other changes', () => {
    const { result } = open()
    let removed: ReturnType<typeof result.current.remove>
    act(() => void (removed = result.current.remove('item-a')))
    expect(result.current.draft.items.map((i) => i.id)).toEqual(['item-b'])
    act(() => result.current.add(clamshells))
    act(() => removed!.undo())
    expect(result.current.draft.items.map((i) => i.exerciseId)).toEqual(['bridges', 'clamshells', 'clamshells'])
    expect(result.current.remove('item-gone')).toBeUndefined()
  })

  it('adds an exercise with its own copy of the usual dosage, at a place or at the end', () => {
    const { result } = open()
    act(() => result.current.add(clamshells, 0))
    const [first] = result.current.draft.items
    expect(first).toMatchObject({ exerciseId: 'clamshells', dosage: { reps: { min: 10, max: 10 } } })
    expect(first!.id).toMatch(/^item-/)
    expect(first!.dosage).not.toBe(clamshells.defaultDosage)
  })

  it('keeps the item edits the same functions between renders, so the cards given them do not render again', () => {
    const { result } = open()
    const before = { ...result.current }
    act(() => result.current.changeItem('item-b', (i) => ({ ...i, notes: 'Keep the knees together' })))
    expect(result.current.draft.items[0]).toBe(before.draft.items[0])
    for (const edit of ['setItems', 'changeItem', 'add', 'remove'] as const)
      expect(result.current[edit]).toBe(before[edit])
  })
})
