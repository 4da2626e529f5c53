import { Button, Group, NativeSelect, Pagination, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileExport } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { momentIn } from '../../app/locale-dates'
import { useRoster } from '../../app/roster-context'
import type { AccessLogEntry, AccessLogPage } from '../../core/access-log'
import { fullName } from '../../core/names'
import type { Settings } from '../../core/settings'

/** Rows on one page of the access log. */
export const ACCESS_LOG_PAGE = 25
/** The "Working as" value for nobody chosen (the log then says "this computer"). */
const THIS_COMPUTER = ''

/** Settings → Access log: who the log names for this session, and the log itself, newest first, by patient. */
export function AccessLogSection({ settings }: { settings: Settings | undefined }) {
  const { t, i18n } = useTranslation('settings')
  const api = useApi()
  const roster = useRoster()
  const [workingAs, setWorkingAs] = useState<string>()
  const [patientId, setPatientId] = useState<string>('')
  const [page, setPage] = useState(1)
  const [log, setLog] = useState<AccessLogPage>()
  const actions: Record<AccessLogEntry['action'], string> = {
    viewed: t('accessLog.action.viewed'),
    created: t('accessLog.action.created'),
    changed: t('accessLog.action.changed'),
    deleted: t('accessLog.action.deleted'),
    exported: t('accessLog.action.exported'),
    printed: t('accessLog.action.printed'),
    imported: t('accessLog.action.imported'),
    restored: t('accessLog.action.restored'),
    programSaved: t('accessLog.action.programSaved'),
    chainBroken: t('accessLog.action.chainBroken'),
  }
  const names = useMemo(() => new Map((roster.patients ?? []).map((p) => [p.id, fullName(p)])), [roster.patients])
  /** The name from the roster; initials alone while the roster's list is still on its way. */
  const patientLabel = (id: string | undefined, initials = '?') =>
    !id ? '—' : (names.get(id) ?? (roster.patients ? t('accessLog.notOnRoster', { initials }) : initials))

  useEffect(() => {
    let live = true
    void api.getWorkingAs().then((r) => live && r.ok && setWorkingAs(r.value.name ?? THIS_COMPUTER))
    return () => void (live = false)
  }, [api])
  useEffect(() => {
    let live = true
    void api
      .getAccessLog({ page: page - 1, pageSize: ACCESS_LOG_PAGE, ...(patientId ? { patientId } : {}) })
      .then((r) => live && r.ok && setLog(r.value))
    return () => void (live = false)
  }, [api, page, patientId])

  const chooseWorkingAs = async (value: string) => {
    const result = await api.setWorkingAs({ name: value === THIS_COMPUTER ? null : value })
    if (result.ok) setWorkingAs(result.value.name ?? THIS_COMPUTER)
  }
  const exportLog = async () => {
    const result = await api.exportAccessLog()
    if (result.ok && result.value.saved)
      notifications.show({ color: 'teal', message: t('accessLog.exported', { path: result.value.path }) })
  }

  const pages = Math.max(1, Math.ceil((log?.total ?? 0) / ACCESS_LOG_PAGE))
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <NativeSelect
          label={t('accessLog.workingAs')}
          value={workingAs ?? THIS_COMPUTER}
          disabled={workingAs === undefined}
          onChange={(e) => void chooseWorkingAs(e.currentTarget.value)}
          data={[
            { value: THIS_COMPUTER, label: t('accessLog.thisComputer') },
            ...(settings?.therapists ?? []).map((th) => ({ value: th.name, label: th.name })),
          ]}
        />
        <NativeSelect
          label={t('accessLog.patient')}
          value={patientId}
          onChange={(e) => (setPatientId(e.currentTarget.value), setPage(1))}
          data={[
            { value: '', label: t('accessLog.allPatients') },
            ...(log?.patients ?? []).map((p) => ({ value: p.patientId, label: patientLabel(p.patientId, p.initials) })),
          ]}
        />
        <Button variant="default" leftSection={<IconFileExport size={18} />} onClick={() => void exportLog()}>
          {t('accessLog.export')}
        </Button>
      </Group>
      {log && log.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('accessLog.empty')}
        </Text>
      ) : (
        <Table withTableBorder striped aria-label={t('accessLog.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accessLog.when')}</Table.Th>
              <Table.Th>{t('accessLog.who')}</Table.Th>
              <Table.Th>{t('accessLog.what')}</Table.Th>
              <Table.Th>{t('accessLog.patient')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(log?.entries ?? []).map((e, i) => (
              <Table.Tr key={`${e.at}-${i}`}>
                <Table.Td>{momentIn(i18n.language, e.at)}</Table.Td>
                <Table.Td>{e.who ?? t('accessLog.thisComputer')}</Table.Td>
                <Table.Td title={e.detail}>{actions[e.action]}</Table.Td>
                <Table.Td>{patientLabel(e.patientId, e.initials)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} />}
    </Stack>
  )
}
