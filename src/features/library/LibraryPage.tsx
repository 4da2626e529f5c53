import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  SimpleGrid,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconPlus, IconSearch, IconStar, IconStarFilled } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { PageHeader } from '../../app/PageHeader'
import { dosageLine } from '../../core/dosage-format'
import { bodyRegions, equipmentKinds, exerciseTypes, positions, type Exercise } from '../../core/exercise'
import { searchLibrary, type LibraryFilters } from '../../core/library-search'
import { ExerciseDetail } from './ExerciseDetail'
import { ExerciseFigure } from './ExerciseFigure'
import { ExerciseForm } from './ExerciseForm'
import { useLibrary } from '../../app/library-context'
import { TemplatesPanel } from './TemplatesPanel'
import { LibraryPackMenu } from './packs/LibraryPackMenu'
import { vocabOptions, vocabWord, type LibraryKey } from './words'
import { useDoseWords } from '../../app/use-dose-words'
import { useNameInLanguage } from '../../app/use-name-in-language'

/** The library's filters, each a list of values an exercise is tagged with. */
const facets = [
  { key: 'regions', label: 'page.facet.regions', options: (t) => vocabOptions(t, 'region', bodyRegions), width: 190 },
  {
    key: 'positions',
    label: 'page.facet.positions',
    options: (t) => vocabOptions(t, 'position', positions),
    width: 150,
  },
  { key: 'types', label: 'page.facet.types', options: (t) => vocabOptions(t, 'type', exerciseTypes), width: 150 },
  {
    key: 'equipment',
    label: 'page.facet.equipment',
    options: (t) => vocabOptions(t, 'equipment', equipmentKinds),
    width: 150,
  },
] as const satisfies readonly {
  key: keyof LibraryFilters
  label: LibraryKey
  options: (t: TFunction<'common'>) => { value: string; label: string }[]
  width: number
}[]

export function FavouriteStar({ exercise }: { exercise: Exercise }) {
  const { t } = useTranslation('library')
  const api = useApi()
  const { favourites, refresh } = useLibrary()
  const on = favourites.has(exercise.id)
  const label = t(on ? 'star.remove' : 'star.add', { name: useNameInLanguage()(exercise) })
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color="yellow"
        aria-label={label}
        aria-pressed={on}
        onClick={(e) => (
          e.stopPropagation(),
          void api.setFavourite({ id: exercise.id, favourite: !on }).then(() => refresh())
        )}
      >
        {on ? <IconStarFilled size={18} /> : <IconStar size={18} />}
      </ActionIcon>
    </Tooltip>
  )
}

export function LibraryPage() {
  const { t } = useTranslation('library')
  const { t: word } = useTranslation('common')
  const doseWords = useDoseWords()
  const nameIn = useNameInLanguage()
  const { view, index, favourites } = useLibrary()
  const search = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<LibraryFilters>({})
  const [open, setOpen] = useState<string | null>(null)
  const [editing, setEditing] = useState<Exercise | 'new' | null>(null)
  // A large library is shown a page at a time; search narrows it first.
  const [limit, setLimit] = useState(60)
  useHotkeys([
    ['/', () => search.current?.focus()],
    ['mod+F', () => search.current?.focus()],
  ])
  const found = useMemo(() => searchLibrary(index, query, filters, favourites), [index, query, filters, favourites])
  const set = (key: (typeof facets)[number]['key']) => (value: string[]) => setFilters((f) => ({ ...f, [key]: value }))
  const shown = open ? index.byId.get(open) : undefined

  return (
    <>
      <PageHeader
        title={t('page.title')}
        subtitle={
          view ? t('page.subtitle', { count: view.exercises.length, version: view.version }) : t('page.loading')
        }
        actions={
          <Group gap="sm">
            <LibraryPackMenu />
            <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
              {t('page.newExercise')}
            </Button>
          </Group>
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          ref={search}
          aria-label={t('page.search')}
          placeholder={t('page.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={280}
        />
        {facets.map(({ key, label, options, width }) => (
          <MultiSelect
            key={key}
            aria-label={t(label)}
            placeholder={t(label)}
            data={options(word)}
            value={filters[key] ?? []}
            onChange={set(key)}
            w={width}
            clearable
          />
        ))}
        <Switch
          label={t('page.favourites')}
          checked={!!filters.favouritesOnly}
          onChange={(e) => {
            const favouritesOnly = e.currentTarget.checked
            setFilters((f) => ({ ...f, favouritesOnly }))
          }}
          mb={8}
        />
      </Group>
      {found.length === 0 && (
        <Text c="dimmed" my="xl" ta="center">
          {t('page.noMatch')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} spacing="md">
        {found.slice(0, limit).map((exercise) => (
          <Card
            key={exercise.id}
            withBorder
            radius="lg"
            padding="md"
            role="button"
            tabIndex={0}
            aria-label={nameIn(exercise)}
            style={{ cursor: 'pointer' }}
            onClick={() => setOpen(exercise.id)}
            onKeyDown={(e) => e.key === 'Enter' && setOpen(exercise.id)}
          >
            <Card.Section>
              <ExerciseFigure exercise={exercise} height={110} />
            </Card.Section>
            <Group justify="space-between" mt="sm" wrap="nowrap" align="flex-start">
              <Text fw={600} lineClamp={2}>
                {nameIn(exercise)}
              </Text>
              <FavouriteStar exercise={exercise} />
            </Group>
            <Group gap={4} mt={4}>
              <Badge size="xs" variant="light">
                {vocabWord(word, 'type', exercise.type)}
              </Badge>
              <Badge size="xs" variant="outline" color="gray">
                {vocabWord(word, 'position', exercise.position)}
              </Badge>
              {exercise.source === 'custom' && (
                <Badge size="xs" color="grape" variant="light">
                  {t('page.yours')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" mt="xs">
              {dosageLine(exercise.defaultDosage, doseWords)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {found.length > limit && (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => setLimit((l) => l + 60)}>
            {t('page.showMore', { more: found.length - limit })}
          </Button>
        </Group>
      )}
      <TemplatesPanel />
      {shown && (
        <ExerciseDetail exercise={shown} onClose={() => setOpen(null)} onEdit={(e) => setEditing(e)} onOpen={setOpen} />
      )}
      {editing && (
        <ExerciseForm
          exercise={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(e) => (setEditing(null), setOpen(e.id))}
        />
      )}
    </>
  )
}
