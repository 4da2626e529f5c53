import { Group, Kbd, SegmentedControl, Select, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import type { Ref } from 'react'
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
  return (
    <Group mb="md" gap="sm" align="flex-end">
      <TextInput
        ref={searchRef}
        aria-label="Search patients"
        placeholder="Name, chart number or date of birth"
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">/</Kbd>}
        value={filter.query}
        onChange={(e) => onChange({ query: e.currentTarget.value }, true)}
        w={280}
      />
      <SegmentedControl
        aria-label="Status"
        value={filter.status}
        onChange={(v) => onChange({ status: v as RosterFilter['status'] }, true)}
        data={[
          { value: 'active', label: 'Active' },
          { value: 'discharged', label: 'Discharged' },
          { value: 'archived', label: 'Archived' },
          { value: 'all', label: 'All' },
        ]}
      />
      <Select
        aria-label="New or existing"
        placeholder="New and existing"
        clearable
        value={filter.kind}
        onChange={(kind) => onChange({ kind })}
        w={170}
        data={[
          { value: 'new', label: 'New patients' },
          { value: 'existing', label: 'Existing patients' },
        ]}
      />
      <Select
        aria-label="Therapist"
        placeholder="Any therapist"
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
