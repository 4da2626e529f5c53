import { IconUsers } from '@tabler/icons-react'
import { UpcomingPage } from '../../app/UpcomingPage'

export function PatientsPage() {
  return (
    <UpcomingPage
      title="Patients"
      subtitle="Everyone you build home programs for, stored only on this computer."
      icon={<IconUsers size={32} />}
      emptyTitle="No patients yet"
      emptyText="Your roster will appear here. Add a patient, then build and print their home exercise program."
      coming={[
        'Instant search by name, chart number or date of birth',
        'Filters for active, discharged and archived patients',
        'Each patient’s program history, newest first',
      ]}
    />
  )
}
