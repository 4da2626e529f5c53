import { Center, Group, Loader, Text } from '@mantine/core'
import { lazy } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The sections other than Patients, each loaded the first time it is opened: the program builder brings pdf.js
 * with it (through its preview) and the library the pose editor, which the roster at start does not need.
 */
export const ProgramPage = lazy(() =>
  import('../features/program/ProgramPage').then((m) => ({ default: m.ProgramPage })),
)
export const LibraryPage = lazy(() =>
  import('../features/library/LibraryPage').then((m) => ({ default: m.LibraryPage })),
)
export const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
)

/** Shown while a section's code loads (a moment, the first time only). */
export function PageLoading() {
  const { t } = useTranslation('app')
  return (
    <Center p="xl">
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text c="dimmed">{t('shell.loading')}</Text>
      </Group>
    </Center>
  )
}
