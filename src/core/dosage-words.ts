import type { Dosage } from './dosage'
import { countRange, daysIn, holdRange } from './dosage-format'
import { handoutT, type HandoutT } from '../i18n'

/**
 * A dosage in the patient's words, in the handout's language: the card's sentences ("Do 10 to 15 times. Hold for
 * 5 seconds each time. Once a day."), the summary table's two cells, the picture's hold. `t` is the handout's
 * words (src/i18n, `handout` namespace); English when left out.
 */

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s)

/** "5 seconds", "1 minute", "2 minutes" (whole minutes only). */
export const secondsIn = (t: HandoutT, s: number): string =>
  s >= 60 && s % 60 === 0 ? t('dose.minutes', { count: s / 60 }) : t('dose.seconds', { count: s })

/** "once a day", "twice a day", "3 times a day". */
const perDay = (t: HandoutT, n: number) =>
  n === 1 ? t('dose.onceADay') : n === 2 ? t('dose.twiceADay') : t('dose.timesADay', { count: n })

/** "5 seconds", or for a range "5 to 10 seconds" (`to` is the language's " to ") or "5–10 seconds" (a table cell). */
export function holdWords(
  d: Pick<Dosage, 'holdSeconds' | 'holdSecondsMax'>,
  to: string,
  t: HandoutT = handoutT(),
): string | undefined {
  const hold = holdRange(d)
  if (!hold) return undefined
  if (hold.min === hold.max) return secondsIn(t, hold.min)
  const inMinutes = hold.min % 60 === 0 && hold.max % 60 === 0
  return inMinutes
    ? t('dose.minutesRange', { range: `${hold.min / 60}${to}${hold.max / 60}` })
    : t('dose.secondsRange', { range: `${hold.min}${to}${hold.max}` })
}

/**
 * How long the picture's end position is held, for its stopwatch and caption: the prescribed hold, or for a
 * position kept for a time (a balance stance: "30 seconds") that time. Not for walking, which is not held.
 */
export function pictureHold(
  d: Dosage,
  diagram?: { cycle?: 'return' | 'walk' },
  t: HandoutT = handoutT(),
): string | undefined {
  const hold = holdWords(d, t('dose.to'), t)
  if (hold || !d.durationSeconds || diagram?.cycle === 'walk') return hold
  return secondsIn(t, d.durationSeconds)
}

/** When: "once a day", "on Mon, Wed, Fri" (the table's cell leaves out "on"). */
function when(t: HandoutT, d: Dosage, on = true): string[] {
  const out: string[] = []
  if (d.timesPerDay) out.push(perDay(t, d.timesPerDay))
  if (d.days?.length) out.push(on ? t('dose.onDays', { days: daysIn(t, d.days) }) : daysIn(t, d.days))
  else if (d.daysPerWeek)
    out.push(d.daysPerWeek === 7 ? t('dose.everyDay') : t('dose.daysAWeek', { count: d.daysPerWeek }))
  return out
}

/** The same dosage in plain words for the patient: "Do 10 to 15 times. Hold for 5 seconds each time. Once a day." */
export function dosagePlain(d: Dosage, t: HandoutT = handoutT()): string {
  const out: string[] = []
  // With both sides the count is per side, said where the count is ("do both sides" alone left patients unsure).
  const range = d.reps ? countRange(d.reps.min, d.reps.max, t('dose.to')) : ''
  const reps = d.reps ? t(d.side === 'both' ? 'dose.repsEachSide' : 'dose.reps', { range, count: d.reps.max }) : ''
  if (d.sets && d.sets > 1 && reps) out.push(t('dose.doRounds', { reps, count: d.sets }))
  else if (reps) out.push(t('dose.doReps', { reps }))
  const hold = holdWords(d, t('dose.to'), t)
  if (hold) out.push(t('dose.holdEach', { hold }))
  // A duration is a stance held or a walk kept up: words that fit both.
  if (d.durationSeconds) out.push(t('dose.lasts', { duration: secondsIn(t, d.durationSeconds) }))
  if (d.restSeconds) out.push(t('dose.restBetween', { rest: secondsIn(t, d.restSeconds) }))
  if (d.side === 'both' && !reps) out.push(t('dose.bothSides'))
  if (d.side === 'left') out.push(t('dose.leftOnly'))
  if (d.side === 'right') out.push(t('dose.rightOnly'))
  if (d.side === 'alternating') out.push(t('dose.alternate'))
  if (d.resistance?.band) out.push(t('dose.useBand', { band: t(`common:vocab.band.${d.resistance.band}`) }))
  if (d.resistance?.load) out.push(t('dose.useLoad', { load: d.resistance.load, unit: d.resistance.unit ?? 'kg' }))
  const often = when(t, d).join(', ')
  if (often) out.push(`${cap(often)}.`)
  return out.join(' ')
}

/** The two short cells of the "at a glance" table. */
export function dosageSummary(d: Dosage, t: HandoutT = handoutT()): { amount: string; often: string } {
  const amount: string[] = []
  if (d.reps) {
    const range = countRange(d.reps.min, d.reps.max, t('dose.to'))
    amount.push(t(d.side === 'both' ? 'dose.summaryRepsEachSide' : 'dose.summaryReps', { range, count: d.reps.max }))
  }
  if (d.sets && d.sets > 1) amount.push(t('dose.rounds', { count: d.sets }))
  const hold = holdWords(d, '–', t)
  if (hold) amount.push(t('dose.holdShort', { hold }))
  if (d.durationSeconds) amount.push(secondsIn(t, d.durationSeconds))
  return { amount: cap(amount.join(', ')) || '—', often: cap(when(t, d, false).join(', ')) || '—' }
}
