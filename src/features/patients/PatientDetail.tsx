import { Alert, Anchor, Badge, Button, Card, Group, Menu, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconArchive,
  IconArrowBackUp,
  IconChevronDown,
  IconCopy,
  IconDownload,
  IconEdit,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import { dosageLine } from '../../core/dosage-format'
import type { Patient } from '../../core/patient'
import { ageOn, formatDate, statusColor, statusLabel } from './format'
import { HandoutHistory } from './HandoutHistory'
import { PatientForm } from './PatientForm'
import { useLibrary } from '../library/library-context'
import { useRoster } from './roster-context'

const days: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  )
}

function coverageText(c: Patient['appointment']['coverage']): string {
  if (!c) return ''
  return c.kind === 'insurance'
    ? `Insurance: ${c.payer}`
    : c.kind === 'self-pay'
      ? 'Self-pay'
      : `Other${c.detail ? `: ${c.detail}` : ''}`
}

export function PatientDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const api = useApi()
  const roster = useRoster()
  const library = useLibrary()
  const [patient, setPatient] = useState<Patient | null>()
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  /** Set while a delete is on its way, so a double click cannot send a second one. */
  const [removing, setRemoving] = useState(false)

  const load = useCallback(() => api.getPatient({ id }).then((r) => (r.ok ? r.value : null)), [api, id])
  useEffect(() => void load().then(setPatient), [load])

  /** Runs a change, then shows its result here and in the roster list. */
  const change = async (run: () => Promise<{ ok: boolean; value?: Patient }>, message: string) => {
    const result = await run()
    if (!result.ok || !result.value) return
    setPatient(result.value)
    notifications.show({ color: 'teal', message })
    await roster.refresh()
  }

  if (patient === null) {
    return (
      <Alert color="orange" title="Patient not found">
        This patient is no longer on the roster. <Anchor href={hrefFor('patients')}>Back to patients</Anchor>
      </Alert>
    )
  }
  if (!patient) return <Text c="dimmed">Loading…</Text>
  const name = `${patient.firstName} ${patient.lastName}`
  const programs = [...patient.programs].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const archived = patient.status === 'archived'

  return (
    <>
      <Anchor href={hrefFor('patients')} size="sm">
        ← All patients
      </Anchor>
      <Group justify="space-between" align="flex-start" mt="xs" mb="lg">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{name}</Title>
            {patient.preferredName && <Text c="dimmed">“{patient.preferredName}”</Text>}
          </Group>
          <Group gap="xs">
            <Badge variant="light" color={statusColor[patient.status]}>
              {statusLabel[patient.status]}
            </Badge>
            <Badge variant="outline" color="gray">
              {patient.patientType === 'new' ? 'New patient' : 'Existing patient'}
            </Badge>
          </Group>
        </Stack>
        <Group gap="sm">
          <Button leftSection={<IconPlus size={18} />} disabled={archived} component="a" href={hrefFor('program', id)}>
            New program
          </Button>
          <Button variant="default" leftSection={<IconEdit size={18} />} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={16} />}>
                More
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconDownload size={16} />}
                onClick={() =>
                  void api
                    .exportPatient({ id })
                    .then(
                      (r) =>
                        r.ok &&
                        r.value.saved &&
                        notifications.show({ color: 'teal', message: `Exported to ${r.value.path}` }),
                    )
                }
              >
                Export as JSON…
              </Menu.Item>
              <Menu.Item
                leftSection={archived ? <IconArrowBackUp size={16} /> : <IconArchive size={16} />}
                onClick={() =>
                  void change(
                    () => api.setPatientArchived({ id, archived: !archived }),
                    archived ? `${name} is active again.` : `${name} was archived.`,
                  )
                }
              >
                {archived ? 'Restore from archive' : 'Archive'}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
                Delete…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder radius="lg" padding="lg">
          <Title order={3} size="h4" mb="md">
            Details
          </Title>
          <SimpleGrid cols={2} spacing="md">
            <Field label="Date of birth">
              {patient.dateOfBirth && `${formatDate(patient.dateOfBirth)} (age ${ageOn(patient.dateOfBirth)})`}
            </Field>
            <Field label="Chart / MRN">{patient.chartNumber}</Field>
            <Field label="Phone">{patient.phone}</Field>
            <Field label="Email">{patient.email}</Field>
            <Field label="Condition">{patient.condition}</Field>
            <Field label="Referring provider">{patient.referringProvider}</Field>
            <Field label="Therapist">{patient.therapist}</Field>
            <Field label="Coverage">{coverageText(patient.appointment.coverage)}</Field>
            <Field label="Preferred days">{patient.appointment.days.map((d) => days[d]).join(', ')}</Field>
            <Field label="Time of day">
              {patient.appointment.timesOfDay.map((t) => t[0]!.toUpperCase() + t.slice(1)).join(', ')}
            </Field>
          </SimpleGrid>
          <Stack mt="md">
            <Field label="Notes">{patient.notes}</Field>
          </Stack>
        </Card>
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
                      onClick={() =>
                        void api.duplicateProgram({ patientId: id, programId: program.id }).then(async (r) => {
                          if (!r.ok) return
                          notifications.show({
                            color: 'teal',
                            message: `Started a new program from “${program.title}”.`,
                          })
                          await roster.refresh()
                          window.location.hash = hrefFor('program', id, r.value.programs.at(-1)!.id).slice(1)
                        })
                      }
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
      </SimpleGrid>

      {editing && (
        <PatientForm
          opened
          patient={patient}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false)
            setPatient(saved)
            notifications.show({ color: 'teal', message: 'Changes saved.' })
            void roster.refresh()
          }}
        />
      )}
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={<Text fw={700}>Delete {name}?</Text>}>
        <Text size="sm">
          This permanently removes {name} and{' '}
          {patient.programs.length === 1 ? 'their program' : `all ${patient.programs.length} of their programs`} from
          the roster on this computer. Backups taken before now still contain them until those backups expire.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setDeleting(false)}>
            Keep {patient.firstName}
          </Button>
          <Button
            color="red"
            loading={removing}
            onClick={() => {
              if (removing) return
              setRemoving(true)
              void api.deletePatient({ id }).then(async (r) => {
                setRemoving(false)
                if (!r.ok) return
                setDeleting(false)
                notifications.show({ color: 'teal', message: `${name} was deleted.` })
                await roster.refresh()
                onBack()
              })
            }}
          >
            Delete {name}
          </Button>
        </Group>
      </Modal>
    </>
  )
}
