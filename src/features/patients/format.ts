import type { Patient } from '../../core/patient'

export function ageOn(iso: string | undefined, today = new Date()): number | undefined {
  if (!iso) return undefined
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  let age = today.getFullYear() - y
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--
  return age
}

export const statusColor: Record<Patient['status'], string> = { active: 'teal', discharged: 'gray', archived: 'orange' }
/** The catalogue key of each status's name. */
export const statusKey = {
  active: 'status.active',
  discharged: 'status.discharged',
  archived: 'status.archived',
} as const satisfies Record<Patient['status'], string>
