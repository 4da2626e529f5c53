import { ActionIcon, Group, Kbd, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useDraggable } from '@dnd-kit/core'
import { IconGripVertical, IconPlus, IconSearch } from '@tabler/icons-react'
import { memo, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dosageLine } from '../../core/dosage-format'
import type { Exercise } from '../../core/exercise'
import { searchLibrary } from '../../core/library-search'
import { useLibrary } from '../../app/library-context'
import { useDoseWords } from '../../app/use-dose-words'
import { useNameInLanguage } from '../../app/use-name-in-language'

function PickerRow({ exercise, highlighted, onAdd }: { exercise: Exercise; highlighted: boolean; onAdd: () => void }) {
  const { t } = useTranslation('program')
  const doseWords = useDoseWords()
  const nameIn = useNameInLanguage()
  const name = nameIn(exercise)
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `library:${exercise.id}`,
    data: { exerciseId: exercise.id },
  })
  return (
    <Group
      ref={setNodeRef}
      wrap="nowrap"
      gap="xs"
      px="xs"
      py={6}
      data-highlighted={highlighted || undefined}
      style={{
        borderRadius: 8,
        opacity: isDragging ? 0.4 : 1,
        background: highlighted ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <UnstyledButton
        {...attributes}
        {...listeners}
        aria-label={t('picker.drag', { name })}
        style={{ cursor: 'grab', display: 'flex' }}
      >
        <IconGripVertical size={16} color="var(--mantine-color-dimmed)" />
      </UnstyledButton>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        {/* Names wrap rather than end in "…": four "Ankle …" exercises must not look alike. */}
        <Text size="sm" fw={500}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          {dosageLine(exercise.defaultDosage, doseWords)}
        </Text>
      </Stack>
      {/* A plus alone, so the name has the room (the narrow library panel at 1280 px); its name says what it adds. */}
      <ActionIcon variant="light" onClick={onAdd} aria-label={t('picker.addName', { name })} title={t('picker.add')}>
        <IconPlus size={14} />
      </ActionIcon>
    </Group>
  )
}

/** Find an exercise and add it: type, arrow keys and Enter; a click; or drag it into the program. Not rendered again by edits to the program. */
export const ExercisePicker = memo(function ExercisePicker({
  onAdd,
  onAddByKey = onAdd,
}: {
  onAdd: (exercise: Exercise) => void
  /** Enter in the search: the builder adds the exercise and moves on to its dose. */
  onAddByKey?: (exercise: Exercise) => void
}) {
  const { t } = useTranslation('program')
  const { index, favourites } = useLibrary()
  const [query, setQuery] = useState('')
  const [highlight, setHighlight] = useState(0)
  const found = useMemo(() => searchLibrary(index, query, {}, favourites).slice(0, 40), [index, query, favourites])
  const current = Math.min(highlight, Math.max(0, found.length - 1))
  return (
    <Stack gap="xs">
      <TextInput
        autoFocus
        data-shortcut="find-exercise"
        aria-label={t('picker.find')}
        placeholder={t('picker.findPlaceholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">↵</Kbd>}
        value={query}
        onChange={(e) => (setQuery(e.currentTarget.value), setHighlight(0))}
        onKeyDown={(e) => {
          const next =
            e.key === 'ArrowDown'
              ? Math.min(current + 1, found.length - 1)
              : e.key === 'ArrowUp'
                ? Math.max(current - 1, 0)
                : undefined
          if (next !== undefined) {
            e.preventDefault()
            setHighlight(next)
          } else if (e.key === 'Enter' && found[current]) {
            e.preventDefault()
            onAddByKey(found[current])
            setQuery('')
            setHighlight(0)
          }
        }}
      />
      {/* A plain scrolling box: Mantine's ScrollArea sizes its content to the widest row and clips names. */}
      <div style={{ maxHeight: 'calc(100vh - 330px)', overflowY: 'auto', overflowX: 'hidden' }}>
        <Stack gap={2} role="list" aria-label={t('picker.list')}>
          {found.map((exercise, i) => (
            <PickerRow
              key={exercise.id}
              exercise={exercise}
              highlighted={i === current && query !== ''}
              onAdd={() => onAdd(exercise)}
            />
          ))}
          {found.length === 0 && (
            <Text size="sm" c="dimmed" p="xs">
              {t('picker.noMatch', { query })}
            </Text>
          )}
        </Stack>
      </div>
    </Stack>
  )
})
