import type { Patient, PatientSummary } from '../../core/patient'

const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

/** "Mar 14, 1956" (in the user's locale) from an ISO date. */
export const formatDate = (iso: string | undefined) =>
  iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ''

export function ageOn(iso: string | undefined, today = new Date()): number | undefined {
  if (!iso) return undefined
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  let age = today.getFullYear() - y
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--
  return age
}

export const displayName = (p: Pick<PatientSummary, 'firstName' | 'lastName' | 'preferredName'>) =>
  `${p.lastName}, ${p.firstName}${p.preferredName ? ` (${p.preferredName})` : ''}`

export const statusColor: Record<Patient['status'], string> = { active: 'teal', discharged: 'gray', archived: 'orange' }
export const statusLabel: Record<Patient['status'], string> = {
  active: 'Active',
  discharged: 'Discharged',
  archived: 'Archived',
}
