import { describe, expect, it } from 'vitest'
import { dosageLine } from '../../src/core/dosage-format'
import { dosageSchema } from '../../src/core/dosage'
import { dosagePlain, dosageSummary, pictureHold } from '../../src/core/dosage-words'
import { programMinutes, sessionSeconds } from '../../src/core/program-time'

describe('dosageLine', () => {
  it('writes the clinician’s line in a fixed order', () => {
    expect(dosageLine({ sets: 2, reps: { min: 10, max: 15 }, holdSeconds: 5, timesPerDay: 1, side: 'both' })).toBe(
      '2 sets × 10–15 reps · hold 5 s · 1× daily · both sides',
    )
  })
  it('uses singulars and single numbers where they apply', () => {
    expect(dosageLine({ sets: 1, reps: { min: 10, max: 10 } })).toBe('1 set × 10 reps')
    expect(dosageLine({ sets: 3 })).toBe('3 sets')
    expect(dosageLine({ reps: { min: 2, max: 3 }, holdSeconds: 30 })).toBe('2–3 reps · hold 30 s')
  })
  it('shows minutes, rest, frequency, days, sides and resistance', () => {
    expect(dosageLine({ durationSeconds: 600, timesPerDay: 2, daysPerWeek: 5 })).toBe('10 min · 2× daily · 5 days/week')
    expect(
      dosageLine({ sets: 3, reps: { min: 8, max: 8 }, restSeconds: 90, days: ['fri', 'mon', 'wed'], side: 'left' }),
    ).toBe('3 sets × 8 reps · rest 90 s · Mon/Wed/Fri · left side')
    expect(dosageLine({ reps: { min: 12, max: 12 }, side: 'alternating', resistance: { band: 'red' } })).toBe(
      '12 reps · alternate sides · red band',
    )
    expect(dosageLine({ reps: { min: 12, max: 12 }, resistance: { load: 2.5, unit: 'lb' } })).toBe('12 reps · 2.5 lb')
    expect(dosageLine({})).toBe('')
  })
  it('prints a hold range (the bridge progression’s 5–10 s) on every line of the handout', () => {
    const bridge = { sets: 2, reps: { min: 10, max: 10 }, holdSeconds: 5, holdSecondsMax: 10 }
    expect(dosageLine(bridge)).toBe('2 sets × 10 reps · hold 5–10 s')
    expect(dosageSummary(bridge).amount).toBe('10 times, 2 rounds, hold 5–10 seconds')
    expect(dosagePlain(bridge)).toContain('Hold for 5 to 10 seconds each time.')
    expect(dosageLine({ holdSeconds: 60, holdSecondsMax: 120 })).toBe('hold 1–2 min')
    expect(dosagePlain({ holdSeconds: 60, holdSecondsMax: 120 })).toBe('Hold for 1 to 2 minutes each time.')
    // A range whose ends are equal is a single hold.
    expect(dosageLine({ holdSeconds: 5, holdSecondsMax: 5 })).toBe('hold 5 s')
    expect(dosageSummary({ holdSeconds: 5 }).amount).toBe('Hold 5 seconds')
  })
})

describe('dosage bounds', () => {
  const field = (value: unknown) => {
    const result = dosageSchema.safeParse(value)
    return result.success ? 'ok' : `${result.error.issues[0]!.path.join('.')}: ${result.error.issues[0]!.message}`
  }
  it('refuses impossible values with a message a therapist understands', () => {
    expect(field({ reps: { min: -1, max: 10 } })).toBe('reps.min: Reps must be at least 1.')
    expect(field({ reps: { min: 15, max: 10 } })).toBe(
      'reps.max: The upper end of the reps range must not be below the lower end.',
    )
    expect(field({ holdSeconds: 601 })).toBe('holdSeconds: A hold can be at most 10 minutes.')
    expect(field({ sets: 2.5 })).toBe('sets: Sets must be a whole number.')
    expect(field({ side: 'middle' })).toMatch(/^side: /)
    expect(field({ sets: 2, reps: { min: 10, max: 15 } })).toBe('ok')
  })
  it('accepts a hold range, and dosages stored before ranges existed', () => {
    expect(field({ holdSeconds: 5, holdSecondsMax: 10 })).toBe('ok')
    expect(field({ holdSeconds: 5 })).toBe('ok')
    expect(field({ holdSeconds: 10, holdSecondsMax: 5 })).toBe(
      'holdSecondsMax: The upper end of the hold range must not be below the lower end.',
    )
    expect(field({ holdSecondsMax: 10 })).toBe('holdSeconds: Enter the first number of the hold range too.')
    expect(field({ holdSeconds: 5, holdSecondsMax: 601 })).toBe('holdSecondsMax: A hold can be at most 10 minutes.')
  })
})

describe('program time', () => {
  it('estimates a session from reps, holds, sets, rest and sides', () => {
    // 2 sides × (2 sets × 12.5 reps × (4 s + 5 s) + 30 s rest) = 510 s
    expect(sessionSeconds({ sets: 2, reps: { min: 10, max: 15 }, holdSeconds: 5, side: 'both' })).toBe(510)
    expect(sessionSeconds({ durationSeconds: 600 })).toBe(600)
    // A 5–10 s hold counts as 7.5 s: 10 reps × (4 s + 7.5 s).
    expect(sessionSeconds({ reps: { min: 10, max: 10 }, holdSeconds: 5, holdSecondsMax: 10 })).toBe(115)
    expect(
      programMinutes([{ durationSeconds: 600 }, { sets: 2, reps: { min: 10, max: 15 }, holdSeconds: 5, side: 'both' }]),
    ).toBe(19)
  })
})

describe('counts for both sides and timed positions', () => {
  it('says the count is per side, in the sentence and in the table cell', () => {
    const d = { reps: { min: 10, max: 15 }, side: 'both' as const, timesPerDay: 1 }
    expect(dosagePlain(d)).toBe('Do 10 to 15 times on each side. Once a day.')
    expect(dosageSummary(d).amount).toBe('10 to 15 times each side')
    expect(dosagePlain({ holdSeconds: 30, side: 'both' })).toBe('Hold for 30 seconds each time. Do both sides.')
  })

  it('gives a balance stance’s time to its picture as a hold, but not a walk’s', () => {
    expect(pictureHold({ durationSeconds: 30, reps: { min: 3, max: 3 } }, {})).toBe('30 seconds')
    expect(pictureHold({ durationSeconds: 900 }, { cycle: 'walk' })).toBeUndefined()
    expect(pictureHold({ holdSeconds: 5, durationSeconds: 60 })).toBe('5 seconds')
  })

  it('words a timed position so it fits a stance held as well as a walk', () => {
    expect(dosagePlain({ durationSeconds: 30, reps: { min: 3, max: 3 } })).toBe(
      'Do 3 times. Each time lasts 30 seconds.',
    )
  })
})
