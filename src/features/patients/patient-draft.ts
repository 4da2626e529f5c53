import { weekdays } from '../../core/dosage'
import { timesOfDay, type Patient, type PatientInput, type PatientSummary } from '../../core/patient'

export type Coverage = 'insurance' | 'self-pay' | 'other' | 'none'
export type Draft = Record<
  | 'firstName'
  | 'lastName'
  | 'preferredName'
  | 'dateOfBirth'
  | 'chartNumber'
  | 'phone'
  | 'email'
  | 'condition'
  | 'referringProvider'
  | 'therapist'
  | 'notes'
  | 'payer'
  | 'coverageDetail',
  string
> & {
  status: PatientInput['status']
  patientType: PatientInput['patientType']
  days: string[]
  timesOfDay: string[]
  coverage: Coverage
}

export const dayLabels: Record<(typeof weekdays)[number], string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
}
export const timeLabels: Record<(typeof timesOfDay)[number], string> = {
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
}

export function draftOf(p?: Patient): Draft {
  const c = p?.appointment.coverage
  return {
    firstName: p?.firstName ?? '',
    lastName: p?.lastName ?? '',
    preferredName: p?.preferredName ?? '',
    dateOfBirth: p?.dateOfBirth ?? '',
    chartNumber: p?.chartNumber ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    condition: p?.condition ?? '',
    referringProvider: p?.referringProvider ?? '',
    therapist: p?.therapist ?? '',
    notes: p?.notes ?? '',
    status: p?.status ?? 'active',
    patientType: p?.patientType ?? 'new',
    days: p?.appointment.days ?? [],
    timesOfDay: p?.appointment.timesOfDay ?? [],
    coverage: c?.kind ?? 'none',
    payer: c?.kind === 'insurance' ? c.payer : '',
    coverageDetail: c?.kind === 'other' ? (c.detail ?? '') : '',
  }
}

/** Empty text fields are left out rather than saved as "". */
export function inputOf(d: Draft): unknown {
  const opt = (v: string) => (v.trim() === '' ? undefined : v)
  const coverage =
    d.coverage === 'insurance'
      ? { kind: 'insurance', payer: d.payer }
      : d.coverage === 'self-pay'
        ? { kind: 'self-pay' }
        : d.coverage === 'other'
          ? { kind: 'other', detail: opt(d.coverageDetail) }
          : null
  return {
    firstName: d.firstName,
    lastName: d.lastName,
    preferredName: opt(d.preferredName),
    dateOfBirth: opt(d.dateOfBirth),
    chartNumber: opt(d.chartNumber),
    phone: opt(d.phone),
    email: opt(d.email),
    condition: opt(d.condition),
    referringProvider: opt(d.referringProvider),
    therapist: opt(d.therapist),
    status: d.status,
    patientType: d.patientType,
    appointment: { days: d.days, timesOfDay: d.timesOfDay, coverage },
    notes: opt(d.notes),
  }
}

/** Whether anything was typed or chosen in a new-patient form (so closing it would lose work). */
export const touched = (d: Draft) => JSON.stringify(d) !== JSON.stringify(draftOf())

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

/** The form fields that show their own error; any other problem is shown above the buttons. */
export const fieldsWithErrors = new Set([
  'firstName',
  'lastName',
  'preferredName',
  'dateOfBirth',
  'chartNumber',
  'phone',
  'email',
  'condition',
  'referringProvider',
  'therapist',
  'notes',
  'payer',
  'coverageDetail',
  'appointment',
])
