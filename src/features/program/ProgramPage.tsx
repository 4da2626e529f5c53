import { IconClipboardList } from '@tabler/icons-react'
import { UpcomingPage } from '../../app/UpcomingPage'

export function ProgramPage() {
  return (
    <UpcomingPage
      title="Program builder"
      subtitle="Pick exercises, set the dosage for this patient, and preview the handout."
      icon={<IconClipboardList size={32} />}
      emptyTitle="Choose a patient to start a program"
      emptyText="Open a patient from the roster and choose “New program”; their program is built here."
      coming={[
        'Add exercises by search, click or drag, and reorder them',
        'Sets, reps, holds, frequency and side for each exercise',
        'A live preview of the printed handout beside your edits',
      ]}
    />
  )
}
