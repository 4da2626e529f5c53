import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useDayNames } from '../../app/day-names'
import { useDates } from '../../app/use-dates'
import type { Patient } from '../../core/patient'
import { patientFieldList } from './patient-fields'

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  )
}

/** The patient's own details, each as the form's field table says to show it. */
export function PatientDetailsCard({ patient }: { patient: Patient }) {
  const { t } = useTranslation('patients')
  const words = { t, dates: useDates(), dayName: useDayNames() }
  const shown = patientFieldList.flatMap(([name, view]) =>
    (view.details ?? []).map((detail) => ({
      ...detail,
      value: detail.show ? detail.show(patient, words) : (patient[name] as ReactNode),
    })),
  )
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={3} size="h4" mb="md">
        {t('details.title')}
      </Title>
      <SimpleGrid cols={2} spacing="md">
        {shown
          .filter((d) => !d.wide)
          .map((d) => (
            <Field key={d.label} label={t(d.label)}>
              {d.value}
            </Field>
          ))}
      </SimpleGrid>
      <Stack mt="md">
        {shown
          .filter((d) => d.wide)
          .map((d) => (
            <Field key={d.label} label={t(d.label)}>
              {d.value}
            </Field>
          ))}
      </Stack>
    </Card>
  )
}
