import { Alert, Anchor, Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import { useDates } from '../../app/use-dates'
import { useRoster } from '../../app/roster-context'

/** Shown on every page while the patient file needs attention; offers the way out. */
export function RosterBanner() {
  const api = useApi()
  const { status, refresh } = useRoster()
  const { t } = useTranslation('patients')
  const dates = useDates()
  if (!status) return null
  if (status.status === 'ready') {
    if (status.warnings.length === 0) return null
    return (
      <Alert
        color="yellow"
        icon={<IconAlertTriangle />}
        title={t('banner.damaged')}
        mb="lg"
        data-testid="roster-warnings"
      >
        {status.warnings.map((w) => (
          <Text key={w} size="sm">
            {w}
          </Text>
        ))}
      </Alert>
    )
  }
  if (status.status === 'refused') {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title={t('banner.refused')} mb="lg">
        <Text size="sm">{status.reason}</Text>
        <Button size="xs" mt="sm" variant="default" onClick={() => void api.reopenRoster().then(() => refresh())}>
          {t('banner.tryAgain')}
        </Button>
      </Alert>
    )
  }
  if (status.status === 'read-only') {
    return (
      <Alert color="yellow" icon={<IconLock />} title={t('banner.readOnly')} mb="lg" data-testid="read-only-banner">
        <Text size="sm">{status.reason}</Text>
        <Button size="xs" mt="sm" variant="default" onClick={() => void api.reopenRoster().then(() => refresh())}>
          {t('banner.tryAgain')}
        </Button>
      </Alert>
    )
  }
  const backup = status.newestBackup
  // "Restore the backup from <date> (<n> patients) and re-apply the <n> later changes", each part when known.
  const restoreLabel = (from: NonNullable<typeof backup>) =>
    [
      t('banner.restore', { date: dates.dateTime(from.createdAt) }),
      from.patients !== null && t('banner.backupPatients', { count: from.patients }),
      status.replayable > 0 && t('banner.replay', { count: status.replayable }),
    ]
      .filter(Boolean)
      .join(' ')
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title={t('banner.unopened')} mb="lg">
      <Text size="sm">{status.reason}</Text>
      <Group mt="sm">
        {backup && (
          <Button
            size="xs"
            onClick={() =>
              void api.restoreBackup({ id: backup.id }).then(async (r) => {
                if (!r.ok) return
                notifications.show({
                  color: 'teal',
                  message: t('banner.restored', { date: dates.date(backup.createdAt) }),
                })
                await refresh()
              })
            }
          >
            {restoreLabel(backup)}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={() => void api.startEmptyRoster().then(() => refresh())}>
          {t('banner.startEmpty')}
        </Button>
        <Anchor href={hrefFor('settings')} size="sm">
          {t('banner.allBackups')}
        </Anchor>
      </Group>
    </Alert>
  )
}
