import { patientInputSchema, timesOfDay, type PatientInput, type PatientSummary } from '../../core/patient'
import type { ZodForm } from '../../app/use-zod-form'

/** The schema the patient form checks with: the one createPatient and updatePatient take (today read at each check). */
export const patientFormSchema = patientInputSchema()
export type PatientFormApi = ZodForm<typeof patientFormSchema>

type FormValues = ReturnType<PatientFormApi['getValues']>

/**
 * The patient forms open now, as typed, by patient id ('new' for a new patient): kept in memory only (never on
 * disk) while the form is open, so the lock (issue 17), which unmounts every page, gives the form back after unlock.
 * Closing, saving or leaving the form any other way forgets it.
 */
const openForms = new Map<string, FormValues>()
export const keptForm = (key: string): FormValues | undefined => openForms.get(key)
export const keepForm = (key: string, values: FormValues) => void openForms.set(key, values)
export const forgetForm = (key: string) => void openForms.delete(key)

/** The catalogue key of each time of day's name. */
export const timeKeys = {
  morning: 'appointment.time.morning',
  afternoon: 'appointment.time.afternoon',
  evening: 'appointment.time.evening',
} as const satisfies Record<(typeof timesOfDay)[number], string>

/** What a new patient's form starts with. */
export const newPatient: PatientInput = {
  firstName: '',
  lastName: '',
  status: 'active',
  patientType: 'new',
  appointment: { days: [], timesOfDay: [], coverage: null },
}

const same = (a: string | undefined, b: string | undefined) =>
  (a ?? '').trim().toLocaleLowerCase() === (b ?? '').trim().toLocaleLowerCase()

/** Another patient with the same first and last name and date of birth (probably the same person), if any. */
export function samePerson(
  input: Pick<PatientInput, 'firstName' | 'lastName' | 'dateOfBirth'>,
  roster: readonly PatientSummary[],
  self?: string,
): PatientSummary | undefined {
  if (!input.dateOfBirth) return undefined
  return roster.find(
    (p) =>
      p.id !== self &&
      p.dateOfBirth === input.dateOfBirth &&
      same(p.firstName, input.firstName) &&
      same(p.lastName, input.lastName),
  )
}
