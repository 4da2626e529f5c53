import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Exercise } from '../../core/exercise'
import type { ProgramItem } from '../../core/patient'
import { dragAnnouncements, screenReaderInstructions } from './drag-announcements'
import { dropOf, moveItem } from './program-items'

/** Kept the same between renders: new options each render made every card render again (dnd-kit's context changed). */
const pointerOptions = { activationConstraint: { distance: 4 } }
const keyboardOptions = { coordinateGetter: sortableKeyboardCoordinates }

interface Props {
  items: ProgramItem[]
  exerciseOf: (exerciseId: string) => Exercise | undefined
  onAdd: (exercise: Exercise, at?: number) => void
  setItems: (update: (items: ProgramItem[]) => ProgramItem[]) => void
  children: ReactNode
}

/**
 * Drag and drop for the builder, by pointer or keyboard: exercises dragged in from the library are added where
 * they are dropped, items dragged within the program move, and a screen reader hears names and positions.
 */
export function ProgramDnd({ items, exerciseOf, onAdd, setItems, children }: Props) {
  const { t } = useTranslation('program')
  const sensors = useSensors(useSensor(PointerSensor, pointerOptions), useSensor(KeyboardSensor, keyboardOptions))
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const fromLibrary = active.data.current?.['exerciseId'] as string | undefined
    const drop = dropOf(items, { activeId: active.id, fromLibrary, overId: over?.id }, exerciseOf)
    if (drop.type === 'add') onAdd(drop.exercise, drop.at)
    if (drop.type === 'move') setItems((current) => moveItem(current, drop.activeId, drop.overId))
  }
  const instructions = useMemo(() => screenReaderInstructions(t), [t])
  const announcements = dragAnnouncements(items, (id) => exerciseOf(id)?.name, t)
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: instructions }}
    >
      {children}
    </DndContext>
  )
}
