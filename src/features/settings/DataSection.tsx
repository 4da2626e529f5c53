import { Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDatabaseExport, IconDatabaseImport, IconDeviceFloppy } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useApi } from '../../app/api-context'
import { formatBytes } from '../../core/bytes'
import { formatDateTime as when } from '../../core/dates'
import type { BackupInfo, ImportReport } from '../../core/roster-contract'
import { useRoster } from '../../app/roster-context'

const kindLabel: Record<BackupInfo['kind'], string> = {
  auto: 'Automatic',
  manual: 'Backed up by you',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
  'before-migration': 'Before an upgrade',
}

/** Settings → Data: the patient file, backups and restore, export and import. */
export function DataSection({ onChanged }: { onChanged: () => void }) {
  const api = useApi()
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
      title: `Restored the backup from ${label}`,
      autoClose: 15000,
      message: undo ? (
        <Button
          size="compact-xs"
          variant="light"
          mt={4}
          onClick={() => void restore(undo.id, when(undo.createdAt)).then(() => notifications.clean())}
        >
          Undo this restore
        </Button>
      ) : (
        'The roster is open again.'
      ),
    })
    await Promise.all([roster.refresh(), reload()])
  }

  const file = roster.status?.file
  return (
    <Stack gap="sm">
      {file && (
        <Text size="sm">
          Patient file: <Code data-testid="roster-file">{file}</Code>
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
                  message: `Backed up ${r.value.patients === 1 ? '1 patient' : `${r.value.patients ?? 0} patients`}.`,
                })
              await reload()
            })
          )}
        >
          Back up now
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
                  notifications.show({ color: 'teal', message: `Exported the roster to ${r.value.path}` }),
              )
          }
        >
          Export roster…
        </Button>
        <Button
          variant="default"
          leftSection={<IconDatabaseImport size={18} />}
          onClick={() =>
            void api.importRoster().then(async (r) => {
              if (!r.ok || r.value.cancelled) return
              setReport(r.value)
              await Promise.all([roster.refresh(), reload()])
            })
          }
        >
          Import patients…
        </Button>
      </Group>
      <Text size="sm" fw={600} mt="sm">
        Backups
      </Text>
      {backups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No backups yet. Homeplan backs up automatically while you work (at most every 5 minutes), and you can back up
          now at any time.
        </Text>
      ) : (
        <Table withTableBorder striped aria-label="Backups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Patients</Table.Th>
              <Table.Th>Size</Table.Th>
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
                      Restore…
                    </Button>
                  ) : (
                    <Text size="xs" c="red.8" title={b.problem}>
                      Damaged: cannot be restored
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
        title={<Text fw={700}>Restore this backup?</Text>}
      >
        {confirm && (
          <>
            <Text size="sm">
              The roster goes back to how it was on {when(confirm.createdAt)} ({confirm.patients ?? 'unknown number of'}{' '}
              patients). Your current roster is backed up first, so you can undo this.
            </Text>
            <Group justify="flex-end" mt="lg">
              <Button variant="default" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
              <Button
                onClick={() => {
                  const chosen = confirm
                  setConfirm(null)
                  void restore(chosen.id, when(chosen.createdAt))
                }}
              >
                Restore backup
              </Button>
            </Group>
          </>
        )}
      </Modal>
      <Modal
        opened={report !== null}
        onClose={() => setReport(null)}
        title={<Text fw={700}>Import finished</Text>}
        size="lg"
      >
        {report && (
          <Stack gap="sm">
            <Text size="sm">
              {report.imported} {report.imported === 1 ? 'patient was' : 'patients were'} added.
            </Text>
            {report.duplicates.length > 0 && (
              <>
                <Text size="sm">
                  {report.duplicates.length} {report.duplicates.length === 1 ? 'patient was' : 'patients were'} not
                  imported because the chart number is already in use. Check them and add them by hand if they are
                  different people.
                </Text>
                <Table withTableBorder aria-label="Not imported">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Chart #</Table.Th>
                      <Table.Th>In the file</Table.Th>
                      <Table.Th>Already on the roster</Table.Th>
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
              <Button onClick={() => setReport(null)}>Done</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
