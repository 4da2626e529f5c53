import type { PatientSummary } from './patient'

/**
 * The roster table's order, shared by the window and main: main picks the first screenful in the order the
 * list shows it, so those rows can be drawn before the whole roster has crossed over.
 */
export type RosterSortKey = 'name' | 'dateOfBirth' | 'chartNumber' | 'updatedAt'
export interface RosterSort {
  key: RosterSortKey
  desc: boolean
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
export const compareText = collator.compare

export const rosterSorters: Record<RosterSortKey, (a: PatientSummary, b: PatientSummary) => number> = {
  name: (a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName),
  dateOfBirth: (a, b) => (a.dateOfBirth ?? '').localeCompare(b.dateOfBirth ?? ''),
  chartNumber: (a, b) => collator.compare(a.chartNumber ?? '', b.chartNumber ?? ''),
  updatedAt: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
}

export const compareBy = ({ key, desc }: RosterSort) => {
  const compare = rosterSorters[key]
  return (a: PatientSummary, b: PatientSummary) => (desc ? -compare(a, b) : compare(a, b))
}

/** What the roster shows when it opens: active patients by name. */
export const OPENING_VIEW = { status: 'active', sort: { key: 'name', desc: false } } as const satisfies {
  status: PatientSummary['status']
  sort: RosterSort
}

/** The opening screen of the roster, sent before the rest. */
export interface RosterFirstPage {
  /** The first `limit` rows of the opening view, in the order shown. */
  patients: PatientSummary[]
  /** Everyone on the roster. */
  total: number
  /** How many rows the opening view has in all (active patients). */
  matching: number
}

/**
 * The first `limit` rows of the opening view without sorting everyone: one pass keeps the best `limit` so far,
 * so 50,000 summaries cost about 50,000 comparisons (stable: equal names keep the roster's order).
 */
export function firstPage(summaries: readonly PatientSummary[], limit: number): RosterFirstPage {
  const compare = compareBy(OPENING_VIEW.sort)
  const best: PatientSummary[] = []
  let matching = 0
  for (const summary of summaries) {
    if (summary.status !== OPENING_VIEW.status) continue
    matching++
    if (best.length === limit && compare(summary, best[limit - 1]!) >= 0) continue
    let at = best.length
    while (at > 0 && compare(summary, best[at - 1]!) < 0) at--
    best.splice(at, 0, summary)
    if (best.length > limit) best.pop()
  }
  return { patients: best, total: summaries.length, matching }
}
