import { weekdays, type Dosage } from './dosage'

const sideText: Record<NonNullable<Dosage['side']>, string> = {
  left: 'left side',
  right: 'right side',
  both: 'both sides',
  alternating: 'alternate sides',
}

const secs = (s: number) => (s >= 60 && s % 60 === 0 ? `${s / 60} min` : `${s} s`)

/** The hold as a number of seconds, or a range ("5–10 s") when the program gives one. */
export function holdRange(d: Pick<Dosage, 'holdSeconds' | 'holdSecondsMax'>): { min: number; max: number } | undefined {
  if (!d.holdSeconds) return undefined
  return {
    min: d.holdSeconds,
    max: d.holdSecondsMax && d.holdSecondsMax > d.holdSeconds ? d.holdSecondsMax : d.holdSeconds,
  }
}
const minutesBoth = (a: number, b: number) => a >= 60 && b >= 60 && a % 60 === 0 && b % 60 === 0
const secsRange = ({ min, max }: { min: number; max: number }) =>
  min === max ? secs(min) : minutesBoth(min, max) ? `${min / 60}–${max / 60} min` : `${min}–${max} s`

/** The clinician's short dosage line, e.g. "2 sets × 10–15 reps · hold 5 s · 1× daily · both sides". */
export function dosageLine(d: Dosage): string {
  const parts: string[] = []
  const reps = d.reps ? (d.reps.min === d.reps.max ? `${d.reps.min} reps` : `${d.reps.min}–${d.reps.max} reps`) : ''
  if (d.sets && reps) parts.push(`${d.sets} ${d.sets === 1 ? 'set' : 'sets'} × ${reps}`)
  else if (d.sets) parts.push(`${d.sets} ${d.sets === 1 ? 'set' : 'sets'}`)
  else if (reps) parts.push(reps)
  const hold = holdRange(d)
  if (hold) parts.push(`hold ${secsRange(hold)}`)
  if (d.durationSeconds) parts.push(secs(d.durationSeconds))
  if (d.restSeconds) parts.push(`rest ${secs(d.restSeconds)}`)
  if (d.timesPerDay) parts.push(`${d.timesPerDay}× daily`)
  if (d.days?.length) {
    const ordered = [...d.days].sort((a, b) => weekdays.indexOf(a) - weekdays.indexOf(b))
    parts.push(ordered.map((day) => day[0]!.toUpperCase() + day.slice(1)).join('/'))
  } else if (d.daysPerWeek) parts.push(`${d.daysPerWeek} days/week`)
  if (d.side) parts.push(sideText[d.side])
  if (d.resistance?.band) parts.push(`${d.resistance.band} band`)
  if (d.resistance?.load) parts.push(`${d.resistance.load} ${d.resistance.unit ?? 'kg'}`)
  return parts.join(' · ')
}
