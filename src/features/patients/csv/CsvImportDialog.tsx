import { Button, Group, Modal, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../app/api-context'
import { useRoster } from '../../../app/roster-context'
import type { CsvOpened } from '../../../core/csv-contract'
import type { CsvMapping, DateOrder } from '../../../core/csv-fields'
import type { CsvPlan } from '../../../core/csv-import'
import { CsvDryRunStep } from './CsvDryRunStep'
import { CsvMappingStep } from './CsvMappingStep'

type Opened = Extract<CsvOpened, { cancelled: false }>

/**
 * "Import from CSV…" once a file is chosen: the mapping with the first rows, then the dry run with a reason per row,
 * then the import (nothing is written before). The notification after it offers Undo: the backup taken just before.
 */
export function CsvImportDialog({ opened, onClose }: { opened: Opened; onClose: () => void }) {
  const api = useApi()
  const roster = useRoster()
  const { t } = useTranslation('patients')
  const [mapping, setMapping] = useState<CsvMapping>(opened.mapping)
  const [dateOrder, setDateOrder] = useState<DateOrder | undefined>()
  const [plan, setPlan] = useState<CsvPlan | null>(null)
  const [busy, setBusy] = useState(false)
  const [importing, setImporting] = useState(false)

  const dryRun = async (order = dateOrder) => {
    setBusy(true)
    const result = await api.planCsvImport({ token: opened.token, mapping, dateOrder: order })
    setBusy(false)
    if (result.ok) setPlan(result.value)
  }
  // A new date order reads the dates again.
  const chooseOrder = (order: DateOrder) => {
    setDateOrder(order)
    void dryRun(order)
  }

  const undo = async (notice: string, backupId: string) => {
    notifications.hide(notice)
    const result = await api.restoreBackup({ id: backupId })
    if (!result.ok) return
    await roster.refresh()
    notifications.show({ color: 'teal', message: t('csv.undone') })
  }
  const run = async () => {
    setImporting(true)
    const result = await api.importCsv({ token: opened.token, mapping, dateOrder })
    setImporting(false)
    if (!result.ok) return
    onClose()
    await roster.refresh()
    const notice = `csv-import-${result.value.undo.id}`
    notifications.show({
      id: notice,
      color: 'teal',
      autoClose: 20_000,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">
            {t('csv.done', {
              created: result.value.created,
              updated: result.value.updated,
              skipped: result.value.skipped,
            })}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => void undo(notice, result.value.undo.id)}>
            {t('csv.undo')}
          </Button>
        </Group>
      ),
    })
  }

  return (
    <Modal
      opened
      onClose={importing ? () => {} : onClose}
      size="xl"
      title={plan ? t('csv.dryRun.title') : t('csv.mapping.title')}
    >
      {plan ? (
        <CsvDryRunStep
          plan={plan}
          dateOrder={dateOrder}
          onDateOrder={chooseOrder}
          onBack={() => setPlan(null)}
          onImport={() => void run()}
          importing={importing}
        />
      ) : (
        <CsvMappingStep
          opened={opened}
          mapping={mapping}
          onChange={setMapping}
          onNext={() => void dryRun()}
          busy={busy}
        />
      )}
    </Modal>
  )
}
