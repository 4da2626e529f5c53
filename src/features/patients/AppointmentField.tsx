import { Chip, Fieldset, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDayNames } from '../../app/day-names'
import { weekdays } from '../../core/dosage'
import { timesOfDay, type PatientInput } from '../../core/patient'
import { timeKeys, type PatientFormApi } from './patient-draft'

type Coverage = PatientInput['appointment']['coverage']
type Kind = NonNullable<Coverage>['kind'] | 'none'

/** Days, time of day and who pays: the patient form's appointment preferences. */
export function AppointmentField({ form }: { form: PatientFormApi }) {
  const { t } = useTranslation('patients')
  const dayName = useDayNames()
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
    <Fieldset legend={t('appointment.legend')}>
      <Stack gap="sm">
        <Group gap="xs" aria-label={t('appointment.preferredDays')}>
          <Text size="sm" w={110}>
            {t('appointment.days')}
          </Text>
          <Chip.Group multiple {...form.getInputProps('appointment.days')}>
            {weekdays.map((d) => (
              <Chip key={d} value={d} size="sm">
                {dayName(d)}
              </Chip>
            ))}
          </Chip.Group>
        </Group>
        <Group gap="xs">
          <Text size="sm" w={110}>
            {t('appointment.timeOfDay')}
          </Text>
          <Chip.Group multiple {...form.getInputProps('appointment.timesOfDay')}>
            {timesOfDay.map((time) => (
              <Chip key={time} value={time} size="sm">
                {t(timeKeys[time])}
              </Chip>
            ))}
          </Chip.Group>
        </Group>
        <Group gap="xs" align="flex-start">
          <Text size="sm" w={110} mt={6}>
            {t('appointment.coverage')}
          </Text>
          <SegmentedControl
            value={coverage?.kind ?? 'none'}
            onChange={(v) => choose(v as Kind)}
            aria-label={t('appointment.coverage')}
            data={[
              { value: 'none', label: t('appointment.notSet') },
              { value: 'insurance', label: t('appointment.insurance') },
              { value: 'self-pay', label: t('appointment.selfPay') },
              { value: 'other', label: t('appointment.other') },
            ]}
          />
          {coverage?.kind === 'insurance' && (
            <TextInput
              placeholder={t('appointment.payerPlaceholder')}
              aria-label={t('appointment.payer')}
              {...form.getInputProps('appointment.coverage.payer')}
            />
          )}
          {coverage?.kind === 'other' && (
            <TextInput
              placeholder={t('appointment.detailPlaceholder')}
              aria-label={t('appointment.detail')}
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
export function coverageText(c: Coverage, t: TFunction<'patients'>): string {
  if (!c) return ''
  return c.kind === 'insurance'
    ? t('appointment.insuranceText', { payer: c.payer })
    : c.kind === 'self-pay'
      ? t('appointment.selfPay')
      : c.detail
        ? t('appointment.otherText', { detail: c.detail })
        : t('appointment.other')
}
