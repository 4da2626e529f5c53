import { Alert, Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useDates } from '../../app/use-dates'
import type { PatientSummary } from '../../core/patient'
import { fullName } from '../../core/names'

/** Another patient has the same name and date of birth: probably the same person. */
export function SamePersonWarning(props: {
  twin: PatientSummary
  editing: boolean
  saving: boolean
  onConfirm: () => void
  onBack: () => void
}) {
  const { twin, editing } = props
  const { t } = useTranslation('patients')
  const { date } = useDates()
  return (
    <Alert color="yellow" variant="light" title={t('form.samePerson')}>
      <Text size="sm">
        {t('form.samePersonText', { name: fullName(twin), date: date(twin.dateOfBirth) })}{' '}
        {editing ? t('form.saveAnywayQuestion') : t('form.addAnywayQuestion')}
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" onClick={props.onConfirm} loading={props.saving}>
          {editing ? t('form.saveAnyway') : t('form.addAnyway')}
        </Button>
        <Button size="xs" variant="default" onClick={props.onBack}>
          {t('form.goBack')}
        </Button>
      </Group>
    </Alert>
  )
}

/** Closing a half-filled new patient asks first. */
export function DiscardNewPatient({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const { t } = useTranslation('patients')
  return (
    <Alert color="orange" variant="light" title={t('form.discardTitle')}>
      <Text size="sm">{t('form.discardText')}</Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" variant="default" onClick={onKeep} data-autofocus>
          {t('form.keepEditing')}
        </Button>
        <Button size="xs" color="red" onClick={onDiscard}>
          {t('form.discard')}
        </Button>
      </Group>
    </Alert>
  )
}
