import { IconBarbell } from '@tabler/icons-react'
import { UpcomingPage } from '../../app/UpcomingPage'

export function LibraryPage() {
  return (
    <UpcomingPage
      title="Exercise library"
      subtitle="Built-in exercises with clear steps and diagrams, plus your own."
      icon={<IconBarbell size={32} />}
      emptyTitle="The exercise library is on its way"
      emptyText="Exercises with steps, cues, cautions and diagrams will be listed here, ready to add to a program."
      coming={[
        'Search that forgives typos (“clam” finds clamshells)',
        'Filters by body region, position, type and equipment',
        'Your own exercises and photos, alongside the built-in ones',
      ]}
    />
  )
}
