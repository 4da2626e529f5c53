import { upcoming } from '../../app/upcoming-sections'
import { UpcomingPage } from '../../app/UpcomingPage'

export const LibraryPage = () => <UpcomingPage {...upcoming.library} />
