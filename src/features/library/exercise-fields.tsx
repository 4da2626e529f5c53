import {
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  type TextInputProps,
} from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EveryField, ZodForm } from '../../app/use-zod-form'
import { dosageSchema } from '../../core/dosage'
import {
  bodyRegions,
  difficulties,
  equipmentKinds,
  exerciseInputSchema,
  exerciseTypes,
  positions,
  type ExerciseInput,
} from '../../core/exercise'
import { DosageEditor } from '../../components/DosageEditor'
import { newDiagram, PoseEditor } from './PoseEditor'
import { SpanishVersion } from './SpanishVersion'
import { vocabOptions, type LibraryKey, type Vocabulary, type VocabularyValues } from './words'

/** The schema the exercise form checks with: the one createExercise and updateExercise take. */
export const exerciseFormSchema = exerciseInputSchema
export type ExerciseFormApi = ZodForm<typeof exerciseFormSchema>
type Name = keyof ExerciseInput

export interface InputProps {
  form: ExerciseFormApi
  name: Name
}
export type FieldInput = (props: InputProps) => ReactNode

/** What a new exercise's form starts with. */
export const newExercise: ExerciseInput = {
  name: '',
  aliases: [],
  regions: [],
  position: 'standing',
  type: 'strengthening',
  equipment: ['none'],
  difficulty: 'easy',
  steps: [],
  cues: [],
  cautions: [],
  defaultDosage: {},
  progressions: [],
  regressions: [],
  images: [],
}

/** The input's own words: its label and, where it has one, the line under it. */
const useLabel = (label: LibraryKey, description?: LibraryKey) => {
  const { t } = useTranslation('library')
  return { label: t(label), description: description && t(description) }
}
/** A vocabulary's values as options, in the words of the screen's language. */
function useOptions<V extends Vocabulary>(vocabulary: V, values: VocabularyValues<V>) {
  const { t } = useTranslation('common')
  return vocabOptions(t, vocabulary, values)
}

/** A text box's props beyond its value, with its description as a catalogue key. */
type TextExtra = Omit<TextInputProps, 'description'> & { description?: LibraryKey; 'data-autofocus'?: boolean }
const text =
  (label: LibraryKey, { description, ...extra }: TextExtra = {}): FieldInput =>
  ({ form, name }) => (
    <TextInput {...useLabel(label, description)} {...extra} {...form.getInputProps(name)} error={form.errorIn(name)} />
  )

const choice =
  <V extends Vocabulary>(label: LibraryKey, vocabulary: V, values: VocabularyValues<V>): FieldInput =>
  ({ form, name }) => (
    <Select
      {...useLabel(label)}
      data={useOptions(vocabulary, values)}
      allowDeselect={false}
      {...form.getInputProps(name)}
    />
  )

const choices =
  <V extends Vocabulary>(label: LibraryKey, vocabulary: V, values: VocabularyValues<V>): FieldInput =>
  ({ form, name }) => (
    <MultiSelect
      {...useLabel(label)}
      data={useOptions(vocabulary, values)}
      {...form.getInputProps(name)}
      error={form.errorIn(name)}
    />
  )

type ListName = 'aliases' | 'steps' | 'cues' | 'cautions'
/** How a list is typed in one box: split into entries, each trimmed, empty ones left out; and shown again. */
const byComma = { split: (t: string) => t.split(','), join: (l: readonly string[]) => l.join(', ') }
const byLine = { split: (t: string) => t.split('\n'), join: (l: readonly string[]) => l.join('\n') }

/**
 * A list typed in one box. The box keeps what was typed (an empty line while you type the next one); the form's
 * value is the list the call takes, so the form's values stay the contract's input.
 */
