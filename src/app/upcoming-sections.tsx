import { IconBarbell, IconClipboardList } from '@tabler/icons-react'
import type { ComponentProps } from 'react'
import type { UpcomingPage } from './UpcomingPage'

/** What the sections still being built will offer, in a therapist's words. */
export const upcoming = {
  program: {
    title: 'Program builder',
    subtitle: 'Pick exercises, set the dosage for this patient, and preview the handout.',
    icon: <IconClipboardList size={32} />,
    emptyTitle: 'Choose a patient to start a program',
    emptyText: 'Open a patient from the roster and choose “New program”; their program is built here.',
    coming: [
      'Add exercises by search, click or drag, and reorder them',
      'Sets, reps, holds, frequency and side for each exercise',
      'A live preview of the printed handout beside your edits',
    ],
  },
  library: {
    title: 'Exercise library',
    subtitle: 'Built-in exercises with clear steps and diagrams, plus your own.',
    icon: <IconBarbell size={32} />,
    emptyTitle: 'The exercise library is on its way',
    emptyText: 'Exercises with steps, cues, cautions and diagrams will be listed here, ready to add to a program.',
    coming: [
      'Search that forgives typos (“clam” finds clamshells)',
      'Filters by body region, position, type and equipment',
      'Your own exercises and photos, alongside the built-in ones',
    ],
  },
} satisfies Record<string, ComponentProps<typeof UpcomingPage>>
