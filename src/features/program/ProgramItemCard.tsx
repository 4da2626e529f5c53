import { ActionIcon, Badge, Button, Card, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { IconChevronDown, IconChevronRight, IconGripVertical, IconTrash } from '@tabler/icons-react'
import { memo, useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Dosage } from '../../core/dosage'
import type { Exercise } from '../../core/exercise'
import type { ProgramItem } from '../../core/patient'
import { DiagramView } from '../../components/DiagramView'
import { DosageEditor } from '../../components/DosageEditor'
import { moreFieldsUsed } from '../../components/dosage-fields'
import { dosageLine, withLoadUnit } from '../../core/dosage-format'
import { useDoseWords } from '../../app/use-dose-words'
import { useLoadUnit } from '../../app/use-load-unit'
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
  /** Shown as one line: the number, the name and what the handout says. */
  collapsed: boolean
  onCollapse: (id: string) => void
}

/**
 * `?items=all` in the address (the browser bridge only): every card is rendered again on every keystroke, as before
 * the cards were kept apart: the typing bench's baseline.
 */
const rendersEveryCard =
  typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('items') === 'all'

/** What a compact card keeps behind "More": the other dose fields, this patient's own steps, a note. */
function CardMore({
  item,
  exercise,
  name,
  stepsProblem,
  notesProblem,
  onDosage,
  change,
}: Pick<Props, 'item' | 'exercise' | 'stepsProblem' | 'notesProblem'> & {
  name: string
  onDosage: (dosage: Dosage) => void
  change: (update: (item: ProgramItem) => ProgramItem) => void
}) {
  const { t } = useTranslation('program')
  return (
    <Stack gap={6} mt={4}>
      <DosageEditor part="more" label={name} value={item.dosage} onChange={onDosage} />
      {item.instructionOverride !== undefined ? (
        <StepsOverride item={item} exercise={exercise} name={name} problem={stepsProblem} change={change} />
      ) : (
        <Button
          size="compact-xs"
          variant="subtle"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => change((i) => ({ ...i, instructionOverride: [...(exercise?.steps ?? [])] }))}
        >
          {t('card.changeSteps')}
        </Button>
      )}
      <TextInput
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
    </Stack>
  )
}

/** One exercise in the program: its dosage for this patient, their own instructions if changed, a note. Rendered again only when its own props change. */
function ItemCard({ item, index, exercise, onChange, onRemove, stepsProblem, notesProblem, ...shown }: Props) {
  const { t } = useTranslation('program')
  const id = item.id
  const change = (update: (item: ProgramItem) => ProgramItem) => onChange(id, update)
  const onDosage = useCallback((dosage: Dosage) => onChange(id, (i) => ({ ...i, dosage })), [id, onChange])
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
  })
  const nameIn = useNameInLanguage()
  const name = exercise ? nameIn(exercise) : item.exerciseId
  const doseWords = useDoseWords()
  const loadUnit = useLoadUnit()
  // Only a collapsed card says its dose in the title line (the open card's editor says it under the fields).
  const doseLine = shown.collapsed ? dosageLine(withLoadUnit(item.dosage, loadUnit), doseWords) : ''
  const overridden = item.instructionOverride !== undefined
  // "More" starts open when something behind it is in use, and cannot hide a problem.
  const used = moreFieldsUsed(item.dosage) + (overridden ? 1 : 0) + (item.notes ? 1 : 0)
  const [more, setMore] = useState(used > 0)
  const moreOpen = more || Boolean(stepsProblem || notesProblem)
  const Chevron = shown.collapsed ? IconChevronRight : IconChevronDown
  return (
    <Card
      ref={setNodeRef}
      withBorder
      radius="md"
      padding="sm"
      aria-label={`${index + 1}. ${name}`}
      data-item-id={id}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        zIndex: isDragging ? 2 : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" mb={shown.collapsed ? 0 : 6}>
        <Group gap="xs" wrap="nowrap" style={{ flex: '1 1 0', minWidth: 150 }}>
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
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={!shown.collapsed}
            aria-label={t(shown.collapsed ? 'card.expand' : 'card.collapse', { name })}
            onClick={() => shown.onCollapse(id)}
          >
            <Chevron size={16} />
          </ActionIcon>
          <Text fw={600} style={{ overflowWrap: 'break-word' }}>
            {index + 1}. {name}
          </Text>
          {shown.collapsed && (
            <Text size="sm" c="dimmed">
              {doseLine}
            </Text>
          )}
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
          {exercise?.diagram && !shown.collapsed && (
            <DiagramView
              spec={exercise.diagram}
              name={name}
              height={42}
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
      {!shown.collapsed && (
        <>
          <DosageEditor part="main" label={name} value={item.dosage} onChange={onDosage} />
          <Button
            size="compact-xs"
            variant="subtle"
            mt={4}
            aria-expanded={moreOpen}
            leftSection={moreOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            onClick={() => setMore(!moreOpen)}
          >
            {moreOpen ? t('card.fewer') : used ? t('card.moreUsed', { count: used }) : t('card.more')}
          </Button>
          {moreOpen && <CardMore {...{ item, exercise, name, stepsProblem, notesProblem, onDosage, change }} />}
        </>
      )}
    </Card>
  )
}

export const ProgramItemCard = rendersEveryCard ? ItemCard : memo(ItemCard)
