import { dosageSchema, type bandColors, type sides, type Dosage } from '../core/dosage'

/** Where each schema error shows (a reps-range error belongs to the reps fields). */
export function errorsOf(value: Dosage): Record<string, string> {
  const result = dosageSchema.safeParse(value)
  if (result.success) return {}
  const out: Record<string, string> = {}
  for (const issue of result.error.issues) out[issue.path.join('.')] ??= issue.message
  return out
}

export const sideKey = {
  left: 'dosage.sides.left',
  right: 'dosage.sides.right',
  both: 'dosage.sides.both',
  alternating: 'dosage.sides.alternating',
} as const satisfies Record<(typeof sides)[number], string>
export const bandKey = {
  yellow: 'dosage.bands.yellow',
  red: 'dosage.bands.red',
  green: 'dosage.bands.green',
  blue: 'dosage.bands.blue',
  black: 'dosage.bands.black',
  silver: 'dosage.bands.silver',
  gold: 'dosage.bands.gold',
} as const satisfies Record<(typeof bandColors)[number], string>

export const num = (v: number | string) => (v === '' || v === undefined ? undefined : Number(v))

/**
 * The upper end of a range after its lower end changes: a single number (both ends equal) stays single, and
 * a lower end raised past the upper one takes the upper one with it, so "10 reps" raised to 11 never reads "11–10".
 */
export function followTo(
  from: number | undefined,
  to: number | undefined,
  next: number | undefined,
): number | undefined {
  if (to === undefined || next === undefined) return to
  return from === to || next > to ? next : to
}

/** The dose fields a compact row leaves behind its "More" disclosure, when this dosage uses any: how many. */
export const moreFieldsUsed = (d: Dosage): number =>
  [d.holdSecondsMax, d.restSeconds, d.durationSeconds, d.daysPerWeek, d.days?.length, d.resistance].filter(
    (v) => v !== undefined,
  ).length
