import { Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFolderOpen, IconRefresh } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuietApi } from '../../app/api-context'
import { useDates } from '../../app/use-dates'
import { useOpenPack } from '../../components/packs/use-open-pack'
import { formatBytes } from '../../core/bytes'
import type { ClinicFolderList } from '../../core/pack'

/**
 * Settings → Library: the clinic's shared folder (a network drive or a synced folder), optional. Its packs are
 * listed here, those new since the last look marked, and each opens in the same preview as a pack from a file.
 */
export function ClinicFolderSection() {
  const { t } = useTranslation('settings')
  const api = useApi()
  const quiet = useQuietApi()
  const { dateTime } = useDates()
  const [list, setList] = useState<ClinicFolderList>()
  const { show, dialog } = useOpenPack()
  const check = useCallback(() => api.listClinicPacks({ remember: true }).then((r) => r.ok && setList(r.value)), [api])
  useEffect(() => void check(), [check])

  const choose = async (clear: boolean) => {
    const result = await quiet.chooseClinicFolder({ clear })
    if (!result.ok) {
      notifications.show(
        result.error.code === 'forbidden'
          ? { color: 'gray', message: t('clinicFolder.needsDesktop'), autoClose: 8000 }
          : { color: 'red', message: result.error.message },
      )
      return
    }
    await check()
  }

  return (
    <Stack gap="sm">
      <Text size="sm">
        {list?.folder ? (
          <>
            {t('clinicFolder.current')} <Code>{list.folder}</Code>
          </>
        ) : (
          t('clinicFolder.none')
        )}
      </Text>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void choose(false)}>
          {t(list?.folder ? 'clinicFolder.change' : 'clinicFolder.choose')}
        </Button>
        {list?.folder && (
          <>
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void check()}>
              {t('clinicFolder.checkNow')}
            </Button>
            <Button variant="subtle" color="gray" onClick={() => void choose(true)}>
              {t('clinicFolder.clear')}
            </Button>
          </>
        )}
      </Group>
      {list?.problem && (
        <Text size="sm" c="red" role="alert">
          {list.problem}
        </Text>
      )}
      {list?.folder && !list.problem && list.packs.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('clinicFolder.empty')}
        </Text>
      )}
      {list && list.packs.length > 0 && (
        <Table aria-label={t('clinicFolder.packs')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clinicFolder.pack')}</Table.Th>
              <Table.Th>{t('clinicFolder.modified')}</Table.Th>
              <Table.Th>{t('data.size')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.packs.map((pack) => (
              <Table.Tr key={pack.name}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm">{pack.name}</Text>
                    {pack.isNew && (
                      <Badge size="sm" color="teal" variant="light">
                        {t('clinicFolder.new')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{dateTime(pack.modified)}</Table.Td>
                <Table.Td>{formatBytes(pack.bytes)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t('clinicFolder.openNamed', { name: pack.name })}
                    onClick={() => void quiet.openClinicPack({ name: pack.name }).then(show)}
                  >
                    {t('clinicFolder.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {dialog}
    </Stack>
  )
}
