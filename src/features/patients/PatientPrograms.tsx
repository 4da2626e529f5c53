import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCopy } from '@tabler/icons-react'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import { dosageLine } from '../../core/dosage-format'
import type { Patient } from '../../core/patient'
import { useLibrary } from '../../app/library-context'
import { formatDate } from '../../core/dates'
import { HandoutHistory } from './HandoutHistory'
import { useRoster } from '../../app/roster-context'

/** The patient's programs, newest first, each to open or to start a new one from; and their handouts. */
export function PatientPrograms({ patient }: { patient: Patient }) {
  const api = useApi()
  const roster = useRoster()
  const library = useLibrary()
  const id = patient.id
  const archived = patient.status === 'archived'
  const programs = [...patient.programs].sort((a, b) => b.createdAt.localeCompare(a.createdAt))

  const startFrom = (program: Patient['programs'][number]) =>
    void api.duplicateProgram({ patientId: id, programId: program.id }).then(async (r) => {
      if (!r.ok) return
      notifications.show({ color: 'teal', message: `Started a new program from “${program.title}”.` })
      await roster.refresh()
      window.location.hash = hrefFor('program', id, r.value.programs.at(-1)!.id).slice(1)
    })

  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={3} size="h4" mb="md">
        Programs
      </Title>
      {programs.length === 0 && (
        <Text c="dimmed" size="sm">
          No programs yet. Choose “New program” to start one.
        </Text>
      )}
      <HandoutHistory patientId={id} handouts={patient.handouts ?? []} />
      <Stack gap="md">
        {programs.map((program) => (
          <Card key={program.id} withBorder radius="md" padding="md" aria-label={`Program ${program.title}`}>
            <Group justify="space-between" mb={4}>
              <Group gap="xs">
                <Text fw={600}>{program.title}</Text>
                <Badge
                  size="sm"
                  variant={program.status === 'current' ? 'filled' : 'light'}
                  color={program.status === 'current' ? 'teal' : 'gray'}
                >
                  {program.status === 'current' ? 'Current' : 'Previous'}
                </Badge>
              </Group>
              <Group gap={4}>
                <Button size="xs" variant="subtle" component="a" href={hrefFor('program', id, program.id)}>
                  Open
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconCopy size={14} />}
                  disabled={archived}
                  onClick={() => startFrom(program)}
                >
                  Use as starting point
                </Button>
              </Group>
            </Group>
            <Text size="xs" c="dimmed" mb="xs">
              Created {formatDate(program.createdAt)} · {program.items.length}{' '}
              {program.items.length === 1 ? 'exercise' : 'exercises'}
            </Text>
            {program.items.map((item, i) => (
              <Text key={item.id} size="sm">
                {i + 1}. {library.byId.get(item.exerciseId)?.name ?? item.exerciseId}{' '}
                <Text span c="dimmed" size="sm">
                  — {dosageLine(item.dosage)}
                </Text>
              </Text>
            ))}
          </Card>
        ))}
      </Stack>
    </Card>
  )
}
