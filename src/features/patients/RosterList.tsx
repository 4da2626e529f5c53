import {
  Anchor,
  Badge,
  Button,
  Center,
  EmptyState,
  Group,
  Kbd,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconChevronDown, IconChevronUp, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react'
import { useMemo, useRef, useState } from 'react'
import { PageHeader } from '../../app/PageHeader'
import { hrefFor } from '../../app/routes'
import type { RosterSortKey as SortKey } from '../../core/roster-order'
import { ageOn, displayName, formatDate, statusColor, statusLabel } from './format'
import { ROSTER_PAGE as PAGE, useRoster } from './roster-context'
import { rosterRows, shownRows } from './roster-rows'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

function SortHeader({
  label,
  column,
  sort,
  onSort,
}: {
  label: string
  column: SortKey
  sort: { key: SortKey; desc: boolean }
  onSort: (key: SortKey) => void
}) {
  const active = sort.key === column
  const Icon = active && sort.desc ? IconChevronDown : IconChevronUp
  return (
    <Table.Th aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} opacity={active ? 1 : 0.25} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}

export function RosterList({ onNew }: { onNew: () => void }) {
  const { patients, firstPage, index, status: rosterStatus } = useRoster()
  const search = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<'active' | 'discharged' | 'archived' | 'all'>('active')
  const [kind, setKind] = useState<string | null>(null)
  const [therapist, setTherapist] = useState<string | null>(null)
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false })
  const [page, setPage] = useState(1)

  useHotkeys([
    ['/', () => search.current?.focus()],
    ['mod+F', () => search.current?.focus()],
    ['N', onNew],
    ['mod+shift+N', onNew],
  ])

  const therapists = useMemo(
    () => [...new Set((patients ?? []).map((p) => p.therapist).filter((t): t is string => !!t))].sort(collator.compare),
    [patients],
  )
  const rows = useMemo(
    () => (patients ? rosterRows(index, { query, status, kind, therapist, sort }) : undefined),
    [patients, index, query, status, kind, therapist, sort],
  )
  // Until the whole roster is here, the opening screen main sent first stands in for the opening view.
  const { shown, count, loading } = shownRows(rows, firstPage, { query, status, kind, therapist, sort }, page, PAGE)
  const pages = Math.max(1, Math.ceil(count / PAGE))
  const total = patients?.length ?? firstPage?.total
  const filtersOn = query !== '' || status !== 'active' || kind !== null || therapist !== null
  const clear = () => {
    setQuery('')
    setStatus('active')
    setKind(null)
    setTherapist(null)
  }
  const onSort = (key: SortKey) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))
  // Another Homeplan holds the folder: the roster can be read, not changed (the banner above says why).
  const readOnly = rosterStatus?.status === 'read-only'
  const newButton = (
    <Button
      leftSection={<IconUserPlus size={18} />}
      onClick={onNew}
      rightSection={<Kbd size="xs">N</Kbd>}
      disabled={readOnly}
    >
      New patient
    </Button>
  )

  if (rosterStatus && rosterStatus.status !== 'ready' && !readOnly) {
    // The banner above explains what happened and offers the way out; nothing can be added until then.
    return <PageHeader title="Patients" subtitle="Your roster appears here once the patient file is open again." />
  }
  if (total === 0) {
    return (
      <>
        <PageHeader title="Patients" subtitle="Everyone you build home programs for, stored only on this computer." />
        <Paper withBorder p="xl" radius="lg">
          <EmptyState
            variant="light"
            size="lg"
            icon={<IconUsers size={32} />}
            title="No patients yet"
            description="Add your first patient to start building home exercise programs. You can also import a roster in Settings → Data."
          >
            <EmptyState.Actions>{newButton}</EmptyState.Actions>
          </EmptyState>
        </Paper>
      </>
    )
  }

  return (
    <>
      <PageHeader
        title="Patients"
        subtitle={total !== undefined ? `${total.toLocaleString()} on this computer` : 'Loading…'}
        actions={newButton}
      />
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          ref={search}
          aria-label="Search patients"
          placeholder="Name, chart number or date of birth"
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">/</Kbd>}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value)
            setPage(1)
          }}
          w={280}
        />
        <SegmentedControl
          aria-label="Status"
          value={status}
          onChange={(v) => (setStatus(v as typeof status), setPage(1))}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'discharged', label: 'Discharged' },
            { value: 'archived', label: 'Archived' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Select
          aria-label="New or existing"
          placeholder="New and existing"
          clearable
          value={kind}
          onChange={setKind}
          w={170}
          data={[
            { value: 'new', label: 'New patients' },
            { value: 'existing', label: 'Existing patients' },
          ]}
        />
        <Select
          aria-label="Therapist"
          placeholder="Any therapist"
          clearable
          value={therapist}
          onChange={setTherapist}
          data={therapists}
          w={200}
          searchable
        />
      </Group>
      <Paper withBorder radius="lg">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="Name" column="name" sort={sort} onSort={onSort} />
              <SortHeader label="Date of birth" column="dateOfBirth" sort={sort} onSort={onSort} />
              <SortHeader label="Chart #" column="chartNumber" sort={sort} onSort={onSort} />
              <Table.Th>Condition</Table.Th>
              <Table.Th>Therapist</Table.Th>
              <Table.Th>Status</Table.Th>
              <SortHeader label="Updated" column="updatedAt" sort={sort} onSort={onSort} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor href={hrefFor('patients', p.id)} fw={600} c="var(--mantine-color-text)">
                    {displayName(p)}
                  </Anchor>
                  {p.patientType === 'new' && (
                    <Badge ml="xs" size="xs" variant="light">
                      New
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.dateOfBirth ? `${formatDate(p.dateOfBirth)} (${ageOn(p.dateOfBirth)})` : '—'}</Table.Td>
                <Table.Td ff="monospace">{p.chartNumber ?? '—'}</Table.Td>
                <Table.Td maw={240}>
                  <Text size="sm" truncate>
                    {p.condition ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>{p.therapist ?? ''}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={statusColor[p.status]}>
                    {statusLabel[p.status]}
                  </Badge>
                </Table.Td>
                <Table.Td c="dimmed">{formatDate(p.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {loading && (
          <Center p="xl">
            <Text c="dimmed" role="status">
              Loading all {total?.toLocaleString()} patients…
            </Text>
          </Center>
        )}
        {!loading && count === 0 && (
          <Center p="xl">
            <Group>
              <Text c="dimmed">{query ? `No patients match “${query}”.` : 'No patients match these filters.'}</Text>
              {filtersOn && (
                <Button variant="subtle" onClick={clear}>
                  Clear search and filters
                </Button>
              )}
            </Group>
          </Center>
        )}
      </Paper>
      {pages > 1 && (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            {count.toLocaleString()} patients
          </Text>
          <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} />
        </Group>
      )}
    </>
  )
}
