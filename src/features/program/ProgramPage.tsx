import { upcoming } from '../../app/upcoming-sections'
import { UpcomingPage } from '../../app/UpcomingPage'

export const ProgramPage = () => <UpcomingPage {...upcoming.program} />
