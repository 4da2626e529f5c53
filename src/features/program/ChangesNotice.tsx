import { Alert, List, Text } from '@mantine/core'
import { IconFileDiff } from '@tabler/icons-react'
import { useMemo } from 'react'
import type { HandoutRecord, ProgramItem } from '../../core/patient'
import { changesSince } from '../../core/program-changes'
import { formatDate } from '../../core/dates'

/**
 * Whether the program on screen still matches the handout the patient was last given for it, and if not,
 * what changed (so the therapist knows to print a new one, and what to tell the patient).
 */
export function ChangesNotice({
  printed,
  items,
  nameOf,
}: {
  printed: HandoutRecord | undefined
  items: ProgramItem[]
  nameOf: (exerciseId: string) => string | undefined
}) {
  const changes = useMemo(
    () => (printed ? changesSince(printed.snapshot.items, items, nameOf) : []),
    [printed, items, nameOf],
  )
  if (!printed) return null
  const date = formatDate(printed.at)
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" mb="sm" role="status">
        Matches the handout printed on {date}.
      </Text>
    )
  }
  return (
    <Alert
      color="yellow"
      icon={<IconFileDiff />}
      mb="md"
      role="status"
      title={`Changed since the handout printed on ${date}:`}
    >
      <List size="sm" spacing={2}>
        {changes.map((change, i) => (
          <List.Item key={i}>{change.text}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt={6}>
        The patient’s handout does not show these changes yet: save the program and export it again to give them a new
        one.
      </Text>
    </Alert>
  )
}
