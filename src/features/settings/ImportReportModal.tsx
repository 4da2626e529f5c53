import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportReport as Report } from '../../core/roster-contract'

/** What an import did: how many patients were added, and which were not because their chart number is taken. */
export function ImportReportModal({ report, onClose }: { report: Report | null; onClose: () => void }) {
  const { t } = useTranslation('settings')
  return (
    <Modal opened={report !== null} onClose={onClose} title={<Text fw={700}>{t('import.title')}</Text>} size="lg">
      {report && (
        <Stack gap="sm">
          <Text size="sm">{t('import.added', { count: report.imported })}</Text>
          {report.duplicates.length > 0 && (
            <>
              <Text size="sm">{t('import.duplicates', { count: report.duplicates.length })}</Text>
              <Table withTableBorder aria-label={t('import.notImported')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.chartNumber')}</Table.Th>
                    <Table.Th>{t('import.inFile')}</Table.Th>
                    <Table.Th>{t('import.onRoster')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.duplicates.map((d, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{d.chartNumber}</Table.Td>
                      <Table.Td>{d.importedName}</Table.Td>
                      <Table.Td>{d.existingName}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('import.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
