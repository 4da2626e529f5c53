import type { PatientSummary } from '../../core/patient'
import { compareBy, OPENING_VIEW, type RosterFirstPage, type RosterSort } from '../../core/roster-order'
import { searchRoster, type RosterIndex } from '../../core/roster-search'

export interface RosterView {
  query: string
  status: 'active' | 'discharged' | 'archived' | 'all'
  kind: string | null
  therapist: string | null
  sort: RosterSort
}

/** Every row the view matches, in its order (search and sorting always over the whole roster). */
export function rosterRows(index: RosterIndex, view: RosterView): PatientSummary[] {
  const found = searchRoster(index, view.query).filter(
    (p) =>
      (view.status === 'all' || p.status === view.status) &&
      (!view.kind || p.patientType === view.kind) &&
      (!view.therapist || p.therapist === view.therapist),
  )
  return found.sort(compareBy(view.sort))
}

const isOpeningView = (view: RosterView, page: number) =>
  page === 1 &&
  view.query === '' &&
  view.status === OPENING_VIEW.status &&
  !view.kind &&
  !view.therapist &&
  view.sort.key === OPENING_VIEW.sort.key &&
  view.sort.desc === OPENING_VIEW.sort.desc

export interface ShownRows {
  /** The rows on this page. */
  shown: PatientSummary[]
  /** How many rows the view has in all (known before the whole list for the opening view only). */
  count: number
  /** The view needs the whole list, which has not arrived yet. */
  loading: boolean
}

/**
 * What the table shows: a page of the whole list once it is here; before that, the opening screen main sent
 * first, as long as the therapist is looking at the opening view; any other view waits for the whole list.
 */
export function shownRows(
  all: PatientSummary[] | undefined,
  firstPage: RosterFirstPage | undefined,
  view: RosterView,
  page: number,
  pageSize: number,
): ShownRows {
  if (all) {
    const pages = Math.max(1, Math.ceil(all.length / pageSize))
    const at = Math.min(page, pages)
    return { shown: all.slice((at - 1) * pageSize, at * pageSize), count: all.length, loading: false }
  }
  if (firstPage && isOpeningView(view, page))
    return { shown: firstPage.patients.slice(0, pageSize), count: firstPage.matching, loading: false }
  return { shown: [], count: firstPage?.matching ?? 0, loading: true }
}
