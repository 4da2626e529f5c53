import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import { fieldsOf, useZodForm, type AllPlaced } from '../../app/use-zod-form'
import type { Exercise } from '../../core/exercise'
import { exerciseFieldInputs, exerciseFormSchema, keptFields, newExercise, type ShownField } from './exercise-fields'
import { useLibrary } from '../../app/library-context'

/** The form's rows, top to bottom; a row of several fields shares its width. */
const rows = [
  ['name', 'aliases'],
  ['plainTitle'],
  ['regions', 'position', 'type', 'difficulty'],
  ['equipment'],
  ['steps'],
  ['cues', 'cautions'],
  ['diagram'],
  ['defaultDosage'],
  ['translations'],
] as const satisfies readonly (readonly ShownField[])[]
// A field with an input but no place in a row is a compile error here, naming the field.
const everyFieldPlaced: AllPlaced<ShownField, (typeof rows)[number][number]> = true
void everyFieldPlaced

/**
 * Create or edit one of your own exercises. Steps, tips and cautions are one per line. Checked here as you save,
 * and again by the main process; a refusal is shown once, by the field it concerns (or above the buttons).
 */
export function ExerciseForm({
  exercise,
  onClose,
  onSaved,
}: {
  exercise?: Exercise
  onClose: () => void
  onSaved: (e: Exercise) => void
}) {
  const { t } = useTranslation('library')
  const api = useQuietApi()
  const { refresh } = useLibrary()
  const [saving, setSaving] = useState(false)
  const form = useZodForm(exerciseFormSchema, {
    initialValues: exercise ? fieldsOf(exerciseFormSchema, exercise) : newExercise,
    argument: exercise ? 'exercise' : undefined,
  })
  // A problem with a field the form carries but does not show has no input to sit by.
  const problem = form.formError ?? keptFields.map((name) => form.errorIn(name)).find(Boolean)

  const save = async () => {
    const input = form.check()
    if (!input) return
    setSaving(true)
    const result = exercise
      ? await api.updateExercise({ id: exercise.id, exercise: input })
      : await api.createExercise(input)
    setSaving(false)
    if (!result.ok) return form.showError(result.error)
    await refresh()
    onSaved(result.value)
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        <Text fw={700} size="lg">
          {exercise ? t('form.edit', { name: exercise.name }) : t('form.new')}
        </Text>
      }
    >
      {/* Not a <form>: Enter in the pose editor's angle boxes must not save and close the dialog. */}
      <Stack gap="sm">
        {rows.map((row) => {
          const inputs = row.map((name) => {
            const Input = exerciseFieldInputs[name]
            return <Input key={name} form={form} name={name} />
          })
          return row.length > 1 ? (
            <SimpleGrid key={row[0]} cols={row.length}>
              {inputs}
            </SimpleGrid>
          ) : (
            <Fragment key={row[0]}>{inputs}</Fragment>
          )
        })}
        {problem && (
          <Alert color="red" variant="light">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button loading={saving} onClick={() => void save()}>
            {exercise ? t('form.saveChanges') : t('form.add')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
