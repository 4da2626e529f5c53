import {
  Badge,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  useMantineColorScheme,
} from '@mantine/core'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useApi } from '../../app/api-context'
import { PageHeader } from '../../app/PageHeader'
import { formatBytes } from '../../core/bytes'
import type { AppInfo, DataFolderInfo } from '../../core/contract'
import { formatDateTime } from '../../core/dates'
import { paperLabels, paperSizes } from '../../core/handout-options'
import type { Settings, SettingsPatch } from '../../core/settings'
import { ClinicSection } from './ClinicSection'
import { DataSection } from './DataSection'

const sourceLabel: Record<DataFolderInfo['source'], string> = {
  default: 'Standard location',
  flag: 'Set by --data-dir',
  env: 'Set by HOMEPLAN_DATA_DIR',
}

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="lg">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {description}
      </Text>
      {children}
    </Paper>
  )
}

const colorSchemeChoices: { value: Settings['colorScheme']; label: string }[] = [
  { value: 'auto', label: 'Match system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]
const paperChoices = paperSizes.map((value) => ({ value, label: paperLabels[value] }))

/** A segmented choice that shows a placeholder until the saved value has loaded. */
function Choice<T extends string>(props: {
  label: string
  value: T | undefined
  onChange: (value: T) => void
  data: { value: T; label: string }[]
}) {
  if (props.value === undefined) return <Skeleton h={36} w={props.data.length * 100} />
  return (
    <SegmentedControl
      aria-label={props.label}
      value={props.value}
      onChange={(v) => props.onChange(v as T)}
      data={props.data}
    />
  )
}

export function SettingsPage() {
  const api = useApi()
  const { setColorScheme } = useMantineColorScheme()
  const [settings, setSettings] = useState<Settings>()
  const [folder, setFolder] = useState<DataFolderInfo>()
  const [info, setInfo] = useState<AppInfo>()

  const loadFolder = useCallback(() => void api.getDataFolder().then((r) => r.ok && setFolder(r.value)), [api])
  useEffect(() => {
    // Replies that arrive after leaving the page are dropped.
    let live = true
    void api.getSettings().then((r) => live && r.ok && setSettings(r.value))
    void api.getAppInfo().then((r) => live && r.ok && setInfo(r.value))
    void api.getDataFolder().then((r) => live && r.ok && setFolder(r.value))
    return () => void (live = false)
  }, [api])

  const update = async (patch: SettingsPatch) => {
    const result = await api.updateSettings(patch)
    if (result.ok) {
      setSettings(result.value)
      if (patch.colorScheme) setColorScheme(patch.colorScheme)
    }
  }

  return (
    <>
      <PageHeader title="Settings" subtitle="Preferences for Homeplan on this computer." />
      <Stack gap="lg" maw={860}>
        <Section title="Appearance" description="Follow your computer’s light or dark setting, or choose one.">
          <Choice
            label="Colour scheme"
            value={settings?.colorScheme}
            onChange={(colorScheme) => void update({ colorScheme })}
            data={colorSchemeChoices}
          />
        </Section>
        <Section
          title="Handouts"
          description="The paper size new handouts start with. The clinic’s details and its usual layout are below."
        >
          <Choice
            label="Paper size"
            value={settings?.paperSize}
            onChange={(paperSize) => void update({ paperSize })}
            data={paperChoices}
          />
        </Section>
        <Section
          title="Clinic"
          description="Printed at the top and bottom of every handout, so patients know who to call."
        >
          {settings ? <ClinicSection settings={settings} onSaved={setSettings} /> : <Skeleton h={120} />}
        </Section>
        <Section
          title="Data"
          description="Everything Homeplan stores stays in this folder on this computer. Include it in your clinic’s backups."
        >
          {folder ? (
            <Stack gap="sm">
              <Group gap="xs">
                <Code data-testid="data-folder-path">{folder.path}</Code>
                <Badge variant="light" tt="none">
                  {sourceLabel[folder.source]}
                </Badge>
              </Group>
              {folder.files.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No files yet: they appear once you save something.
                </Text>
              ) : (
                <Table withTableBorder striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>File</Table.Th>
                      <Table.Th>Size</Table.Th>
                      <Table.Th>Last changed</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {folder.files.map((file) => (
                      <Table.Tr key={file.name}>
                        <Table.Td>{file.name}</Table.Td>
                        <Table.Td>{formatBytes(file.bytes)}</Table.Td>
                        <Table.Td>{formatDateTime(file.modified)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          ) : (
            <Skeleton h={60} />
          )}
        </Section>
        <Section
          title="Patient file and backups"
          description="Back up, restore, export or import your roster. Everything stays on this computer unless you export it."
        >
          <DataSection onChanged={loadFolder} />
        </Section>
        <Section title="About" description="Useful when you contact support.">
          {info ? (
            <Text size="sm" data-testid="about">
              {info.name} {info.version} · {info.platform}
              {info.versions.electron ? ` · Electron ${info.versions.electron}` : ' · browser preview'} · Node{' '}
              {info.versions.node}
            </Text>
          ) : (
            <Skeleton h={20} w={260} />
          )}
        </Section>
      </Stack>
    </>
  )
}
