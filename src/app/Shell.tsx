import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  NavLink,
  Text,
  Title,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconBarbell,
  IconClipboardList,
  IconLock,
  IconMoon,
  IconSettings,
  IconSun,
  IconUsers,
} from '@tabler/icons-react'
import { Suspense, useEffect, type ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { PatientsPage } from '../features/patients/PatientsPage'
import { LibraryProvider } from './library-context'
import { ClinicPacksAtStart } from '../components/packs/ClinicPacksAtStart'
import { RosterProvider } from './roster-context'
import { RosterBanner } from '../features/patients/RosterBanner'
import { useApi } from './api-context'
import { useLock } from './lock-context'
import { ErrorBoundary } from './ErrorBoundary'
import { LibraryPage, PageLoading, ProgramPage, SettingsPage } from './lazy-pages'
import { Logo } from './Logo'
import { NoticesBanner } from './NoticesBanner'
import { useRoute, type Section } from './routes'
import { uiI18n, uiLanguageOf } from '../i18n/ui'

const nav = [
  { section: 'patients', label: 'nav.patients', description: 'nav.patientsHint', icon: IconUsers, page: PatientsPage },
  {
    section: 'program',
    label: 'nav.program',
    description: 'nav.programHint',
    icon: IconClipboardList,
    page: ProgramPage,
  },
  {
    section: 'library',
    label: 'nav.library',
    description: 'nav.libraryHint',
    icon: IconBarbell,
    page: LibraryPage,
  },
  {
    section: 'settings',
    label: 'nav.settings',
    description: 'nav.settingsHint',
    icon: IconSettings,
    page: SettingsPage,
  },
] as const satisfies readonly {
  section: Section
  /** Catalogue keys (namespace app). */
  label: string
  description: string
  icon: ComponentType<{ size?: number }>
  page: ComponentType
}[]

/** Light/dark toggle: the choice is saved in settings; "auto" (follow the system) is the default. */
function ColorSchemeToggle() {
  const api = useApi()
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light')
  const { t } = useTranslation('app')
  const next = computed === 'dark' ? 'light' : 'dark'
  const label = next === 'light' ? t('shell.toLight') : t('shell.toDark')
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={label}
        onClick={() => {
          setColorScheme(next)
          void api.updateSettings({ colorScheme: next })
        }}
      >
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  )
}

/** Lock now (issue 17): there only once a clinic PIN is set. */
function LockButton() {
  const { pinSet, lock } = useLock()
  const { t } = useTranslation('app')
  if (!pinSet) return null
  return (
    <Tooltip label={t('lock.lockNow')}>
      <ActionIcon variant="default" size="lg" aria-label={t('lock.lockNow')} onClick={lock}>
        <IconLock size={18} />
      </ActionIcon>
    </Tooltip>
  )
}

export function Shell() {
  const api = useApi()
  const [{ section }, go] = useRoute()
  const [opened, { toggle, close }] = useDisclosure()
  const { setColorScheme } = useMantineColorScheme()
  const { t } = useTranslation('app')

  // The saved preference wins over whatever this browser profile last used. Only when the API changes:
  // setColorScheme changes identity with the scheme, and re-running then would undo a toggle being saved.
  useEffect(() => {
    let live = true
    void api.getSettings().then((result) => {
      if (!live || !result.ok) return
      setColorScheme(result.value.colorScheme)
      void uiI18n.changeLanguage(uiLanguageOf(result.value.language))
    })
    return () => void (live = false)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above: setColorScheme is left out on purpose
  }, [api])

  const current = nav.find((item) => item.section === section) ?? nav[0]
  const Page = current.page
  return (
    <RosterProvider>
      <LibraryProvider>
        <ClinicPacksAtStart />
        <AppShell
          header={{ height: 56 }}
          navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
          padding="lg"
        >
          <AppShell.Header>
            <Group h="100%" px="md" justify="space-between">
              <Group gap="sm">
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={t('shell.toggleNavigation')}
                />
                <Logo size={28} />
                <Title order={1} size="h3">
                  Homeplan
                </Title>
                <Text size="sm" c="dimmed" visibleFrom="md">
                  {t('shell.tagline')}
                </Text>
              </Group>
              <Group gap="xs">
                <LockButton />
                <ColorSchemeToggle />
              </Group>
            </Group>
          </AppShell.Header>
          <AppShell.Navbar p="sm" aria-label={t('shell.sections')}>
            {nav.map((item) => (
              <NavLink
                key={item.section}
                href={`#/${item.section}`}
                label={t(item.label)}
                description={t(item.description)}
                leftSection={<item.icon size={20} />}
                active={item.section === section}
                aria-current={item.section === section ? 'page' : undefined}
                onClick={close}
                variant="light"
                py="sm"
              />
            ))}
          </AppShell.Navbar>
          <AppShell.Main>
            <ErrorBoundary resetKey={section} onBack={() => go('patients')}>
              <NoticesBanner />
              <RosterBanner />
              <Suspense fallback={<PageLoading />}>
                <Page />
              </Suspense>
            </ErrorBoundary>
          </AppShell.Main>
        </AppShell>
      </LibraryProvider>
    </RosterProvider>
  )
}
