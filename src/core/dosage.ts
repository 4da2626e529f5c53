import { z } from 'zod'
import { say, says, type FieldLabel } from '../i18n/say'

/** Band colours in the usual light-to-heavy order of the common brands. */
export const bandColors = ['yellow', 'red', 'green', 'blue', 'black', 'silver', 'gold'] as const
export const sides = ['left', 'right', 'both', 'alternating'] as const
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof weekdays)[number]

const count = (max: number, label: FieldLabel) =>
  z
    .number()
    .int(says('value.wholeNumber', { label }))
    .min(1, says('value.atLeastOne', { label }))
    .max(max, says('value.atMost', { label, max }))
const seconds = (max: number, label: FieldLabel) =>
  z
    .number()
    .min(1, says('value.atLeastOneSecond', { label }))
    .max(max, says('value.atMostMinutes', { label, minutes: max / 60 }))

/** Reps as one number (10) or a range (10 to 15). */
export const repsSchema = z
  .strictObject({ min: count(500, 'field.reps'), max: count(500, 'field.reps') })
  .refine((r) => r.max >= r.min, { ...says('value.repsRange'), path: ['max'] })

/**
 * How much and how often, for one exercise in one patient's program.
 * Every field is optional: a stretch has a hold but no reps, a walk has a duration.
 */
export const dosageSchema = z
  .strictObject({
    sets: count(20, 'field.sets').optional(),
    reps: repsSchema.optional(),
    holdSeconds: seconds(600, 'field.hold').optional(),
    /**
     * The upper end when a hold is a range ("hold 5 to 10 seconds", as in a bridge progression). Absent for a
     * single hold, so programs and libraries saved before ranges existed load unchanged.
     */
    holdSecondsMax: seconds(600, 'field.hold').optional(),
    restSeconds: seconds(600, 'field.rest').optional(),
    durationSeconds: seconds(4 * 3600, 'field.duration').optional(),
    timesPerDay: count(12, 'field.timesPerDay').optional(),
    daysPerWeek: count(7, 'field.daysPerWeek').optional(),
    days: z.array(z.enum(weekdays)).max(7).optional(),
    side: z.enum(sides).optional(),
    resistance: z
      .strictObject({
        band: z.enum(bandColors).optional(),
        load: z
          .number()
          .positive(says('value.loadPositive'))
          .max(500, says('value.loadMax', { max: 500 }))
          .optional(),
        unit: z.enum(['kg', 'lb']).optional(),
      })
      .optional(),
  })
  .superRefine((d, ctx) => {
    if (d.holdSecondsMax === undefined) return
    if (d.holdSeconds === undefined)
      ctx.addIssue({ code: 'custom', message: say('value.holdRangeStart'), path: ['holdSeconds'] })
    else if (d.holdSecondsMax < d.holdSeconds)
      ctx.addIssue({
        code: 'custom',
        message: say('value.holdRange'),
        path: ['holdSecondsMax'],
      })
  })
export type Dosage = z.infer<typeof dosageSchema>
