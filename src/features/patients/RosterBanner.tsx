import { Alert, Anchor, Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconLock } from '@tabler/icons-react'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import { formatDate, formatDateTime } from '../../core/dates'
import { useRoster } from '../../app/roster-context'

/** Shown on every page while the patient file needs attention; offers the way out. */
export function RosterBanner() {
  const api = useApi()
  const { status, refresh } = useRoster()
  if (!status) return null
  if (status.status === 'ready') {
    if (status.warnings.length === 0) return null
    return (
      <Alert
        color="yellow"
        icon={<IconAlertTriangle />}
        title="Part of the patient file was damaged"
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
      <Alert color="red" icon={<IconAlertTriangle />} title="The patient file could not be opened" mb="lg">
        <Text size="sm">{status.reason}</Text>
        <Button size="xs" mt="sm" variant="default" onClick={() => void api.reopenRoster().then(() => refresh())}>
          Try again
        </Button>
      </Alert>
    )
  }
  if (status.status === 'read-only') {
    return (
      <Alert
        color="yellow"
        icon={<IconLock />}
        title="Read-only: nothing can be changed right now"
        mb="lg"
        data-testid="read-only-banner"
      >
        <Text size="sm">{status.reason}</Text>
        <Button size="xs" mt="sm" variant="default" onClick={() => void api.reopenRoster().then(() => refresh())}>
          Try again
        </Button>
      </Alert>
    )
  }
  const backup = status.newestBackup
  const replay =
    status.replayable > 0
      ? ` and re-apply ${status.replayable === 1 ? 'the 1 later change' : `the ${status.replayable} later changes`}`
      : ''
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title="Your patient file could not be opened" mb="lg">
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
                  message: `Restored the backup from ${formatDate(backup.createdAt)}.`,
                })
                await refresh()
              })
            }
          >
            Restore the backup from {formatDateTime(backup.createdAt)}
            {backup.patients !== null ? ` (${backup.patients} patients)` : ''}
            {replay}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={() => void api.startEmptyRoster().then(() => refresh())}>
          Start an empty roster
        </Button>
        <Anchor href={hrefFor('settings')} size="sm">
          See all backups
        </Anchor>
      </Group>
    </Alert>
  )
}
