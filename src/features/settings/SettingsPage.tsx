import { SegmentedControl, Skeleton, Stack, Text, useMantineColorScheme } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { PageHeader } from '../../app/PageHeader'
import type { AppInfo, DataFolderInfo } from '../../core/contract'
import { paperSizes, type NamesInFiles, type PaperSize } from '../../core/handout-options'
import {
  loadUnitOf,
  namesInFilesOf,
  type LoadUnit,
  type Settings,
  type SettingsPatch,
  type UiLanguage,
} from '../../core/settings'
import { uiI18n, uiLanguageOf } from '../../i18n/ui'
import { ClinicSection } from './ClinicSection'
import { DataFolderTable } from './DataFolderTable'
import { DataSection } from './DataSection'
import { EncryptionSection } from './EncryptionSection'
import { AccessLogSection } from './AccessLogSection'
import { LockSection } from './LockSection'
import { OldSetAsideFiles } from './OldSetAsideFiles'
import { Section } from './Section'
import { ClinicFolderSection } from './ClinicFolderSection'

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

/** The settings' choices, each value named in the screens' language. */
function useChoices() {
  const { t } = useTranslation('settings')
  const { t: tCommon } = useTranslation('common')
  const papers: Record<PaperSize, string> = { letter: t('handouts.letter'), a4: t('handouts.a4') }
  return {
    colorScheme: [
      { value: 'auto', label: t('appearance.auto') },
      { value: 'light', label: t('appearance.light') },
      { value: 'dark', label: t('appearance.dark') },
    ] satisfies { value: Settings['colorScheme']; label: string }[],
    language: [
      { value: 'system', label: t('language.system') },
      { value: 'en', label: tCommon('vocab.language.en') },
      { value: 'es', label: tCommon('vocab.language.es') },
    ] satisfies { value: UiLanguage; label: string }[],
    paper: paperSizes.map((value) => ({ value, label: papers[value] })),
    loadUnit: [
      { value: 'lb', label: t('handouts.pounds') },
      { value: 'kg', label: t('handouts.kilograms') },
    ] satisfies { value: LoadUnit; label: string }[],
    namesInFiles: [
      { value: 'initials', label: t('handouts.initials') },
      { value: 'full', label: t('handouts.fullName') },
    ] satisfies { value: NamesInFiles; label: string }[],
    source: {
      default: t('data.standard'),
      flag: t('data.flag'),
      env: t('data.env'),
    } satisfies Record<DataFolderInfo['source'], string>,
  }
}

export function SettingsPage() {
  const { t } = useTranslation('settings')
  const choices = useChoices()
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
      // The screens change language at once, this page included.
      if (patch.language) void uiI18n.changeLanguage(uiLanguageOf(patch.language))
    }
  }

  return (
    <>
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} />
      <Stack gap="lg" maw={860}>
        <Section title={t('appearance.title')} description={t('appearance.description')}>
          <Choice
            label={t('appearance.colourScheme')}
            value={settings?.colorScheme}
            onChange={(colorScheme) => void update({ colorScheme })}
            data={choices.colorScheme}
          />
        </Section>
        <Section title={t('language.title')} description={t('language.description')}>
          <Choice
            label={t('language.label')}
            value={settings && (settings.language ?? 'system')}
            onChange={(language) => void update({ language })}
            data={choices.language}
          />
        </Section>
        <Section title={t('handouts.title')} description={t('handouts.description')}>
          <Choice
            label={t('handouts.paperSize')}
            value={settings?.paperSize}
            onChange={(paperSize) => void update({ paperSize })}
            data={choices.paper}
          />
          <Text size="sm" fw={500} mt="md" mb={4}>
            {t('handouts.loadUnit')}
          </Text>
          <Choice
            label={t('handouts.loadUnit')}
            value={settings && loadUnitOf(settings)}
            onChange={(loadUnit) => void update({ loadUnit })}
            data={choices.loadUnit}
          />
          <Text size="sm" fw={500} mt="md" mb={4}>
            {t('handouts.namesInFiles')}
          </Text>
          <Choice
            label={t('handouts.namesInFiles')}
            value={settings && namesInFilesOf(settings)}
            onChange={(namesInFiles) => void update({ namesInFiles })}
            data={choices.namesInFiles}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('handouts.namesInFilesHint')}
          </Text>
        </Section>
        <Section title={t('clinic.title')} description={t('clinic.description')}>
          {settings ? <ClinicSection settings={settings} onSaved={setSettings} /> : <Skeleton h={120} />}
        </Section>
        <Section title={t('lock.title')} description={t('lock.description')}>
          <LockSection
            lockAfter={settings && (settings.lockAfterMinutes ?? 0)}
            onLockAfter={(lockAfterMinutes) => update({ lockAfterMinutes })}
          />
        </Section>
        <Section title={t('encryption.title')} description={t('encryption.description')}>
          <EncryptionSection />
        </Section>
        <Section title={t('clinicFolder.title')} description={t('clinicFolder.description')}>
          <ClinicFolderSection />
        </Section>
        <Section title={t('data.title')} description={t('data.description')}>
          <DataFolderTable folder={folder} source={choices.source} />
        </Section>
        <Section title={t('backups.title')} description={t('backups.description')}>
          <DataSection onChanged={loadFolder} />
          <OldSetAsideFiles onChanged={loadFolder} />
        </Section>
        <Section title={t('accessLog.title')} description={t('accessLog.description')}>
          <AccessLogSection settings={settings} />
        </Section>
        <Section title={t('about.title')} description={t('about.description')}>
          {info ? (
            <Text size="sm" data-testid="about">
              {info.name} {info.version} · {info.platform}
              {info.versions.electron ? ` · Electron ${info.versions.electron}` : ` · ${t('about.browserPreview')}`} ·
              Node {info.versions.node}
            </Text>
          ) : (
            <Skeleton h={20} w={260} />
          )}
        </Section>
      </Stack>
    </>
  )
}
