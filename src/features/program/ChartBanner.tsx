import { Alert, Badge, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { localDay, weeksBetween } from '../../core/dates'
import type { Patient } from '../../core/patient'

/**
 * The patient's precautions, at the top of the builder, for the therapist only. The handout is built from the
 * program and the patient's names alone (electron/services/handout/handout-input.ts), so they are never printed.
 */
export function ChartBanner({ patient }: { patient: Pick<Patient, 'precautions'> }) {
  const { t } = useTranslation('program')
  if (!patient.precautions) return null
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} mb="md" data-testid="precautions">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        <Text span fw={700}>
          {t('chart.precautions')}
        </Text>{' '}
        {patient.precautions}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('chart.therapistOnly')}
      </Text>
    </Alert>
  )
}

/** "6 weeks since surgery" beside the program's title, when the patient's chart has the date. */
export function WeeksSince({ patient }: { patient: Pick<Patient, 'onsetDate' | 'onsetKind'> }) {
  const { t } = useTranslation('program')
  if (!patient.onsetDate) return null
  const count = weeksBetween(patient.onsetDate, localDay())
  return (
    <Badge variant="light" color="grape" size="sm" style={{ textTransform: 'none' }}>
      {patient.onsetKind === 'onset' ? t('chart.weeksSinceOnset', { count }) : t('chart.weeksSinceSurgery', { count })}
    </Badge>
  )
}
