import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core'
import type { ProgramItem } from '../../core/patient'
import { programT, type ProgramT } from './program-t'

/** What a screen reader hears on focusing an exercise that can be dragged. */
export const screenReaderInstructions = (t: ProgramT = programT): ScreenReaderInstructions => ({
  draggable: t('dnd.instructions'),
})

/**
 * What a screen reader hears while an exercise is dragged: exercise names and positions, never internal ids. A
 * library entry's drag id is `library:<exercise id>`.
 */
export function dragAnnouncements(
  items: readonly ProgramItem[],
  exerciseName: (exerciseId: string) => string | undefined,
  t: ProgramT = programT,
): Announcements {
  const nameOf = (id: string | number) => {
    const item = items.find((i) => i.id === id)
    const exerciseId = item?.exerciseId ?? String(id).replace(/^library:/, '')
    return exerciseName(exerciseId) ?? t('dnd.theExercise')
  }
  const position = (id: string | number | undefined) =>
    t('dnd.position', { number: items.findIndex((i) => i.id === id) + 1, total: items.length })
  return {
    onDragStart: ({ active }) => t('dnd.pickedUp', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('dnd.over', { name: nameOf(active.id), position: position(over.id) })
        : t('dnd.notOver', { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('dnd.dropped', { name: nameOf(active.id), position: position(over.id) })
        : t('dnd.putBack', { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t('dnd.cancelled', { name: nameOf(active.id) }),
  }
}
