import { Alert, Anchor, Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import { formatDate } from './format'
import { useRoster } from './roster-context'

/** Shown on every page while the patient file needs attention; offers the way out. */
export function RosterBanner() {
  const api = useApi()
  const { status, refresh } = useRoster()
  if (!status || status.status === 'ready') return null
  if (status.status === 'refused') {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="This patient file needs a newer Homeplan" mb="lg">
        {status.reason}
      </Alert>
    )
  }
  const backup = status.newestBackup
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title="Your patient file could not be opened" mb="lg">
      <Text size="sm">{status.reason}</Text>
      <Group mt="sm">
        {backup && (
          <Button size="xs" onClick={() => void api.restoreBackup({ id: backup.id }).then(async (r) => {
            if (!r.ok) return
            notifications.show({ color: 'teal', message: `Restored the backup from ${formatDate(backup.createdAt)}.` })
            await refresh()
          })}>
            Restore the backup from {formatDate(backup.createdAt)} {new Date(backup.createdAt).toLocaleTimeString()}
            {backup.patients !== null ? ` (${backup.patients} patients)` : ''}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={() => void api.startEmptyRoster().then(() => refresh())}>Start an empty roster</Button>
        <Anchor href={hrefFor('settings')} size="sm">See all backups</Anchor>
      </Group>
    </Alert>
  )
}
