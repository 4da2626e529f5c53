import { Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { programT, type ProgramT } from './program-t'
import type { Removed } from './use-program-draft'

/** Says which exercise was removed, with an Undo that puts it back where it was, for 8 seconds. */
export function showRemoved({ item, undo }: Removed, name: string, t: ProgramT = programT): void {
  const id = `removed-${item.id}`
  notifications.show({
    id,
    message: (
      <Group justify="space-between">
        <Text size="sm">{t('builder.removed', { name })}</Text>
        <Button size="compact-xs" variant="light" onClick={() => (undo(), notifications.hide(id))}>
          {t('builder.undo')}
        </Button>
      </Group>
    ),
    autoClose: 8000,
  })
}
