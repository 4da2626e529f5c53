import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core'
import type { ProgramItem } from '../../core/patient'

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To move this exercise, press Space. Use the up and down arrow keys to change its place, Space again to drop it, or Escape to cancel.',
}

/**
 * What a screen reader hears while an exercise is dragged: exercise names and positions, never internal ids. A
 * library entry's drag id is `library:<exercise id>`.
 */
export function dragAnnouncements(
  items: readonly ProgramItem[],
  exerciseName: (exerciseId: string) => string | undefined,
): Announcements {
  const nameOf = (id: string | number) => {
    const item = items.find((i) => i.id === id)
    const exerciseId = item?.exerciseId ?? String(id).replace(/^library:/, '')
    return exerciseName(exerciseId) ?? 'the exercise'
  }
  const position = (id: string | number | undefined) =>
    `position ${items.findIndex((i) => i.id === id) + 1} of ${items.length}`
  return {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(active.id)} is over ${position(over.id)}.` : `${nameOf(active.id)} is not over the program.`,
    onDragEnd: ({ active, over }) =>
      over ? `${nameOf(active.id)} was dropped at ${position(over.id)}.` : `${nameOf(active.id)} was put back.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  }
}
