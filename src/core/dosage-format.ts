import { weekdays, type Dosage, type Weekday } from './dosage'
import { handoutT, type HandoutT } from '../i18n'
import type { LoadUnit } from './settings'

/**
 * The words of a dosage, shared by the clinician's line (below), the builder's list of changes
 * (program-changes.ts) and the patient's sentences (handout-model.ts), so a hold or a side reads the same in all.
 */

const SIDE_KEYS = {
  left: 'line.left',
  right: 'line.right',
  both: 'line.both',
  alternating: 'line.alternating',
} as const satisfies Record<NonNullable<Dosage['side']>, string>
/** "left side", "both sides". */
export const sideText = (side: NonNullable<Dosage['side']>, t: HandoutT = handoutT()): string => t(SIDE_KEYS[side])

/** "5 s", "2 min" (whole minutes only): the short form. */
export const shortSeconds = (s: number): string => (s >= 60 && s % 60 === 0 ? `${s / 60} min` : `${s} s`)

/** One number, or a range joined by `to` ("10–15", "10 to 15"). */
export const countRange = (min: number, max: number, to = '–'): string => (min === max ? `${min}` : `${min}${to}${max}`)

/** "1 set", "3 sets". */
export const setsText = (sets: number, t: HandoutT = handoutT()): string => t('line.sets', { count: sets })

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

/** "red band", "2.5 lb": the resistance parts, short form. */
export const bandText = (d: Dosage, t: HandoutT = handoutT()): string | undefined =>
  d.resistance?.band ? t('line.band', { band: t(`common:vocab.band.${d.resistance.band}`) }) : undefined
/** A load with no unit of its own is in `unit`: the clinic's (see loadUnitOf in settings.ts), kilograms if not known. */
export const loadText = (d: Dosage, unit: LoadUnit = 'kg'): string | undefined =>
  d.resistance?.load ? `${d.resistance.load} ${d.resistance.unit ?? unit}` : undefined

/**
 * The dosage with its load's unit said: a load saved without one is in the clinic's unit. The handout fills it in
 * before printing, so every sentence and line that names the load names the clinic's unit.
 */
export const withLoadUnit = (d: Dosage, unit: LoadUnit): Dosage =>
  d.resistance?.load !== undefined && !d.resistance.unit ? { ...d, resistance: { ...d.resistance, unit } } : d

/** Days Monday first, whatever order they were picked in, by their short names: "Mon, Wed, Fri". */
export const daysIn = (t: HandoutT, days: readonly Weekday[], separator = ', '): string =>
  [...days]
    .sort((a, b) => weekdays.indexOf(a) - weekdays.indexOf(b))
    .map((day) => t(`common:vocab.day.${day}`))
    .join(separator)

/** The clinician's short dosage line, e.g. "2 sets × 10–15 reps · hold 5 s · 1× daily · both sides". */
export function dosageLine(d: Dosage, t: HandoutT = handoutT()): string {
  const parts: string[] = []
  const reps = d.reps ? t('line.reps', { range: countRange(d.reps.min, d.reps.max) }) : ''
  if (d.sets && reps) parts.push(`${setsText(d.sets, t)} × ${reps}`)
  else if (d.sets) parts.push(setsText(d.sets, t))
  else if (reps) parts.push(reps)
  const hold = holdRange(d)
  if (hold) parts.push(t('line.hold', { time: shortSecondsRange(hold) }))
  if (d.durationSeconds) parts.push(shortSeconds(d.durationSeconds))
  if (d.restSeconds) parts.push(t('line.rest', { time: shortSeconds(d.restSeconds) }))
  if (d.timesPerDay) parts.push(t('line.daily', { count: d.timesPerDay }))
  if (d.days?.length) parts.push(daysIn(t, d.days, '/'))
  else if (d.daysPerWeek) parts.push(t('line.daysPerWeek', { count: d.daysPerWeek }))
  if (d.side) parts.push(sideText(d.side, t))
  for (const part of [bandText(d, t), loadText(d)]) if (part) parts.push(part)
  return parts.join(' · ')
}
