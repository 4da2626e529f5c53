import { Alert, Button, Group, ScrollArea, Select, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { csvFields, type CsvMapping } from '../../../core/csv-fields'
import type { CsvOpened } from '../../../core/csv-contract'
import { fieldKey } from './csv-words'

type Opened = Extract<CsvOpened, { cancelled: false }>
const LEAVE_OUT = '-'

/** Step 2: which patient field each column fills, with the first rows of the file under the headers. */
export function CsvMappingStep({
  opened,
  mapping,
  onChange,
  onNext,
  busy,
}: {
  opened: Opened
  mapping: CsvMapping
  onChange: (mapping: CsvMapping) => void
  onNext: () => void
  busy: boolean
}) {
  const { t } = useTranslation('patients')
  const options = [
    { value: LEAVE_OUT, label: t('csv.mapping.leaveOut') },
    ...csvFields.map((f) => ({ value: f, label: t(fieldKey[f]) })),
  ]
  const namesMapped = mapping.includes('firstName') && mapping.includes('lastName')
  const choose = (column: number, value: string | null) =>
    onChange(
      mapping.map((field, i) => {
        if (i === column) return !value || value === LEAVE_OUT ? '' : (value as CsvMapping[number])
        // A field fills one column: choosing it here takes it from the column that had it.
        return field !== '' && field === value ? '' : field
      }),
    )
  return (
    <>
      <Text size="sm" mb="sm">
        {t('csv.mapping.summary', { file: opened.file, count: opened.rowCount, encoding: opened.encoding })}
      </Text>
      <ScrollArea>
        <Table withTableBorder withColumnBorders aria-label={t('csv.mapping.table')}>
          <Table.Thead>
            <Table.Tr>
              {opened.columns.map((column, i) => (
                <Table.Th key={i} miw={160}>
                  <Text size="sm" fw={600} mb={4}>
                    {column}
                  </Text>
                  <Select
                    aria-label={t('csv.mapping.fieldFor', { column })}
                    data={options}
                    value={mapping[i] || LEAVE_OUT}
                    onChange={(value) => choose(i, value)}
                    allowDeselect={false}
                    size="xs"
                  />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {opened.preview.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((cell, c) => (
                  <Table.Td key={c} c={mapping[c] ? undefined : 'dimmed'}>
                    {cell}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {!namesMapped && (
        <Alert color="yellow" mt="sm">
          {t('csv.mapping.needNames')}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button onClick={onNext} disabled={!namesMapped} loading={busy}>
          {t('csv.mapping.next')}
        </Button>
      </Group>
    </>
  )
}
