import { z } from 'zod'
import { says } from '../i18n/say'
import { THERAPIST_NAME_MAX } from './limits'
import { weekdays } from './dosage'
import { itemWordsOf } from './exercise'
import { humanText, storedText, type TextRule } from './text'
import { id } from './ids'
import { handoutLanguageSchema } from './languages'
import { handoutLayoutSchema, paperSizeSchema } from './handout-options'

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, says('date.format'))
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  }, says('date.notReal'))
/** The earliest date of birth the form accepts. */
export const EARLIEST_BIRTH_DATE = '1900-01-01'
export const timestamp = z.iso.datetime({ offset: true })
export { id }

export const patientStatuses = ['active', 'discharged', 'archived'] as const
export const timesOfDay = ['morning', 'afternoon', 'evening'] as const

const coverageOf = (t: TextRule) =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('insurance'),
      payer: t({ max: 200, label: 'field.payer', required: 'required.payer' }),
    }),
    z.strictObject({ kind: z.literal('self-pay') }),
    z.strictObject({ kind: z.literal('other'), detail: t({ max: 200, label: 'field.coverageDetail' }).optional() }),
  ])
export const coverageSchema = coverageOf(humanText)

const appointmentOf = (t: TextRule) =>
  z.strictObject({
    days: z.array(z.enum(weekdays)).max(7),
    timesOfDay: z.array(z.enum(timesOfDay)).max(3),
    coverage: coverageOf(t).nullable(),
  })
export const appointmentSchema = appointmentOf(humanText)

