import { Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDatabaseExport, IconDatabaseImport, IconDeviceFloppy } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuietApi } from '../../app/api-context'
import { formatBytes } from '../../core/bytes'
import type { BackupInfo, ImportReport } from '../../core/roster-contract'
import { useRoster } from '../../app/roster-context'
import { momentIn } from '../../app/locale-dates'
import { ImportReportModal } from './ImportReportModal'

/** Settings → Data: the patient file, backups and restore, export and import. */
export function DataSection({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation('settings')
  const when = (iso: string) => momentIn(i18n.language, iso)
  const kindLabel: Record<BackupInfo['kind'], string> = {
    auto: t('backups.auto'),
    manual: t('backups.manual'),
    'before-restore': t('backups.beforeRestore'),
    'before-import': t('backups.beforeImport'),
    'before-migration': t('backups.beforeMigration'),
  }
  const api = useApi()
  const quiet = useQuietApi()
  const roster = useRoster()
  const [backups, setBackups] = useState<BackupInfo[]>([])
  const [confirm, setConfirm] = useState<BackupInfo | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [busy, setBusy] = useState(false)

  const fetchBackups = useCallback(() => api.listBackups().then((r) => (r.ok ? r.value : [])), [api])
  useEffect(() => {
    let live = true
    void fetchBackups().then((list) => live && setBackups(list))
    return () => void (live = false)
  }, [fetchBackups])
  const reload = useCallback(async () => {
    setBackups(await fetchBackups())
    onChanged()
  }, [fetchBackups, onChanged])

  const restore = async (id: string, label: string) => {
    const result = await api.restoreBackup({ id })
    if (!result.ok) return
    const undo = result.value.undo
    notifications.show({
      color: 'teal',
      title: t('backups.restored', { when: label }),
      autoClose: 15000,
      message: undo ? (
        <Button
          size="compact-xs"
          variant="light"
          mt={4}
          onClick={() => void restore(undo.id, when(undo.createdAt)).then(() => notifications.clean())}
        >
          {t('backups.undoRestore')}
        </Button>
      ) : (
        t('backups.reopened')
      ),
    })
    await Promise.all([roster.refresh(), reload()])
  }

  const file = roster.status?.file
  return (
    <Stack gap="sm">
      {file && (
        <Text size="sm">
          {t('backups.patientFile')} <Code data-testid="roster-file">{file}</Code>
        </Text>
      )}
      <Group>
        <Button
          leftSection={<IconDeviceFloppy size={18} />}
          loading={busy}
          onClick={() => (
            setBusy(true),
            void api.backupNow().then(async (r) => {
              setBusy(false)
              if (r.ok)
                notifications.show({
                  color: 'teal',
                  message: t('backups.backedUp', { count: r.value.patients ?? 0 }),
                })
              await reload()
            })
          )}
        >
          {t('backups.backUpNow')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconDatabaseExport size={18} />}
          onClick={() =>
            void api
              .exportRoster()
              .then(
                (r) =>
                  r.ok &&
                  r.value.saved &&
                  notifications.show({ color: 'teal', message: t('backups.exported', { path: r.value.path }) }),
              )
          }
        >
          {t('backups.exportRoster')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconDatabaseImport size={18} />}
          onClick={() =>
            void quiet.importRoster().then(async (r) => {
              // The browser version has no file dialog: said plainly, as a known limit rather than a failure.
              if (!r.ok)
                return notifications.show(
                  r.error.code === 'forbidden'
                    ? { color: 'gray', message: t('backups.importNeedsDesktop'), autoClose: 8000 }
                    : { color: 'red', title: t('backups.importFailed'), message: r.error.message },
                )
              if (r.value.cancelled) return
              setReport(r.value)
              await Promise.all([roster.refresh(), reload()])
            })
          }
        >
          {t('backups.importPatients')}
        </Button>
      </Group>
      <Text size="sm" fw={600} mt="sm">
        {t('backups.heading')}
      </Text>
      {backups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('backups.none')}
        </Text>
      ) : (
        <Table withTableBorder striped aria-label={t('backups.heading')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backups.taken')}</Table.Th>
              <Table.Th>{t('backups.kind')}</Table.Th>
              <Table.Th>{t('backups.patients')}</Table.Th>
              <Table.Th>{t('backups.size')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{when(b.createdAt)}</Table.Td>
                <Table.Td>{kindLabel[b.kind]}</Table.Td>
                <Table.Td>{b.patients ?? '—'}</Table.Td>
                <Table.Td>{formatBytes(b.bytes)}</Table.Td>
                <Table.Td ta="right">
                  {b.usable ? (
                    <Button size="compact-sm" variant="subtle" onClick={() => setConfirm(b)}>
                      {t('backups.restore')}
                    </Button>
                  ) : (
                    <Text size="xs" c="red.8" title={b.problem}>
                      {t('backups.damaged')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={<Text fw={700}>{t('backups.confirmTitle')}</Text>}
      >
        {confirm && (
          <>
            <Text size="sm">
              {confirm.patients == null
                ? t('backups.confirmUnknown', { when: when(confirm.createdAt) })
                : t('backups.confirm', { when: when(confirm.createdAt), count: confirm.patients })}
            </Text>
            <Group justify="flex-end" mt="lg">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t('backups.cancel')}
              </Button>
              <Button
                onClick={() => {
                  const chosen = confirm
                  setConfirm(null)
                  void restore(chosen.id, when(chosen.createdAt))
                }}
              >
                {t('backups.restoreBackup')}
              </Button>
            </Group>
          </>
        )}
      </Modal>
      <ImportReportModal report={report} onClose={() => setReport(null)} />
    </Stack>
  )
}
