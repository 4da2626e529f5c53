import { dayList, type Dosage } from './dosage'

/**
 * The words of a dosage, shared by the clinician's line (below), the builder's list of changes
 * (program-changes.ts) and the patient's sentences (handout-model.ts), so a hold or a side reads the same in all.
 */

export const sideText: Record<NonNullable<Dosage['side']>, string> = {
  left: 'left side',
  right: 'right side',
  both: 'both sides',
  alternating: 'alternate sides',
}

/** "5 s", "2 min" (whole minutes only): the short form. */
export const shortSeconds = (s: number): string => (s >= 60 && s % 60 === 0 ? `${s / 60} min` : `${s} s`)

/** "5 seconds", "1 minute", "2 minutes": the patient's words. */
export const secondsWords = (s: number): string =>
  s >= 60 && s % 60 === 0 ? `${s / 60} minute${s === 60 ? '' : 's'}` : `${s} second${s === 1 ? '' : 's'}`

/** One number, or a range joined by `to` ("10–15", "10 to 15"). */
export const countRange = (min: number, max: number, to = '–'): string => (min === max ? `${min}` : `${min}${to}${max}`)

/** "1 set", "3 sets". */
export const setsText = (sets: number): string => `${sets} ${sets === 1 ? 'set' : 'sets'}`

/** The hold as a number of seconds, or a range ("5–10 s") when the program gives one. */
export function holdRange(d: Pick<Dosage, 'holdSeconds' | 'holdSecondsMax'>): { min: number; max: number } | undefined {
  if (!d.holdSeconds) return undefined
  return {
    min: d.holdSeconds,
    max: d.holdSecondsMax && d.holdSecondsMax > d.holdSeconds ? d.holdSecondsMax : d.holdSeconds,
  }
}

/** A range of seconds in the short form: "5 s", "5–10 s", "1–2 min" (minutes only when both ends are whole minutes). */
export const shortSecondsRange = ({ min, max }: { min: number; max: number }): string =>
  min === max ? shortSeconds(min) : min % 60 === 0 && max % 60 === 0 ? `${min / 60}–${max / 60} min` : `${min}–${max} s`

/** "red band", "2.5 lb" (kilograms when no unit is given): the resistance parts, short form. */
export const bandText = (d: Dosage): string | undefined =>
  d.resistance?.band ? `${d.resistance.band} band` : undefined
export const loadText = (d: Dosage): string | undefined =>
  d.resistance?.load ? `${d.resistance.load} ${d.resistance.unit ?? 'kg'}` : undefined

/** The clinician's short dosage line, e.g. "2 sets × 10–15 reps · hold 5 s · 1× daily · both sides". */
export function dosageLine(d: Dosage): string {
  const parts: string[] = []
  const reps = d.reps ? `${countRange(d.reps.min, d.reps.max)} reps` : ''
  if (d.sets && reps) parts.push(`${setsText(d.sets)} × ${reps}`)
  else if (d.sets) parts.push(setsText(d.sets))
  else if (reps) parts.push(reps)
  const hold = holdRange(d)
  if (hold) parts.push(`hold ${shortSecondsRange(hold)}`)
  if (d.durationSeconds) parts.push(shortSeconds(d.durationSeconds))
  if (d.restSeconds) parts.push(`rest ${shortSeconds(d.restSeconds)}`)
  if (d.timesPerDay) parts.push(`${d.timesPerDay}× daily`)
  if (d.days?.length) parts.push(dayList(d.days, '/'))
  else if (d.daysPerWeek) parts.push(`${d.daysPerWeek} days/week`)
  if (d.side) parts.push(sideText[d.side])
  for (const part of [bandText(d), loadText(d)]) if (part) parts.push(part)
  return parts.join(' · ')
}
