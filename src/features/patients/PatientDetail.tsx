import { Alert, Anchor, SimpleGrid, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import { fullName } from '../../core/names'
import type { Patient } from '../../core/patient'
import { DeletePatientDialog } from './DeletePatientDialog'
import { PatientDetailsCard } from './PatientDetailsCard'
import { PatientForm } from './PatientForm'
import { PatientHeader } from './PatientHeader'
import { PatientPrograms } from './PatientPrograms'
import { keptForm } from './patient-draft'
import { useRoster } from '../../app/roster-context'

/** One patient's page: their details, their programs and handouts, and what can be done with the record. */
export function PatientDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const api = useApi()
  const roster = useRoster()
  const { t } = useTranslation('patients')
  const [patient, setPatient] = useState<Patient | null>()
  // Open again if the lock closed it while editing (see keptForm).
  const [editing, setEditing] = useState(() => keptForm(id) !== undefined)
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
      <Alert color="orange" title={t('detail.notFound')}>
        {t('detail.notOnRoster')} <Anchor href={hrefFor('patients')}>{t('detail.backToPatients')}</Anchor>
      </Alert>
    )
  }
  if (!patient) return <Text c="dimmed">{t('detail.loading')}</Text>
  const name = fullName(patient)

  return (
    <>
      <Anchor href={hrefFor('patients')} size="sm">
        {t('detail.allPatients')}
      </Anchor>
      <PatientHeader
        patient={patient}
        onEdit={() => setEditing(true)}
        onArchive={(archived) =>
          void change(
            () => api.setPatientArchived({ id, archived }),
            archived ? t('detail.archived', { name }) : t('detail.activeAgain', { name }),
          )
        }
        onDelete={() => setDeleting(true)}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <PatientDetailsCard patient={patient} />
        <PatientPrograms
          patient={patient}
          onChanged={(saved) => {
            setPatient(saved)
            void roster.refresh()
          }}
        />
      </SimpleGrid>
      {editing && (
        <PatientForm
          opened
          patient={patient}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false)
            setPatient(saved)
            notifications.show({ color: 'teal', message: t('detail.saved') })
            void roster.refresh()
          }}
        />
      )}
      <DeletePatientDialog patient={patient} opened={deleting} onClose={() => setDeleting(false)} onDeleted={onBack} />
    </>
  )
}
