import { arrayMove } from '@dnd-kit/sortable'
import type { Exercise } from '../../core/exercise'
import type { Patient, ProgramInput, ProgramItem } from '../../core/patient'
import type { ProgramDraft } from './draft'
import { programT, type ProgramT } from './program-t'

/**
 * What the builder does to a program's list of exercises, as plain functions: the builder's hooks and drag and
 * drop only decide which of these to call, so the list rules are tested without React.
 */

export const newItemId = () => `item-${crypto.randomUUID()}`

/** A new item for this exercise, with its own copy of the exercise's usual dosage. */
export const itemFor = (exercise: Exercise, id: string): ProgramItem => ({
  id,
  exerciseId: exercise.id,
  dosage: structuredClone(exercise.defaultDosage),
})

/** The list with `item` at `at`, or at the end. */
export function insertItem(items: readonly ProgramItem[], item: ProgramItem, at?: number): ProgramItem[] {
  const next = [...items]
  next.splice(at ?? items.length, 0, item)
  return next
}

/** The list with a removed item put back where it was (an undo), whatever changed since. */
export const restoreItem = (items: readonly ProgramItem[], index: number, item: ProgramItem): ProgramItem[] => [
  ...items.slice(0, index),
  item,
  ...items.slice(index),
]

/** The list with the item whose id is `id` changed; every other item stays the same object (its card does not render again). */
export const changeItemIn = (
  items: readonly ProgramItem[],
  id: string,
  change: (item: ProgramItem) => ProgramItem,
): ProgramItem[] => items.map((i) => (i.id === id ? change(i) : i))

/** The list with the item `activeId` moved to where the item `overId` is. */
export const moveItem = (items: readonly ProgramItem[], activeId: string | number, overId: string | number) =>
  arrayMove(
    [...items],
    items.findIndex((i) => i.id === activeId),
    items.findIndex((i) => i.id === overId),
  )

/** What a drop means: an exercise from the library added at the place it was dropped, or an item moved. */
export type Drop =
  | { type: 'add'; exercise: Exercise; at: number | undefined }
  | { type: 'move'; activeId: string | number; overId: string | number }
  | { type: 'none' }

/**
 * A drag that ended over `overId` (an item, or the program's own drop zone), or over nothing. `fromLibrary` is the
 * exercise id a library entry carries; anything else dragged is an item of the program.
 */
export function dropOf(
  items: readonly ProgramItem[],
  drag: { activeId: string | number; fromLibrary: string | undefined; overId: string | number | undefined },
  exerciseOf: (id: string) => Exercise | undefined,
): Drop {
  const { activeId, fromLibrary, overId } = drag
  if (overId === undefined) return { type: 'none' }
  if (fromLibrary) {
    const exercise = exerciseOf(fromLibrary)
    const at = items.findIndex((i) => i.id === overId)
    return exercise ? { type: 'add', exercise, at: at < 0 ? undefined : at } : { type: 'none' }
  }
  return activeId === overId ? { type: 'none' } : { type: 'move', activeId, overId }
}

/**
 * The program as saved: an item's own steps and their Spanish trimmed (none kept if all are blank), blank goals and
 * no therapist left out.
 */
export function programToSave(draft: ProgramDraft): ProgramInput {
  const trimmed = (lines: readonly string[] | undefined) => lines?.map((s) => s.trim()).filter(Boolean)
  const items = draft.items.map((item) => {
    const steps = trimmed(item.instructionOverride)
    const spanish = trimmed(item.translations?.es?.instructionOverride)
    const { instructionOverride: _o, translations: _t, ...rest } = item
    // Spanish steps belong to changed steps: without those there is nothing for them to stand in for.
    return steps?.length
      ? {
          ...rest,
          instructionOverride: steps,
          ...(spanish?.length ? { translations: { es: { instructionOverride: spanish } } } : {}),
        }
      : rest
  })
  return {
    title: draft.title,
    status: 'current',
    ...(draft.goals?.trim() ? { goals: draft.goals } : {}),
    ...(draft.therapist ? { therapist: draft.therapist } : {}),
    items,
  }
}

/**
 * The revision the program was opened at, so a save is refused if another window saved it since (and this draft
 * stays as it is, kept locally, so nothing typed here is lost). A new program has none.
 */
export function openedAt(patient: Patient, programId: string | undefined): { programId?: string; revision?: number } {
  const revision = patient.programs.find((p) => p.id === programId)?.revision
  return programId && revision !== undefined ? { programId, revision } : {}
}

/** Why the handout cannot be exported yet, in plain words, or undefined when it can. */
export function exportBlocked(
  programId: string | undefined,
  dirty: boolean,
  count: number,
  t: ProgramT = programT,
): string | undefined {
  if (!programId || dirty) return t('export.saveFirst')
  return count === 0 ? t('export.addOne') : undefined
}
