import { Button, Group, Popover, Skeleton, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { handoutArg, HandoutOptionsControl, useHandoutOptions } from './HandoutOptions'

/**
 * "Export PDF": layout, paper and log page (the clinic's, or as chosen in the preview), then the system save dialog;
 * the export joins the patient's history.
 */
export function ExportControls({
  patientId,
  programId,
  blocked,
  onExported,
}: {
  patientId: string
  programId?: string
  blocked?: string
  onExported: () => void
}) {
  const { t } = useTranslation('program')
  const api = useApi()
  const [options, setOptions] = useHandoutOptions()
  const [busy, setBusy] = useState(false)
  const ready = options && programId && !blocked

  const run = async () => {
    if (!options || !programId) return
    setBusy(true)
    const result = await api.exportHandout({ patientId, programId, ...handoutArg(options) })
    setBusy(false)
    if (!result.ok || !result.value.saved) return
    notifications.show({ color: 'teal', title: t('export.saved'), message: result.value.path })
    for (const warning of result.value.warnings)
      notifications.show({ color: 'yellow', message: warning, autoClose: 12000 })
    onExported()
  }

  return (
    <Popover position="bottom-end" width={300} withArrow shadow="md">
      <Popover.Target>
        <Button variant="default" leftSection={<IconFileTypePdf size={18} />}>
          {t('export.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          {options ? <HandoutOptionsControl value={options} onChange={setOptions} titled /> : <Skeleton h={160} />}
          {blocked && (
            <Text size="xs" c="orange">
              {blocked}
            </Text>
          )}
          <Group grow gap="xs">
            <Button onClick={() => void run()} loading={busy} disabled={!ready}>
              {t('export.savePdf')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              disabled={!ready}
              onClick={() => ready && void api.printHandout({ patientId, programId, ...handoutArg(options) })}
            >
              {t('export.print')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
