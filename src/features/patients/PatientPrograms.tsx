import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import { dosageLine, withLoadUnit } from '../../core/dosage-format'
import type { Patient } from '../../core/patient'
import { useLibrary } from '../../app/library-context'
import { useDates } from '../../app/use-dates'
import { HandoutHistory } from './HandoutHistory'
import { ProgramMenu } from './ProgramMenu'
import { useRoster } from '../../app/roster-context'
import { useDoseWords } from '../../app/use-dose-words'
import { useNameInLanguage } from '../../app/use-name-in-language'
import { useLoadUnit } from '../../app/use-load-unit'

/** The patient's programs, newest first, each to open or to start a new one from; and their handouts. */
export function PatientPrograms({ patient, onChanged }: { patient: Patient; onChanged: (patient: Patient) => void }) {
  const api = useApi()
  const roster = useRoster()
  const library = useLibrary()
  const { t } = useTranslation('patients')
  const doseWords = useDoseWords()
  const nameIn = useNameInLanguage()
  const nameOf = (id: string) => {
    const exercise = library.byId.get(id)
    return exercise ? nameIn(exercise) : id
  }
  const loadUnit = useLoadUnit()
  const { date } = useDates()
  const id = patient.id
  const archived = patient.status === 'archived'
  const programs = [...patient.programs].sort((a, b) => b.createdAt.localeCompare(a.createdAt))

  const startFrom = (program: Patient['programs'][number]) =>
    void api.duplicateProgram({ patientId: id, programId: program.id }).then(async (r) => {
      if (!r.ok) return
      notifications.show({ color: 'teal', message: t('programs.startedFrom', { title: program.title }) })
      await roster.refresh()
      window.location.hash = hrefFor('program', id, r.value.programs.at(-1)!.id).slice(1)
    })

  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={3} size="h4" mb="md">
        {t('programs.title')}
      </Title>
      {programs.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('programs.none')}
        </Text>
      )}
      <HandoutHistory patientId={id} handouts={patient.handouts ?? []} />
      <Stack gap="md">
        {programs.map((program) => (
          <Card
            key={program.id}
            withBorder
            radius="md"
            padding="md"
            aria-label={t('programs.card', { title: program.title })}
          >
            <Group justify="space-between" mb={4}>
              <Group gap="xs">
                <Text fw={600}>{program.title}</Text>
                <Badge
                  size="sm"
                  variant={program.status === 'current' ? 'filled' : 'light'}
                  color={program.status === 'current' ? 'teal' : 'gray'}
                >
                  {program.status === 'current' ? t('programs.current') : t('programs.previous')}
                </Badge>
              </Group>
              <Group gap={4}>
                <Button size="xs" variant="subtle" component="a" href={hrefFor('program', id, program.id)}>
                  {t('programs.open')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconCopy size={14} />}
                  disabled={archived}
                  onClick={() => startFrom(program)}
                >
                  {t('programs.startFrom')}
                </Button>
                <ProgramMenu patientId={id} program={program} disabled={archived} onChanged={onChanged} />
              </Group>
            </Group>
            <Text size="xs" c="dimmed" mb="xs">
              {t('programs.created', { date: date(program.createdAt), count: program.items.length })}
            </Text>
            {program.items.map((item, i) => (
              <Text key={item.id} size="sm">
                {i + 1}. {nameOf(item.exerciseId)}{' '}
                <Text span c="dimmed" size="sm">
                  — {dosageLine(withLoadUnit(item.dosage, loadUnit), doseWords)}
                </Text>
              </Text>
            ))}
          </Card>
        ))}
      </Stack>
    </Card>
  )
}
