import { Alert, Anchor, SimpleGrid, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import { fullName } from '../../core/names'
import type { Patient } from '../../core/patient'
import { DeletePatientDialog } from './DeletePatientDialog'
import { PatientDetailsCard } from './PatientDetailsCard'
import { PatientForm } from './PatientForm'
import { PatientHeader } from './PatientHeader'
import { PatientPrograms } from './PatientPrograms'
import { useRoster } from '../../app/roster-context'

/** One patient's page: their details, their programs and handouts, and what can be done with the record. */
export function PatientDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const api = useApi()
  const roster = useRoster()
  const [patient, setPatient] = useState<Patient | null>()
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)

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
  const name = fullName(patient)

  return (
    <>
      <Anchor href={hrefFor('patients')} size="sm">
        ← All patients
      </Anchor>
      <PatientHeader
        patient={patient}
        onEdit={() => setEditing(true)}
        onArchive={(archived) =>
          void change(
            () => api.setPatientArchived({ id, archived }),
            archived ? `${name} was archived.` : `${name} is active again.`,
          )
        }
        onDelete={() => setDeleting(true)}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <PatientDetailsCard patient={patient} />
        <PatientPrograms patient={patient} />
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
      <DeletePatientDialog patient={patient} opened={deleting} onClose={() => setDeleting(false)} onDeleted={onBack} />
    </>
  )
}
