import type { Dosage } from './dosage'

/** Seconds one rep takes when nothing else says (lift, pause, lower). */
const SECONDS_PER_REP = 4
const DEFAULT_REST = 30

/**
 * A rough time for one session of one exercise, in seconds: reps × (rep + hold) per set, plus rest between
 * sets, times the number of sides. Good enough to tell a patient "about 15 minutes".
 */
export function sessionSeconds(d: Dosage): number {
  const sides = d.side === 'both' || d.side === 'alternating' ? 2 : 1
  const sets = d.sets ?? 1
  const reps = d.reps ? (d.reps.min + d.reps.max) / 2 : d.durationSeconds ? 1 : 10
  // A hold range counts as its middle, as a reps range does.
  const hold = d.holdSeconds === undefined ? 0 : (d.holdSeconds + (d.holdSecondsMax ?? d.holdSeconds)) / 2
  const perRep = d.durationSeconds ?? SECONDS_PER_REP + hold
  const rest = (sets - 1) * (d.restSeconds ?? DEFAULT_REST)
  return Math.round(sides * (sets * reps * perRep + rest))
}

/** "about 12 minutes" for a whole session of the program. */
export function programMinutes(dosages: readonly Dosage[]): number {
  return Math.max(1, Math.round(dosages.reduce((sum, d) => sum + sessionSeconds(d), 0) / 60))
}

/** Past this many exercises patients do fewer of them; the builder says so gently. */
export const ADHERENCE_WARNING_AFTER = 8
