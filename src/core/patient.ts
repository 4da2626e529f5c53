import { z } from 'zod'
import { THERAPIST_NAME_MAX } from './limits'
import { dosageSchema, weekdays } from './dosage'

/** Bounded text: trimmed, with a limit a person would never hit but a pasted novel would. */
export const text = (max: number, label: string) => z.string().trim().max(max, `${label} can be at most ${max} characters.`)
const optionalText = (max: number, label: string) => text(max, label).optional()

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 1956-03-14.').refine((value) => {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}, 'This is not a real calendar date.')
export const timestamp = z.iso.datetime({ offset: true })
export const id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'This is not a valid id.')

export const patientStatuses = ['active', 'discharged', 'archived'] as const
export const timesOfDay = ['morning', 'afternoon', 'evening'] as const

export const coverageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('insurance'), payer: text(200, 'Payer name').min(1, 'Enter the insurance payer’s name.') }),
  z.strictObject({ kind: z.literal('self-pay') }),
  z.strictObject({ kind: z.literal('other'), detail: optionalText(200, 'Coverage detail') }),
])

export const appointmentSchema = z.strictObject({
  days: z.array(z.enum(weekdays)).max(7),
  timesOfDay: z.array(z.enum(timesOfDay)).max(3),
  coverage: coverageSchema.nullable(),
})

const localToday = () => {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** What the patient form edits. `today` (asked at each check) bounds the date of birth. */
export function patientInputSchema(today: () => string = localToday) {
  return z.strictObject({
    firstName: text(100, 'First name').min(1, 'Enter a first name.'),
    lastName: text(100, 'Last name').min(1, 'Enter a last name.'),
    preferredName: optionalText(100, 'Preferred name'),
    dateOfBirth: isoDate.refine((value) => value <= today(), 'The date of birth cannot be in the future.').optional(),
    chartNumber: optionalText(40, 'Chart number'),
    phone: optionalText(40, 'Phone'),
    email: z.union([z.email('Enter a valid email address.').max(200), z.literal('')]).optional(),
    condition: optionalText(500, 'Condition'),
    referringProvider: optionalText(200, 'Referring provider'),
    therapist: optionalText(THERAPIST_NAME_MAX, 'Therapist'),
    status: z.enum(patientStatuses),
    patientType: z.enum(['new', 'existing']),
    appointment: appointmentSchema,
    notes: optionalText(5000, 'Notes'),
  })
}
export type PatientInput = z.infer<ReturnType<typeof patientInputSchema>>

export const programItemSchema = z.strictObject({
  id,
  exerciseId: text(120, 'Exercise').min(1),
  dosage: dosageSchema,
  instructionOverride: z.array(text(500, 'A step')).max(20).optional(),
  notes: optionalText(1000, 'Notes'),
})
export type ProgramItem = z.infer<typeof programItemSchema>

export const programInputSchema = z.strictObject({
  title: text(120, 'Program title').min(1, 'Give the program a title.'),
  status: z.enum(['current', 'previous']),
  goals: optionalText(1000, 'Goals'),
  therapist: optionalText(THERAPIST_NAME_MAX, 'Therapist'),
  items: z.array(programItemSchema).max(100, 'A program can hold at most 100 exercises.'),
})
export type ProgramInput = z.infer<typeof programInputSchema>

/**
 * A stored record's revision: 1 when created, one more at every save. A save names the revision it was
 * made from, and is refused if the record has moved on since (another window or tab saved first).
 */
export const revision = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

export const programSchema = programInputSchema.extend({ id, revision, createdAt: timestamp, updatedAt: timestamp })
export type Program = z.infer<typeof programSchema>

/** One printed or exported handout: when, how, and the program exactly as it was printed. */
export const handoutRecordSchema = z.strictObject({
  id,
  at: timestamp,
  programId: id,
  layout: z.enum(['detailed', 'compact', 'large']),
  paper: z.enum(['letter', 'a4']),
  file: text(260, 'File name'),
  snapshot: z.strictObject({ title: text(120, 'Title'), items: z.array(programItemSchema).max(100) }),
})
export type HandoutRecord = z.infer<typeof handoutRecordSchema>

/** A stored patient. The date-of-birth bound is not re-checked here: a stored record stays valid as time passes. */
export const patientSchema = patientInputSchema(() => '9999-12-31').extend({
  id,
  /** Counts changes to the patient's own details (the form); programs carry their own revision. */
  revision,
  createdAt: timestamp,
  updatedAt: timestamp,
  programs: z.array(programSchema).max(500),
  handouts: z.array(handoutRecordSchema).max(1000).optional(),
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
  status: Patient['status']
  patientType: Patient['patientType']
  updatedAt: string
  programCount: number
  lastProgramAt?: string
}

export function summarize(patient: Patient): PatientSummary {
  const last = patient.programs.reduce<string | undefined>((max, p) => (max && max > p.createdAt ? max : p.createdAt), undefined)
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
  }
}

/** Chart numbers are compared the way a person reads them: case, spaces and dashes do not matter. */
export const chartKey = (chart: string | undefined) => (chart ? chart.toLowerCase().replace(/[\s-]/g, '') : '')

export const fullName = (p: Pick<Patient, 'firstName' | 'lastName' | 'preferredName'>) =>
  `${p.firstName}${p.preferredName ? ` “${p.preferredName}”` : ''} ${p.lastName}`
