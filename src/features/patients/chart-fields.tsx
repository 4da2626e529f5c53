import { Group, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AUTHORISED_VISITS_MAX, type PatientInput } from '../../core/patient'
import type { PatientFormApi } from './patient-draft'

interface InputProps {
  form: PatientFormApi
  name: keyof PatientInput
}

const today = () => new Date().toISOString().slice(0, 10)

/** Precautions and contraindications: the builder shows them to the therapist; a handout never prints them. */
export function PrecautionsInput({ form }: InputProps) {
  const { t } = useTranslation('patients')
  return (
    <Textarea
      label={t('chart.precautions')}
      description={t('chart.precautionsHint')}
      autosize
      minRows={2}
      maxRows={6}
      {...form.getInputProps('precautions')}
    />
  )
}

/** The date of surgery or onset, and which of the two it is (surgery unless chosen). */
export function OnsetInput({ form }: InputProps) {
  const { t } = useTranslation('patients')
  return (
    <Stack gap={4}>
      <TextInput label={t('chart.onsetDate')} type="date" max={today()} {...form.getInputProps('onsetDate')} />
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t('chart.onsetKind')}
        </Text>
        <SegmentedControl
          size="xs"
          aria-label={t('chart.onsetKind')}
          data={[
            { value: 'surgery', label: t('chart.surgery') },
            { value: 'onset', label: t('chart.onset') },
          ]}
          // Chosen with a date: a kind alone says nothing.
          disabled={!form.values.onsetDate}
          value={form.values.onsetKind ?? 'surgery'}
          onChange={(value) => form.setFieldValue('onsetKind', value === 'onset' ? 'onset' : 'surgery')}
        />
      </Group>
    </Stack>
  )
}

/** Shown with the date (OnsetInput): no input of its own. */
export const NoInput = (): ReactNode => null

export function NextAppointmentInput({ form }: InputProps) {
  const { t } = useTranslation('patients')
  return <TextInput label={t('chart.nextAppointment')} type="date" {...form.getInputProps('nextAppointment')} />
}

export function MemberIdInput({ form }: InputProps) {
  const { t } = useTranslation('patients')
  return <TextInput label={t('chart.memberId')} {...form.getInputProps('memberId')} />
}

export function AuthorisedVisitsInput({ form }: InputProps) {
  const { t } = useTranslation('patients')
  return (
    <NumberInput
      label={t('chart.authorisedVisits')}
      min={1}
      max={AUTHORISED_VISITS_MAX}
      allowDecimal={false}
      allowNegative={false}
      {...form.getInputProps('authorisedVisits')}
    />
  )
}
