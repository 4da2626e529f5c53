import { Button, Checkbox, Group, Modal, SimpleGrid } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../app/api-context'
import { rosterCsvColumns, type RosterCsvColumn } from '../../../core/csv-fields'
import { fieldKey } from './csv-words'

const chosenFirst: RosterCsvColumn[] = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'chartNumber',
  'phone',
  'email',
  'status',
]

/** "Export as CSV…": the roster's columns a clinic needs, chosen here, saved through the save dialog. */
export function CsvExportDialog({ onClose }: { onClose: () => void }) {
  const api = useApi()
  const { t } = useTranslation('patients')
  const [columns, setColumns] = useState<string[]>(chosenFirst)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    // In the order of the list, whatever order they were ticked in.
    const ordered = rosterCsvColumns.filter((c) => columns.includes(c))
    const result = await api.exportRosterCsv({ columns: ordered })
    setBusy(false)
    if (!result.ok || !result.value.saved) return
    onClose()
    notifications.show({ color: 'teal', message: t('csv.export.saved', { path: result.value.path }) })
  }
  return (
    <Modal opened onClose={onClose} title={t('csv.export.title')}>
      <Checkbox.Group label={t('csv.export.columns')} value={columns} onChange={setColumns}>
        <SimpleGrid cols={2} mt="xs">
          {rosterCsvColumns.map((c) => (
            <Checkbox key={c} value={c} label={t(fieldKey[c])} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('csv.export.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={busy} disabled={columns.length === 0}>
          {t('csv.export.save')}
        </Button>
      </Group>
    </Modal>
  )
}