const localToday = () => {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** What a patient's surgery-or-onset date is the date of. */
export const onsetKinds = ['surgery', 'onset'] as const
export const AUTHORISED_VISITS_MAX = 200

/** Dates the form bounds by today; a stored record is read without the bounds (it stays valid as time passes). */
interface BoundedDates {
  dateOfBirth: z.ZodType<string>
  onsetDate: z.ZodType<string>
}

/** The patient form's fields; `t` is how text is checked (strictly as typed, leniently as stored). */
const patientFields = (t: TextRule, { dateOfBirth, onsetDate }: BoundedDates) => ({
  firstName: t({ max: 100, label: 'field.firstName', required: 'required.firstName' }),
  lastName: t({ max: 100, label: 'field.lastName', required: 'required.lastName' }),
  preferredName: t({ max: 100, label: 'field.preferredName' }).optional(),
  dateOfBirth: dateOfBirth.optional(),
  chartNumber: t({ max: 40, label: 'field.chartNumber' }).optional(),
  phone: t({ max: 40, label: 'field.phone' }).optional(),
  email: z.union([z.email(says('record.email')).max(200), z.literal('')]).optional(),
  condition: t({ max: 500, label: 'field.condition' }).optional(),
  referringProvider: t({ max: 200, label: 'field.referringProvider' }).optional(),
  therapist: t({ max: THERAPIST_NAME_MAX, label: 'field.therapist' }).optional(),
  /** The language this patient's handouts print in; left out, English. */
  handoutLanguage: handoutLanguageSchema.optional(),
  status: z.enum(patientStatuses),
  patientType: z.enum(['new', 'existing']),
  appointment: appointmentOf(t),
  notes: t({ max: 5000, label: 'field.notes', multiline: true }).optional(),
  // The chart (issue 19): for the therapist only. Precautions are never printed on a handout.
  precautions: t({ max: 2000, label: 'field.precautions', multiline: true }).optional(),
  onsetDate: onsetDate.optional(),
  /** What `onsetDate` is the date of; left out, surgery. */
  onsetKind: z.enum(onsetKinds).optional(),
  /** May be in the future (that is the point). */
  nextAppointment: isoDate.optional(),
  memberId: t({ max: 60, label: 'field.memberId' }).optional(),
  authorisedVisits: z
    .number(says('value.wholeNumber', { label: 'field.authorisedVisits' }))
    .int(says('value.wholeNumber', { label: 'field.authorisedVisits' }))
    .min(1, says('value.atLeastOne', { label: 'field.authorisedVisits' }))
    .max(AUTHORISED_VISITS_MAX, says('value.atMost', { label: 'field.authorisedVisits', max: AUTHORISED_VISITS_MAX }))
    .optional(),
})

/** What the patient form edits. `today` (asked at each check) bounds the date of birth. */
export function patientInputSchema(today: () => string = localToday) {
  const dateOfBirth = isoDate
    .refine((value) => value >= EARLIEST_BIRTH_DATE, says('date.birthTooEarly'))
    .refine((value) => value <= today(), says('date.birthInFuture'))
  const onsetDate = isoDate.refine((value) => value <= today(), says('date.onsetInFuture'))
  return z.strictObject(patientFields(humanText, { dateOfBirth, onsetDate }))
}
export type PatientInput = z.infer<ReturnType<typeof patientInputSchema>>

const programItemOf = (t: TextRule) =>
  z.strictObject({
    id,
    exerciseId: t({ max: 120, label: 'field.exercise', required: 'required.exercise' }),
    ...itemWordsOf(t),
  })
export const programItemSchema = programItemOf(humanText)
export type ProgramItem = z.infer<typeof programItemSchema>

const programFields = (t: TextRule) => ({
  title: t({ max: 120, label: 'field.programTitle', required: 'required.programTitle' }),
  status: z.enum(['current', 'previous']),
  goals: t({ max: 1000, label: 'field.goals', multiline: true }).optional(),
  therapist: t({ max: THERAPIST_NAME_MAX, label: 'field.therapist' }).optional(),
  items: z.array(programItemOf(t)).max(100, says('record.programItems', { max: 100 })),
})
/** A program as the builder saves it. */
export const programInputSchema = z.strictObject(programFields(humanText))
export type ProgramInput = z.infer<typeof programInputSchema>

/**
 * A stored record's revision: 1 when created, one more at every save. A save names the revision it was
 * made from, and is refused if the record has moved on since (another window or tab saved first).
 */
export const revision = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

/** Stored records are read with the rules they were saved under (see ./text), so older data still loads. */
export const programSchema = z.strictObject({
  ...programFields(storedText),
  id,
  revision,
  createdAt: timestamp,
  updatedAt: timestamp,
})
export type Program = z.infer<typeof programSchema>

/** One printed or exported handout: when, how, and the program exactly as it was printed. */
export const handoutRecordSchema = z.strictObject({
  id,
  at: timestamp,
  programId: id,
  layout: handoutLayoutSchema,
  paper: paperSizeSchema,
  /** The language it was printed in; records from before handouts had a language are English. */
  language: handoutLanguageSchema.optional(),
  file: storedText({ max: 260, label: 'field.fileName' }),
  snapshot: z.strictObject({
    title: storedText({ max: 120, label: 'field.title' }),
    items: z.array(programItemOf(storedText)).max(100),
  }),
})
export type HandoutRecord = z.infer<typeof handoutRecordSchema>

/** How many programs and handout records one patient's record holds; the services refuse one more in words. */
export const MAX_PROGRAMS = 500
export const MAX_HANDOUTS = 1000

/**
 * A stored patient, read with the rules it was saved under (see ./text). The date-of-birth bounds are not
 * re-checked here: a stored record stays valid as time passes, and one saved before they existed still loads.
 */
export const patientSchema = z.strictObject({
  ...patientFields(storedText, { dateOfBirth: isoDate, onsetDate: isoDate }),
  id,
  /** Counts changes to the patient's own details (the form); programs carry their own revision. */
  revision,
  createdAt: timestamp,
  updatedAt: timestamp,
  programs: z.array(programSchema).max(MAX_PROGRAMS, says('record.programs', { max: MAX_PROGRAMS })),
  handouts: z
    .array(handoutRecordSchema)
    .max(MAX_HANDOUTS, says('record.handouts', { max: MAX_HANDOUTS }))
    .optional(),
})
export type Patient = z.infer<typeof patientSchema>

/** What the roster table needs for each row. */
export interface PatientSummary {
  id: string
  firstName: string
  lastName: string
  preferredName?: string
  dateOfBirth?: string
  chartNumber?: string
  condition?: string
  therapist?: string
  /** Insurance member ID, for the roster search. */
  memberId?: string
  status: Patient['status']
  patientType: Patient['patientType']
  updatedAt: string
  programCount: number
  lastProgramAt?: string
}

export function summarize(patient: Patient): PatientSummary {
  const last = patient.programs.reduce<string | undefined>(
    (max, p) => (max && max > p.createdAt ? max : p.createdAt),
    undefined,
  )
  return {
    id: patient.id,
    firstName: patient.firstName,
    lastName: patient.lastName,
    preferredName: patient.preferredName,
    dateOfBirth: patient.dateOfBirth,
    chartNumber: patient.chartNumber,
    condition: patient.condition,
    therapist: patient.therapist,
    status: patient.status,
    patientType: patient.patientType,
    updatedAt: patient.updatedAt,
    programCount: patient.programs.length,
    lastProgramAt: last,
    // Last, so a summary stored before member IDs existed is the same JSON as one made now (see format.ts).
    memberId: patient.memberId,
  }
}

/** Chart numbers are compared the way a person reads them: case, spaces and dashes do not matter. */
export const chartKey = (chart: string | undefined) => (chart ? chart.toLowerCase().replace(/[\s-]/g, '') : '')
