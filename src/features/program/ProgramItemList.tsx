import { Button, Paper, Stack } from '@mantine/core'
import { useDroppable } from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Exercise } from '../../core/exercise'
import type { ProgramItem } from '../../core/patient'
import { ProgramItemCard } from './ProgramItemCard'
import { focusCard } from './card-focus'
import { ProgramOutline } from './ProgramOutline'
import { useNameInLanguage } from '../../app/use-name-in-language'
import { problemUnder } from './program-problems'

function DropZone({ children }: { children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: 'program' })
  return (
    <Stack
      ref={setNodeRef}
      gap="sm"
      mih={160}
      p={4}
      style={{ borderRadius: 12, outline: isOver ? '2px dashed var(--mantine-primary-color-filled)' : undefined }}
    >
      {children}
    </Stack>
  )
}

interface Props {
  items: ProgramItem[]
  exerciseOf: (exerciseId: string) => Exercise | undefined
  /** The draft's problems by place (see program-problems.ts). */
  problems: Map<string, string>
  onChange: (id: string, change: (item: ProgramItem) => ProgramItem) => void
  onRemove: (id: string) => void
  /** Moves the exercise at `from` to `to` (the outline's arrows). */
  onMove: (from: number, to: number) => void
}

/** The program's exercises in order, sortable and a drop target for the library; a hint while it is empty. */
export function ProgramItemList({ items, exerciseOf, problems, onChange, onRemove, onMove }: Props) {
  const { t } = useTranslation('program')
  // The same array while the same items are in the same order: a new one made every card render again.
  const idList = items.map((i) => i.id).join('\n')
  const ids = useMemo(() => (idList ? idList.split('\n') : []), [idList])
  const nameIn = useNameInLanguage()
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const onCollapse = useCallback(
    (id: string) =>
      setCollapsed((now) => {
        const next = new Set(now)
        if (!next.delete(id)) next.add(id)
        return next
      }),
    [],
  )
  const allCollapsed = items.length > 0 && items.every((i) => collapsed.has(i.id))
  const jump = (id: string) => {
    setCollapsed((now) => new Set([...now].filter((c) => c !== id)))
    focusCard(id, { scroll: true })
  }
  return (
    <SortableContext items={ids} strategy={verticalListSortingStrategy}>
      {items.length > 1 && (
        <>
          <ProgramOutline
            items={items}
            nameOf={(item) => {
              const exercise = exerciseOf(item.exerciseId)
              return exercise ? nameIn(exercise) : item.exerciseId
            }}
            onJump={jump}
            onMove={onMove}
          />
          <Button
            size="compact-xs"
            variant="subtle"
            mb={4}
            onClick={() => setCollapsed(allCollapsed ? new Set() : new Set(ids))}
          >
            {allCollapsed ? t('outline.expandAll') : t('outline.collapseAll')}
          </Button>
        </>
      )}
      <DropZone>
        {items.length === 0 && (
          <Paper withBorder radius="lg" p="xl" ta="center" c="dimmed" style={{ borderStyle: 'dashed' }}>
            {t('list.empty')}
          </Paper>
        )}
        {items.map((item, index) => (
          <ProgramItemCard
            key={item.id}
            item={item}
            index={index}
            exercise={exerciseOf(item.exerciseId)}
            stepsProblem={problemUnder(problems, `items.${index}.instructionOverride`)}
            notesProblem={problemUnder(problems, `items.${index}.notes`)}
            onChange={onChange}
            onRemove={onRemove}
            collapsed={collapsed.has(item.id)}
            onCollapse={onCollapse}
          />
        ))}
      </DropZone>
    </SortableContext>
  )
}
