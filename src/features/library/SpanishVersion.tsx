import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExerciseTranslation } from '../../core/exercise-translation'
import type { ExerciseFormApi } from './exercise-fields'

type Lines = 'steps' | 'cues' | 'cautions'
const LINES: readonly Lines[] = ['steps', 'cues', 'cautions']
const blank: ExerciseTranslation = { name: '', plainTitle: '', aliases: [], steps: [], cues: [], cautions: [] }

/**
 * An exercise's words for Spanish handouts: its name, its title for patients, its steps, tips and cautions (one per
 * line). Without them a Spanish handout that has the exercise asks before printing it in English.
 */
export function SpanishVersion({ form }: { form: ExerciseFormApi }) {
  const { t } = useTranslation('library')
  const values = form.getValues()
  const words = values.translations?.es
  const initial = form.getInitialValues()
  // The English words changed since the form opened and the Spanish did not: a Spanish handout would say the old.
  const english = (v: typeof values) => JSON.stringify([v.name, v.plainTitle, v.steps, v.cues, v.cautions])
  const stale =
    words !== undefined &&
    english(values) !== english(initial) &&
    JSON.stringify(words) === JSON.stringify(initial.translations?.es)
  // What was typed in each box, kept as typed (an empty line while the next one is typed).
  const [typed, setTyped] = useState(() => Object.fromEntries(LINES.map((k) => [k, (words?.[k] ?? []).join('\n')])))
  const set = (next: ExerciseTranslation | undefined) =>
    form.setFieldValue('translations', next ? { es: next } : undefined)
  const label: Record<Lines, string> = {
    steps: t('spanish.steps'),
    cues: t('spanish.cues'),
    cautions: t('spanish.cautions'),
  }
  if (!words)
    return (
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('spanish.none')}
        </Text>
        <Button size="compact-sm" variant="light" onClick={() => set(blank)}>
          {t('spanish.add')}
        </Button>
      </Group>
    )
  return (
    <Stack gap="xs" lang="es">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('spanish.title')}
        </Text>
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => set(undefined)}>
          {t('spanish.remove')}
        </Button>
      </Group>
      {stale && (
        <Alert color="yellow" variant="light">
          {t('spanish.stale')}
        </Alert>
      )}
      <TextInput
        label={t('spanish.name')}
        value={words.name}
        error={form.errorIn('translations.es.name')}
        onChange={(e) => set({ ...words, name: e.currentTarget.value })}
      />
      <TextInput
        label={t('spanish.plainTitle')}
        value={words.plainTitle}
        error={form.errorIn('translations.es.plainTitle')}
        onChange={(e) => set({ ...words, plainTitle: e.currentTarget.value })}
      />
      {LINES.map((key) => (
        <Textarea
          key={key}
          label={label[key]}
          autosize
          minRows={key === 'steps' ? 3 : 2}
          value={typed[key]}
          error={form.errorIn(`translations.es.${key}`)}
          onChange={(e) => {
            const value = e.currentTarget.value
            setTyped((was) => ({ ...was, [key]: value }))
            set({
              ...words,
              [key]: value
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
            })
          }}
        />
      ))}
    </Stack>
  )
}
