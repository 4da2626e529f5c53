import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChevronDown, IconFileExport, IconFileImport } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../../app/api-context'
import type { CsvOpened } from '../../../core/csv-contract'
import { CsvExportDialog } from './CsvExportDialog'
import { CsvImportDialog } from './CsvImportDialog'

type Opened = Extract<CsvOpened, { cancelled: false }>

/**
 * The roster's CSV menu (import patients from another system's CSV, or export the roster as CSV) and its dialogs.
 * A hook, so the dialogs stay open while the roster page changes between its empty and its listed view around them.
 */
export function useRosterCsv({ readOnly, canExport }: { readOnly: boolean; canExport: boolean }) {
  const quiet = useQuietApi()
  const { t } = useTranslation('patients')
  const [opened, setOpened] = useState<Opened | null>(null)
  const [exporting, setExporting] = useState(false)
  const choose = async () => {
    // Step 1, the file: chosen in main's file dialog, read and parsed there.
    const result = await quiet.openCsvImport()
    if (result.ok) {
      if (!result.value.cancelled) setOpened(result.value)
      return
    }
    notifications.show(
      result.error.code === 'forbidden'
        ? { color: 'gray', message: t('csv.needsDesktop'), autoClose: 8000 }
        : { color: 'red', title: t('csv.notRead'), message: result.error.message, autoClose: false },
    )
  }
  const menu = (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" rightSection={<IconChevronDown size={16} />}>
          {t('csv.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileImport size={16} />} onClick={() => void choose()} disabled={readOnly}>
          {t('csv.importFromCsv')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)} disabled={!canExport}>
          {t('csv.exportAsCsv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
  const dialogs = (
    <>
      {opened && <CsvImportDialog key={opened.token} opened={opened} onClose={() => setOpened(null)} />}
      {exporting && <CsvExportDialog onClose={() => setExporting(false)} />}
    </>
  )
  return { menu, dialogs }
}
