import { useCallback, useEffect, useRef, useState } from 'react'
import type { Exercise } from '../../core/exercise'
import type { ProgramItem } from '../../core/patient'
import { clearDraft, saveDraft, sameDraft, type ProgramDraft } from './draft'
import { changeItemIn, insertItem, itemFor, newItemId, restoreItem } from './program-items'

/** An item just removed, and how to put it back where it was. */
export interface Removed {
  item: ProgramItem
  undo: () => void
}

/**
 * The builder's draft: its state, whether it differs from the saved program, and the edits the cards use. Every
 * change is kept as a draft at once (local storage, see draft.ts); leaving the window with unsaved work asks first.
 * The item edits stay the same functions between renders, so the cards given them do not render again.
 */
export function useProgramDraft({
  patientId,
  programId,
  initial,
  saved,
}: {
  patientId: string
  programId: string | undefined
  initial: ProgramDraft
  saved: ProgramDraft
}) {
  const [draft, setDraft] = useState<ProgramDraft>(initial)
  const dirty = !sameDraft(draft, saved)
  // The draft as last rendered, for callbacks that stay the same function.
  const latest = useRef(draft)
  useEffect(() => void (latest.current = draft))

  const first = useRef(true)
  useEffect(() => {
    if (first.current) return void (first.current = false)
    if (dirty) saveDraft(patientId, programId, draft)
    else clearDraft(patientId, programId)
  }, [draft, dirty, patientId, programId])
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const setItems = useCallback(
    (update: (items: ProgramItem[]) => ProgramItem[]) => setDraft((d) => ({ ...d, items: update(d.items) })),
    [],
  )
  const changeItem = useCallback(
    (id: string, change: (item: ProgramItem) => ProgramItem) => setItems((items) => changeItemIn(items, id, change)),
    [setItems],
  )
  /** Adds an exercise (at the end, or at `at`); the new item's id. */
  const add = useCallback(
    (exercise: Exercise, at?: number) => {
      const item = itemFor(exercise, newItemId())
      setItems((items) => insertItem(items, item, at))
      return item.id
    },
    [setItems],
  )
  const remove = useCallback(
    (id: string): Removed | undefined => {
      const index = latest.current.items.findIndex((i) => i.id === id)
      const item = latest.current.items[index]
      if (!item) return undefined
      setItems((items) => items.filter((i) => i.id !== item.id))
      return { item, undo: () => setItems((items) => restoreItem(items, index, item)) }
    },
    [setItems],
  )
  return { draft, setDraft, dirty, setItems, changeItem, add, remove }
}
