import type { PatientSummary } from './patient'
import { fold } from './fold'

/** A date of birth written the ways people type it: ISO, US, European, compact. */
export function dateForms(iso: string | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null
  if (!m) return ''
  const [, y, mo = '', d = ''] = m
  const mn = String(Number(mo))
  const dn = String(Number(d))
  return [
    iso,
    `${mo}/${d}/${y}`,
    `${mn}/${dn}/${y}`,
    `${d}/${mo}/${y}`,
    `${d}.${mo}.${y}`,
    `${dn}.${mn}.${y}`,
    `${y}${mo}${d}`,
  ].join(' ')
}

/** A chart number or member ID as typed without its spaces and dashes ("XJH 123-45" is found by "xjh12345"). */
const compact = (code: string | undefined) => (code ?? '').toLowerCase().replace(/[\s-]/g, '')

export interface RosterIndex {
  rows: { summary: PatientSummary; haystack: string }[]
}

/** Built once per roster load or change, so each keystroke only scans prepared strings. */
export function indexRoster(summaries: readonly PatientSummary[]): RosterIndex {
  return {
    rows: summaries.map((summary) => ({
      summary,
      haystack: ` ${fold([summary.firstName, summary.lastName, summary.preferredName ?? '', summary.chartNumber ?? '', summary.memberId ?? ''].join(' '))} ${compact(summary.chartNumber)} ${compact(summary.memberId)} ${dateForms(summary.dateOfBirth)}`,
    })),
  }
}

/** Every word of the query must appear somewhere in the patient's names, chart number, insurance member ID or date of birth. */
export function searchRoster(index: RosterIndex, query: string): PatientSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return index.rows.map((row) => row.summary)
  const out: PatientSummary[] = []
  for (const row of index.rows) {
    if (words.every((word) => row.haystack.includes(word))) out.push(row.summary)
  }
  return out
}
