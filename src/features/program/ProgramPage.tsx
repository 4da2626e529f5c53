import { Alert, Anchor, Paper, Select, Stack, Text } from '@mantine/core'
import { IconClipboardList } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useApi } from '../../app/api-context'
import { PageHeader } from '../../app/PageHeader'
import { hrefFor, useRoute } from '../../app/routes'
import type { Patient } from '../../core/patient'
import { formatDate } from '../../core/dates'
import { listName } from '../../core/names'
import { useRoster } from '../../app/roster-context'
import { loadDraft, type ProgramDraft } from './draft'
import { HandoutOptionsProvider } from './HandoutOptions'
import { ProgramBuilder } from './ProgramBuilder'

/** Without a patient: choose one. With one: the builder for a new program, or the one named in the address. */
export function ProgramPage() {
  const api = useApi()
  const roster = useRoster()
  const [{ param: patientId, param2: programId }, go] = useRoute()
  const [patient, setPatient] = useState<Patient | null>()

  useEffect(() => {
    if (patientId) void api.getPatient({ id: patientId }).then((r) => setPatient(r.ok ? r.value : null))
  }, [api, patientId])

  if (!patientId) {
    const options = (roster.patients ?? [])
      .filter((p) => p.status !== 'archived')
      .map((p) => ({
        value: p.id,
        label: `${listName(p)}${p.chartNumber ? ` · ${p.chartNumber}` : ''}`,
      }))
    return (
      <>
        <PageHeader
          title="Program builder"
          subtitle="Pick exercises, set the dosage for this patient, and save it to their history."
        />
        <Paper withBorder radius="lg" p="xl" maw={560}>
          <Stack>
            <IconClipboardList size={36} color="var(--mantine-primary-color-filled)" />
            <Text fw={600}>Who is this program for?</Text>
            <Select
              aria-label="Choose a patient"
              placeholder="Search the roster"
              searchable
              data={options}
              onChange={(id) => id && go('program', id)}
              nothingFoundMessage="No patient by that name. Add them on the Patients page first."
            />
            <Text size="sm" c="dimmed">
              You can also start from a patient’s page with “New program”.
            </Text>
          </Stack>
        </Paper>
      </>
    )
  }
  if (patient === null)
    return (
      <Alert color="orange" title="Patient not found">
        This patient is not on the roster. <Anchor href={hrefFor('program')}>Choose another</Anchor>
      </Alert>
    )
  if (!patient || patient.id !== patientId) return <Text c="dimmed">Loading…</Text>
  const program = programId ? patient.programs.find((p) => p.id === programId) : undefined
  if (programId && !program)
    return (
      <Alert color="orange" title="Program not found">
        It is not in {patient.firstName}’s history.{' '}
        <Anchor href={hrefFor('patients', patient.id)}>Open their page</Anchor>
      </Alert>
    )

  const saved: ProgramDraft = program
    ? {
        title: program.title,
        ...(program.goals ? { goals: program.goals } : {}),
        ...(program.therapist ? { therapist: program.therapist } : {}),
        items: program.items,
      }
    : {
        title: `Home program ${formatDate(new Date().toISOString())}`,
        ...(patient.therapist ? { therapist: patient.therapist } : {}),
        items: [],
      }
  const draft = loadDraft(patient.id, programId)
  // One choice of layout, paper and log for the preview and Export PDF, starting as the clinic's.
  return (
    <HandoutOptionsProvider>
      <ProgramBuilder
        key={`${patient.id}/${programId ?? 'new'}`}
        patient={patient}
        programId={programId}
        saved={saved}
        initial={
          draft
            ? {
                title: draft.title,
                ...(draft.goals ? { goals: draft.goals } : {}),
                ...(draft.therapist ? { therapist: draft.therapist } : {}),
                items: draft.items,
              }
            : saved
        }
        restoredAt={draft?.savedAt}
        onSaved={(next, id) => (setPatient(next), go('program', next.id, id))}
        onExported={() => void api.getPatient({ id: patient.id }).then((r) => r.ok && setPatient(r.value))}
      />
    </HandoutOptionsProvider>
  )
}
