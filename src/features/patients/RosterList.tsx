import { Button, Center, EmptyState, Group, Kbd, Pagination, Paper, Text } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconUserPlus, IconUsers } from '@tabler/icons-react'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../app/PageHeader'
import type { RosterSortKey as SortKey } from '../../core/roster-order'
import { ROSTER_PAGE as PAGE, useRoster } from '../../app/roster-context'
import { RosterFilters, type RosterFilter } from './RosterFilters'
import { rosterRows, shownRows } from './roster-rows'
import { RosterTable } from './RosterTable'
import { useRosterCsv } from './csv/RosterCsvActions'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
const noFilter: RosterFilter = { query: '', status: 'active', kind: null, therapist: null }

/** The roster: search, filters, one page of patients at a time, and the way to add one. */
export function RosterList({ onNew }: { onNew: () => void }) {
  const { patients, firstPage, index, status: rosterStatus } = useRoster()
  const { t } = useTranslation('patients')
  const search = useRef<HTMLInputElement>(null)
  const [filter, setFilter] = useState(noFilter)
  const { query, status, kind, therapist } = filter
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
  const clear = () => setFilter(noFilter)
  const changeFilter = (patch: Partial<RosterFilter>, firstPage = false) => {
    setFilter((f) => ({ ...f, ...patch }))
    if (firstPage) setPage(1)
  }
  const onSort = (key: SortKey) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))
  // Another Homeplan holds the folder: the roster can be read, not changed (the banner above says why).
  const readOnly = rosterStatus?.status === 'read-only'
  const csv = useRosterCsv({ readOnly, canExport: !!total })
  const newButton = (
    <Button
      leftSection={<IconUserPlus size={18} />}
      onClick={onNew}
      rightSection={<Kbd size="xs">N</Kbd>}
      disabled={readOnly}
    >
      {t('roster.newPatient')}
    </Button>
  )

  if (rosterStatus && rosterStatus.status !== 'ready' && !readOnly) {
    // The banner above explains what happened and offers the way out; nothing can be added until then.
    return (
      <>
        {csv.dialogs}
        <PageHeader title={t('roster.title')} subtitle={t('roster.closedSubtitle')} />
      </>
    )
  }
  if (total === 0) {
    return (
      <>
        {csv.dialogs}
        <PageHeader title={t('roster.title')} subtitle={t('roster.emptySubtitle')} />
        <Paper withBorder p="xl" radius="lg">
          <EmptyState
            variant="light"
            size="lg"
            icon={<IconUsers size={32} />}
            title={t('roster.emptyTitle')}
            description={t('roster.emptyDescription')}
          >
            <EmptyState.Actions>
              {newButton}
              {csv.menu}
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      </>
    )
  }

  // The CSV dialogs come first in every view, so they stay open while the view changes around them.
  return (
    <>
      {csv.dialogs}
      <PageHeader
        title={t('roster.title')}
        subtitle={total !== undefined ? t('roster.onComputer', { count: total }) : t('roster.loading')}
        actions={
          <Group gap="sm">
            {csv.menu}
            {newButton}
          </Group>
        }
      />
      <RosterFilters filter={filter} onChange={changeFilter} therapists={therapists} searchRef={search} />
      <Paper withBorder radius="lg">
        <RosterTable rows={shown} sort={sort} onSort={onSort} />
        {loading && (
          <Center p="xl">
            <Text c="dimmed" role="status">
              {t('roster.loadingAll', { count: total ?? 0 })}
            </Text>
          </Center>
        )}
        {!loading && count === 0 && (
          <Center p="xl">
            <Group>
              <Text c="dimmed">{query ? t('roster.noMatchQuery', { query }) : t('roster.noMatch')}</Text>
              {filtersOn && (
                <Button variant="subtle" onClick={clear}>
                  {t('roster.clear')}
                </Button>
              )}
            </Group>
          </Center>
        )}
      </Paper>
      {pages > 1 && (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            {t('roster.count', { count })}
          </Text>
          <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} />
        </Group>
      )}
    </>
  )
}
