import { z } from 'zod'

/** Band colours in the usual light-to-heavy order of the common brands. */
export const bandColors = ['yellow', 'red', 'green', 'blue', 'black', 'silver', 'gold'] as const
export const sides = ['left', 'right', 'both', 'alternating'] as const
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof weekdays)[number]

const count = (max: number, what: string) =>
  z
    .number()
    .int(`${what} must be a whole number.`)
    .min(1, `${what} must be at least 1.`)
    .max(max, `${what} can be at most ${max}.`)
const seconds = (max: number, what: string) =>
  z
    .number()
    .min(1, `${what} must be at least 1 second.`)
    .max(max, `${what} can be at most ${max / 60} minutes.`)

/** Reps as one number (10) or a range (10 to 15). */
export const repsSchema = z
  .strictObject({ min: count(500, 'Reps'), max: count(500, 'Reps') })
  .refine((r) => r.max >= r.min, {
    message: 'The upper end of the reps range must not be below the lower end.',
    path: ['max'],
  })

/**
 * How much and how often, for one exercise in one patient's program.
 * Every field is optional: a stretch has a hold but no reps, a walk has a duration.
 */
export const dosageSchema = z
  .strictObject({
    sets: count(20, 'Sets').optional(),
    reps: repsSchema.optional(),
    holdSeconds: seconds(600, 'A hold').optional(),
    /**
     * The upper end when a hold is a range ("hold 5 to 10 seconds", as in a bridge progression). Absent for a
     * single hold, so programs and libraries saved before ranges existed load unchanged.
     */
    holdSecondsMax: seconds(600, 'A hold').optional(),
    restSeconds: seconds(600, 'Rest').optional(),
    durationSeconds: seconds(4 * 3600, 'Duration').optional(),
    timesPerDay: count(12, 'Times per day').optional(),
    daysPerWeek: count(7, 'Days per week').optional(),
    days: z.array(z.enum(weekdays)).max(7).optional(),
    side: z.enum(sides).optional(),
    resistance: z
      .strictObject({
        band: z.enum(bandColors).optional(),
        load: z.number().positive('Load must be more than 0.').max(500, 'Load can be at most 500.').optional(),
        unit: z.enum(['kg', 'lb']).optional(),
      })
      .optional(),
  })
  .superRefine((d, ctx) => {
    if (d.holdSecondsMax === undefined) return
    if (d.holdSeconds === undefined)
      ctx.addIssue({ code: 'custom', message: 'Enter the first number of the hold range too.', path: ['holdSeconds'] })
    else if (d.holdSecondsMax < d.holdSeconds)
      ctx.addIssue({
        code: 'custom',
        message: 'The upper end of the hold range must not be below the lower end.',
        path: ['holdSecondsMax'],
      })
  })
export type Dosage = z.infer<typeof dosageSchema>
