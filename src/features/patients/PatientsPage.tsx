import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useRoute } from '../../app/routes'
import { fullName } from '../../core/names'
import { PatientDetail } from './PatientDetail'
import { PatientForm } from './PatientForm'
import { keptForm } from './patient-draft'
import { RosterList } from './RosterList'
import { useRoster } from '../../app/roster-context'

/** The roster, or one patient when the address names them (#/patients/<id>). */
export function PatientsPage() {
  const [{ param }, go] = useRoute()
  const roster = useRoster()
  const { t } = useTranslation('patients')
  // Open again if the lock closed it while a new patient was being entered (see keptForm).
  const [creating, setCreating] = useState(() => keptForm('new') !== undefined)
  return (
    <>
      {param ? (
        <PatientDetail key={param} id={param} onBack={() => go('patients')} />
      ) : (
        <RosterList onNew={() => setCreating(true)} />
      )}
      {creating && (
        <PatientForm
          opened
          onClose={() => setCreating(false)}
          onSaved={(patient) => {
            setCreating(false)
            notifications.show({ color: 'teal', message: t('page.added', { name: fullName(patient) }) })
            void roster.refresh().then(() => go('patients', patient.id))
          }}
        />
      )}
    </>
  )
}
