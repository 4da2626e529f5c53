import { Alert, List, Text } from '@mantine/core'
import { IconFileDiff } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { HandoutRecord, ProgramItem } from '../../core/patient'
import { changesSince } from '../../core/program-changes'
import { dayIn } from '../../app/locale-dates'
import { useDoseWords } from '../../app/use-dose-words'

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
  const { t, i18n } = useTranslation('program')
  const doseWords = useDoseWords()
  const changes = useMemo(
    () => (printed ? changesSince(printed.snapshot.items, items, nameOf, doseWords) : []),
    [printed, items, nameOf, doseWords],
  )
  if (!printed) return null
  const date = dayIn(i18n.language, printed.at)
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" mb="sm" role="status">
        {t('changes.matches', { date })}
      </Text>
    )
  }
  return (
    <Alert color="yellow" icon={<IconFileDiff />} mb="md" role="status" title={t('changes.title', { date })}>
      <List size="sm" spacing={2}>
        {changes.map((change, i) => (
          <List.Item key={i}>{change.text}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt={6}>
        {t('changes.notYet')}
      </Text>
    </Alert>
  )
}