function ListBox({
  form,
  name,
  label,
  by,
  description,
  minRows,
}: {
  form: ExerciseFormApi
  name: ListName
  label: LibraryKey
  by: typeof byComma
  description?: LibraryKey
  minRows?: number
}) {
  const words = useLabel(label, description)
  const [typed, setTyped] = useState(() => by.join(form.getValues()[name]))
  const onChange = (value: string) => {
    setTyped(value)
    const list = by
      .split(value)
      .map((entry) => entry.trim())
      .filter(Boolean)
    form.setFieldValue(name, list)
    // A problem with one entry ("steps.2") goes once the list changes, as a plain field's does.
    for (const key of Object.keys(form.errors)) if (key.startsWith(`${name}.`)) form.clearFieldError(key)
  }
  const props = { ...words, value: typed, error: form.errorIn(name) }
  if (by === byComma) return <TextInput {...props} onChange={(e) => onChange(e.currentTarget.value)} />
  return <Textarea {...props} autosize minRows={minRows} onChange={(e) => onChange(e.currentTarget.value)} />
}

const list =
  (label: LibraryKey, by: typeof byComma, extra: { description?: LibraryKey; minRows?: number } = {}): FieldInput =>
  ({ form, name }) => <ListBox form={form} name={name as ListName} label={label} by={by} {...extra} />

/** The figure for the handout: added, posed or removed here; a photo is attached on the exercise's page. */
function DiagramInput({ form }: InputProps) {
  const { t } = useTranslation('library')
  const { diagram, name, position } = form.getValues()
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('form.diagram')}
        </Text>
        {diagram ? (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => form.setFieldValue('diagram', undefined)}
          >
            {t('form.removeDiagram')}
          </Button>
        ) : (
          <Button size="compact-sm" variant="light" onClick={() => form.setFieldValue('diagram', newDiagram(position))}>
            {t('form.addDiagram')}
          </Button>
        )}
      </Group>
      {diagram ? (
        <PoseEditor value={diagram} name={name} onChange={(d) => form.setFieldValue('diagram', d)} />
      ) : (
        <Text size="xs" c="dimmed">
          {t('form.noDiagram')}
        </Text>
      )}
      {form.errorIn('diagram') && (
        <Text c="red" size="sm">
          {form.errorIn('diagram')}
        </Text>
      )}
    </Stack>
  )
}

function DosageInput({ form }: InputProps) {
  const { t } = useTranslation('library')
  const dosage = form.getValues().defaultDosage
  // The editor shows the schema's problems by its own inputs; one it cannot place is shown under it, once.
  const unplaced = dosageSchema.safeParse(dosage).success ? form.errorIn('defaultDosage') : undefined
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {t('form.dosage')}
      </Text>
      <DosageEditor value={dosage} onChange={(d) => form.setFieldValue('defaultDosage', d)} />
      {unplaced && (
        <Text c="red" size="sm">
          {unplaced}
        </Text>
      )}
    </Stack>
  )
}

/**
 * Kept as they are: the links to easier and harder exercises (not edited in the app yet) and the photos (attached
 * and removed on the exercise's page). A problem with one is shown above the buttons.
 */
export const keptAsIs = null

/**
 * Every field of the exercise form, with its input. The compiler refuses a field of the schema (src/core/exercise.ts)
 * that is missing here; ExerciseForm places each input in its rows (also compiler-checked).
 */
export const exerciseFieldInputs = {
  name: text('form.name', { required: true, 'data-autofocus': true }),
  aliases: list('form.aliases', byComma),
  plainTitle: text('form.plainTitle', { description: 'form.plainTitleHint', maxLength: 80 }),
  regions: choices('form.regions', 'region', bodyRegions),
  position: choice('form.position', 'position', positions),
  type: choice('form.type', 'type', exerciseTypes),
  difficulty: choice('form.difficulty', 'difficulty', difficulties),
  equipment: choices('form.equipment', 'equipment', equipmentKinds),
  steps: list('form.steps', byLine, { description: 'form.stepsHint', minRows: 4 }),
  cues: list('form.cues', byLine, { minRows: 2 }),
  cautions: list('form.cautions', byLine, { minRows: 2 }),
  diagram: DiagramInput,
  defaultDosage: DosageInput,
  progressions: keptAsIs,
  regressions: keptAsIs,
  images: keptAsIs,
  translations: SpanishVersion,
} satisfies EveryField<ExerciseInput, FieldInput | typeof keptAsIs>

export type ShownField = { [K in Name]: (typeof exerciseFieldInputs)[K] extends null ? never : K }[Name]
export const keptFields = (Object.keys(exerciseFieldInputs) as Name[]).filter((k) => !exerciseFieldInputs[k])
