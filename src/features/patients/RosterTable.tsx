import { Anchor, Badge, Group, Table, Text, UnstyledButton } from '@mantine/core'
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { hrefFor } from '../../app/routes'
import { useDates } from '../../app/use-dates'
import type { PatientSummary } from '../../core/patient'
import type { RosterSortKey as SortKey } from '../../core/roster-order'
import { listName } from '../../core/names'
import { ageOn, statusColor, statusKey } from './format'

type Sort = { key: SortKey; desc: boolean }

function SortHeader(props: { label: string; column: SortKey; sort: Sort; onSort: (key: SortKey) => void }) {
  const { sort, column } = props
  const active = sort.key === column
  const Icon = active && sort.desc ? IconChevronDown : IconChevronUp
  return (
    <Table.Th aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => props.onSort(column)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {props.label}
          <Icon size={14} opacity={active ? 1 : 0.25} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}

/** One page of the roster, with the columns that sort it. */
export function RosterTable({
  rows,
  sort,
  onSort,
}: {
  rows: PatientSummary[]
  sort: Sort
  onSort: (key: SortKey) => void
}) {
  const { t } = useTranslation('patients')
  const { date } = useDates()
  const header = (label: string, column: SortKey) => (
    <SortHeader label={label} column={column} sort={sort} onSort={onSort} />
  )
  return (
    <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
      <Table.Thead>
        <Table.Tr>
          {header(t('table.name'), 'name')}
          {header(t('table.dateOfBirth'), 'dateOfBirth')}
          {header(t('table.chartNumber'), 'chartNumber')}
          <Table.Th>{t('table.condition')}</Table.Th>
          <Table.Th>{t('table.therapist')}</Table.Th>
          <Table.Th>{t('table.status')}</Table.Th>
          {header(t('table.updated'), 'updatedAt')}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Anchor href={hrefFor('patients', p.id)} fw={600} c="var(--mantine-color-text)">
                {listName(p)}
              </Anchor>
              {p.patientType === 'new' && (
                <Badge ml="xs" size="xs" variant="light">
                  {t('table.new')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{p.dateOfBirth ? `${date(p.dateOfBirth)} (${ageOn(p.dateOfBirth)})` : '—'}</Table.Td>
            <Table.Td ff="monospace">{p.chartNumber ?? '—'}</Table.Td>
            <Table.Td maw={240}>
              {/* Cut to the column, whole on hover (the title). */}
              <Text size="sm" truncate title={p.condition}>
                {p.condition ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>{p.therapist ?? ''}</Table.Td>
            <Table.Td>
              {/* Its whole word ("Dado de alta"), never "ACTI…": the badge may not shrink. */}
              <Badge variant="light" color={statusColor[p.status]} style={{ minWidth: 'max-content' }}>
                {t(statusKey[p.status])}
              </Badge>
            </Table.Td>
            <Table.Td c="dimmed">{date(p.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
