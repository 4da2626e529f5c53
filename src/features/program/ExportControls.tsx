import { Button, Group, Modal, Popover, Skeleton, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import type { AppError } from '../../core/result'
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
  const api = useQuietApi()
  const [options, setOptions] = useHandoutOptions()
  const [busy, setBusy] = useState(false)
  /** What has no words in the handout's language: asked about before anything is printed in English. */
  const [missing, setMissing] = useState<{ message: string; action: 'export' | 'print' }>()
  const ready = options && programId && !blocked

  /**
   * An error, unless it only asks whether to print some parts in English (then that question) or is the browser
   * bridge saying it cannot print (an expected limit, said plainly and not as a failure).
   */
  const failed = (error: AppError, action: 'export' | 'print') =>
    error.field === 'allowEnglish'
      ? setMissing({ message: error.message, action })
      : action === 'print' && error.code === 'forbidden'
        ? notifications.show({ color: 'gray', message: t('export.printNeedsDesktop'), autoClose: 8000 })
        : notifications.show({ color: 'red', title: t('export.failed'), message: error.message, autoClose: 8000 })
  const warn = (warnings: string[]) => {
    for (const warning of warnings) notifications.show({ color: 'yellow', message: warning, autoClose: 12000 })
  }

  const run = async (allowEnglish = false) => {
    if (!options || !programId) return
    setBusy(true)
    const result = await api.exportHandout({ patientId, programId, ...handoutArg(options), allowEnglish })
    setBusy(false)
    if (!result.ok) return failed(result.error, 'export')
    if (!result.value.saved) return
    notifications.show({ color: 'teal', title: t('export.saved'), message: result.value.path })
    warn(result.value.warnings)
    onExported()
  }
  const print = async (allowEnglish = false) => {
    if (!options || !programId) return
    const result = await api.printHandout({ patientId, programId, ...handoutArg(options), allowEnglish })
    if (!result.ok) return failed(result.error, 'print')
    warn(result.value.warnings)
  }

  return (
    <>
      <Modal opened={!!missing} onClose={() => setMissing(undefined)} title={t('export.missingTitle')}>
        <Stack gap="md">
          <Text size="sm">{missing?.message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setMissing(undefined)}>
              {t('export.cancel')}
            </Button>
            <Button
              onClick={() => {
                const action = missing?.action
                setMissing(undefined)
                void (action === 'print' ? print(true) : run(true))
              }}
            >
              {t('export.inEnglish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Popover position="bottom-end" width={300} withArrow shadow="md">
        <Popover.Target>
          <Button variant="default" leftSection={<IconFileTypePdf size={18} />} data-shortcut="export">
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
                onClick={() => ready && void print()}
              >
                {t('export.print')}
              </Button>
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </>
  )
}
