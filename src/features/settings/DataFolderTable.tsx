import { Badge, Code, Group, Skeleton, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { momentIn } from '../../app/locale-dates'
import { formatBytes } from '../../core/bytes'
import type { DataFolderInfo } from '../../core/contract'

/** Where the data folder is, how it was chosen, and the files in it (names, sizes, dates: never their content). */
export function DataFolderTable({
  folder,
  source,
}: {
  folder: DataFolderInfo | undefined
  source: Record<DataFolderInfo['source'], string>
}) {
  const { t, i18n } = useTranslation('settings')
  if (!folder) return <Skeleton h={60} />
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Code data-testid="data-folder-path">{folder.path}</Code>
        <Badge variant="light" tt="none">
          {source[folder.source]}
        </Badge>
      </Group>
      {folder.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('data.noFiles')}
        </Text>
      ) : (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('data.file')}</Table.Th>
              <Table.Th>{t('data.size')}</Table.Th>
              <Table.Th>{t('data.lastChanged')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {folder.files.map((file) => (
              <Table.Tr key={file.name}>
                <Table.Td>{file.name}</Table.Td>
                <Table.Td>{formatBytes(file.bytes)}</Table.Td>
                <Table.Td>{momentIn(i18n.language, file.modified)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
