import { Group, Kbd, SegmentedControl, Select, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { statusKey } from './format'
import type { RosterView } from './roster-rows'

export type RosterFilter = Omit<RosterView, 'sort'>

/** Search and the status, new-or-existing and therapist filters above the roster. */
export function RosterFilters({
  filter,
  onChange,
  therapists,
  searchRef,
}: {
  filter: RosterFilter
  /** `firstPage`: the change starts the list again from its first page. */
  onChange: (patch: Partial<RosterFilter>, firstPage?: boolean) => void
  therapists: string[]
  searchRef: Ref<HTMLInputElement>
}) {
  const { t } = useTranslation('patients')
  return (
    <Group mb="md" gap="sm" align="flex-end">
      <TextInput
        ref={searchRef}
        aria-label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">/</Kbd>}
        value={filter.query}
        onChange={(e) => onChange({ query: e.currentTarget.value }, true)}
        w={{ base: '100%', sm: 400 }}
      />
      <SegmentedControl
        aria-label={t('filters.status')}
        value={filter.status}
        onChange={(v) => onChange({ status: v as RosterFilter['status'] }, true)}
        data={[
          ...Object.entries(statusKey).map(([value, key]) => ({ value, label: t(key) })),
          { value: 'all', label: t('filters.all') },
        ]}
      />
      <Select
        aria-label={t('filters.kind')}
        placeholder={t('filters.kindPlaceholder')}
        clearable
        value={filter.kind}
        onChange={(kind) => onChange({ kind })}
        w={210}
        data={[
          { value: 'new', label: t('filters.newPatients') },
          { value: 'existing', label: t('filters.existingPatients') },
        ]}
      />
      <Select
        aria-label={t('filters.therapist')}
        placeholder={t('filters.anyTherapist')}
        clearable
        value={filter.therapist}
        onChange={(therapist) => onChange({ therapist })}
        data={therapists}
        w={200}
        searchable
      />
    </Group>
  )
}
