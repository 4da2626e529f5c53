import { Chip, Fieldset, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { weekdays } from '../../core/dosage'
import { timesOfDay, type PatientInput } from '../../core/patient'
import { dayLabels } from '../../core/dosage'
import { timeLabels, type PatientFormApi } from './patient-draft'

type Coverage = PatientInput['appointment']['coverage']
type Kind = NonNullable<Coverage>['kind'] | 'none'

/** Days, time of day and who pays: the patient form's appointment preferences. */
export function AppointmentField({ form }: { form: PatientFormApi }) {
  const { appointment } = form.getValues()
  const coverage = appointment.coverage
  // What was typed for a payer or a detail comes back when the therapist switches away and back.
  const [typed, setTyped] = useState({ payer: '', detail: '' })
  const choose = (kind: Kind) => {
    const kept = {
      payer: coverage?.kind === 'insurance' ? coverage.payer : typed.payer,
      detail: coverage?.kind === 'other' ? (coverage.detail ?? '') : typed.detail,
    }
    setTyped(kept)
    const next: Coverage =
      kind === 'none'
        ? null
        : kind === 'insurance'
          ? { kind, payer: kept.payer }
          : kind === 'other'
            ? { kind, detail: kept.detail }
            : { kind }
    form.setFieldValue('appointment.coverage', next)
  }
  // The payer and the detail show their own errors; anything else about the appointment shows below it.
  const error =
    form.errorIn('appointment.days') ??
    form.errorIn('appointment.timesOfDay') ??
    (form.errors['appointment.coverage'] as string | undefined) ??
    (form.errors['appointment'] as string | undefined)

  return (
    <Fieldset legend="Appointment preferences">
      <Stack gap="sm">
        <Group gap="xs" aria-label="Preferred days">
          <Text size="sm" w={110}>
            Days
          </Text>
          <Chip.Group multiple {...form.getInputProps('appointment.days')}>
            {weekdays.map((d) => (
              <Chip key={d} value={d} size="sm">
                {dayLabels[d]}
              </Chip>
            ))}
          </Chip.Group>
        </Group>
        <Group gap="xs">
          <Text size="sm" w={110}>
            Time of day
          </Text>
          <Chip.Group multiple {...form.getInputProps('appointment.timesOfDay')}>
            {timesOfDay.map((t) => (
              <Chip key={t} value={t} size="sm">
                {timeLabels[t]}
              </Chip>
            ))}
          </Chip.Group>
        </Group>
        <Group gap="xs" align="flex-start">
          <Text size="sm" w={110} mt={6}>
            Coverage
          </Text>
          <SegmentedControl
            value={coverage?.kind ?? 'none'}
            onChange={(v) => choose(v as Kind)}
            aria-label="Coverage"
            data={[
              { value: 'none', label: 'Not set' },
              { value: 'insurance', label: 'Insurance' },
              { value: 'self-pay', label: 'Self-pay' },
              { value: 'other', label: 'Other' },
            ]}
          />
          {coverage?.kind === 'insurance' && (
            <TextInput
              placeholder="e.g. Premera"
              aria-label="Payer name"
              {...form.getInputProps('appointment.coverage.payer')}
            />
          )}
          {coverage?.kind === 'other' && (
            <TextInput
              placeholder="e.g. workers’ comp"
              aria-label="Coverage detail"
              {...form.getInputProps('appointment.coverage.detail')}
            />
          )}
        </Group>
        {error && (
          <Text c="red" size="sm">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  )
}

/** The coverage in words, as the patient's page shows it. */
export function coverageText(c: Coverage): string {
  if (!c) return ''
  return c.kind === 'insurance'
    ? `Insurance: ${c.payer}`
    : c.kind === 'self-pay'
      ? 'Self-pay'
      : `Other${c.detail ? `: ${c.detail}` : ''}`
}
