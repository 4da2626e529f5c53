import { ActionIcon, Badge, Button, Card, Group, Text, TextInput, Tooltip } from '@mantine/core'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { IconGripVertical, IconTrash } from '@tabler/icons-react'
import { memo, useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Dosage } from '../../core/dosage'
import type { Exercise } from '../../core/exercise'
import type { ProgramItem } from '../../core/patient'
import { DiagramView } from '../../components/DiagramView'
import { DosageEditor } from '../../components/DosageEditor'
import { StepsOverride } from './StepsOverride'
import { useNameInLanguage } from '../../app/use-name-in-language'

interface Props {
  item: ProgramItem
  index: number
  exercise: Exercise | undefined
  /**
   * Changes the item with this id, from the item as it is then: a callback that never needs the item, so it stays
   * the same function and typing in one card leaves the other cards as they are (not rendered again).
   */
  onChange: (id: string, change: (item: ProgramItem) => ProgramItem) => void
  onRemove: (id: string) => void
  /** Plain messages for this exercise's own steps and note, shown by those fields. */
  stepsProblem?: string | undefined
  notesProblem?: string | undefined
}

/**
 * `?items=all` in the address (the browser bridge only): every card is rendered again on every keystroke, as before
 * the cards were kept apart: the typing bench's baseline.
 */
const rendersEveryCard =
  typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('items') === 'all'

/** One exercise in the program: its dosage for this patient, their own instructions if changed, a note. Rendered again only when its own props change. */
function ItemCard({ item, index, exercise, onChange, onRemove, stepsProblem, notesProblem }: Props) {
  const { t } = useTranslation('program')
  const id = item.id
  const change = (update: (item: ProgramItem) => ProgramItem) => onChange(id, update)
  const onDosage = useCallback((dosage: Dosage) => onChange(id, (i) => ({ ...i, dosage })), [id, onChange])
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
  })
  const nameIn = useNameInLanguage()
  const name = exercise ? nameIn(exercise) : item.exerciseId
  const overridden = item.instructionOverride !== undefined
  return (
    <Card
      ref={setNodeRef}
      withBorder
      radius="md"
      padding="sm"
      aria-label={`${index + 1}. ${name}`}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        zIndex: isDragging ? 2 : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap="xs" wrap="nowrap">
          <Tooltip label={t('card.moveHint')}>
            <ActionIcon
              ref={setActivatorNodeRef}
              variant="subtle"
              color="gray"
              aria-label={t('card.move', { name })}
              {...attributes}
              {...listeners}
              style={{ cursor: 'grab' }}
            >
              <IconGripVertical size={18} />
            </ActionIcon>
          </Tooltip>
          <Text fw={600}>
            {index + 1}. {name}
          </Text>
          {overridden && (
            <Badge size="sm" color="orange" variant="light">
              {t('card.overridden')}
            </Badge>
          )}
          {!exercise && (
            <Badge size="sm" color="red" variant="light">
              {t('card.notInLibrary')}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {exercise?.diagram && (
            <DiagramView
              spec={exercise.diagram}
              name={name}
              height={64}
              firstViewOnly
              side={item.dosage.side === 'left' || item.dosage.side === 'right' ? item.dosage.side : undefined}
            />
          )}
          <Tooltip label={t('card.remove', { name })}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('card.remove', { name })}
              onClick={() => onRemove(id)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <DosageEditor label={name} value={item.dosage} onChange={onDosage} />
      {overridden ? (
        <StepsOverride item={item} exercise={exercise} name={name} problem={stepsProblem} change={change} />
      ) : (
        <Button
          size="compact-xs"
          variant="subtle"
          mt={6}
          onClick={() => change((i) => ({ ...i, instructionOverride: [...(exercise?.steps ?? [])] }))}
        >
          {t('card.changeSteps')}
        </Button>
      )}
      <TextInput
        mt="xs"
        size="xs"
        placeholder={t('card.note')}
        aria-label={t('card.noteFor', { name })}
        error={notesProblem}
        value={item.notes ?? ''}
        onChange={(e) => {
          const notes = e.currentTarget.value || undefined
          change((i) => ({ ...i, notes }))
        }}
      />
    </Card>
  )
}

export const ProgramItemCard = rendersEveryCard ? ItemCard : memo(ItemCard)
