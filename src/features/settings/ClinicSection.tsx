import { Alert, Button, Group, SimpleGrid, Stack, Switch, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuietApi } from '../../app/api-context'
import { useZodForm, type AllPlaced } from '../../app/use-zod-form'
import type { Settings } from '../../core/settings'
import {
  clinicFormSchema,
  clinicInputs,
  isBlank,
  TherapistRow,
  unshownProblem,
  type ClinicFormValues,
} from './clinic-fields'

/** The clinic's fields as the section shows them: four short ones side by side, then one under another. */
const grid = ['name', 'phone', 'address', 'website'] as const
const below = ['closingMessage', 'translations', 'logo', 'layout'] as const
// A field of the clinic with no place here is a compile error, naming the field.
const everyFieldPlaced: AllPlaced<keyof typeof clinicInputs, (typeof grid)[number] | (typeof below)[number]> = true
void everyFieldPlaced

/**
 * The clinic and therapists that every handout names, and what happens after an export. Checked here as you save,
 * and again by the main process; a refusal is shown once, by the field it concerns (or above the button).
 */
export function ClinicSection({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation('settings')
  const api = useApi()
  const quiet = useQuietApi()
  const [saving, setSaving] = useState(false)
  const form = useZodForm(clinicFormSchema, {
    initialValues: { clinic: settings.clinic, therapists: settings.therapists } satisfies ClinicFormValues,
  })
  const problem = form.formError ?? unshownProblem(form.errors)
  const input = (name: keyof typeof clinicInputs) => {
    const Input = clinicInputs[name]
    return (
      <Fragment key={name}>
        <Input form={form} onSaved={onSaved} />
      </Fragment>
    )
  }

  const save = async () => {
    // Rows nobody typed in go first, so a problem's row number is the row shown.
    form.setFieldValue(
      'therapists',
      form.getValues().therapists.filter((t) => !isBlank(t)),
    )
    const patch = form.check()
    if (!patch) return
    setSaving(true)
    const result = await quiet.updateSettings(patch)
    setSaving(false)
    if (!result.ok) return form.showError(result.error)
    notifications.show({ color: 'teal', message: t('clinic.saved') })
    onSaved(result.value)
  }

  return (
    <Stack gap="sm">
      <SimpleGrid cols={2}>{grid.map(input)}</SimpleGrid>
      {below.map(input)}
      <Text size="sm" fw={600} mt="xs">
        {t('clinic.therapists')}
      </Text>
      {form.getValues().therapists.map((_, i) => (
        <TherapistRow key={i} form={form} index={i} />
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('therapists', { name: '' })}
        >
          {t('clinic.addTherapist')}
        </Button>
      </Group>
      <Switch
        label={t('clinic.openAfterExport')}
        checked={settings.openAfterExport}
        onChange={(e) => {
          const openAfterExport = e.currentTarget.checked
          void api.updateSettings({ openAfterExport }).then((r) => r.ok && onSaved(r.value))
        }}
      />
      <Switch
        label={t('clinic.shorthand')}
        checked={settings.clinicianShorthand === true}
        onChange={(e) => {
          const clinicianShorthand = e.currentTarget.checked
          void api.updateSettings({ clinicianShorthand }).then((r) => r.ok && onSaved(r.value))
        }}
      />
      {problem && (
        <Alert color="red" variant="light">
          {problem}
        </Alert>
      )}
      <Group>
        <Button loading={saving} onClick={() => void save()}>
          {t('clinic.save')}
        </Button>
      </Group>
    </Stack>
  )
}
