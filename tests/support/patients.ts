import type { Patient, PatientInput } from '../../src/core/patient'

const firstNames = ['Anna', 'Łukasz', 'Thị Mai', 'Иван', 'María José', 'Chen', 'Aisha', 'Ολγα', 'Tom', 'Søren']
const lastNames = [
  'Łukasiewicz',
  'Nguyễn',
  'Петров',
  'Smith',
  'García',
  'Müller',
  'Kowalski',
  'O’Brien',
  'Παπαδόπουλος',
  'Lee',
]

/** A valid form entry; fields can be overridden per test. */
export function patientInput(overrides: Partial<PatientInput> = {}): PatientInput {
  return {
    firstName: 'Anna',
    lastName: 'Łukasiewicz',
    dateOfBirth: '1956-03-14',
    chartNumber: 'MRN-1001',
    status: 'active',
    patientType: 'new',
    appointment: { days: ['mon', 'wed'], timesOfDay: ['morning'], coverage: { kind: 'insurance', payer: 'Premera' } },
    ...overrides,
  }
}

const ts = '2026-01-02T03:04:05.000Z'

/**
 * A synthetic roster the size the benchmarks and crash tests need: `programs`
 * programs of `items` exercises per patient, with Unicode names throughout.
 */
export function syntheticPatients(count: number, programs = 3, items = 8): Patient[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `patient-${String(i).padStart(6, '0')}`,
    firstName: firstNames[i % 10]!,
    lastName: lastNames[Math.floor(i / 10) % 10]!,
    ...(i % 5 === 0 ? { preferredName: 'Jo' } : {}),
    dateOfBirth: `19${40 + (i % 60)}-0${1 + (i % 9)}-1${i % 9}`,
    chartNumber: `MRN-${100000 + i}`,
    phone: '+1 206 555 0100',
    email: `patient${i}@example.org`,
    condition: 'Lateral hip pain',
    referringProvider: 'Dr. Rivera',
    therapist: i % 2 ? 'Jessica Jones, PT, DPT' : 'Sam Park, PT',
    status: i % 11 === 0 ? 'discharged' : 'active',
    patientType: i % 3 === 0 ? 'new' : 'existing',
    appointment: { days: ['mon', 'wed'], timesOfDay: ['morning'], coverage: { kind: 'insurance', payer: 'Premera' } },
    revision: 1,
    createdAt: ts,
    updatedAt: ts,
    programs: Array.from({ length: programs }, (_, j) => ({
      id: `program-${i}-${j}`,
      title: 'Hip strengthening',
      status: j === programs - 1 ? 'current' : 'previous',
      revision: 1,
      createdAt: ts,
      updatedAt: ts,
      items: Array.from({ length: items }, (_, k) => ({
        id: `item-${i}-${j}-${k}`,
        exerciseId: 'clamshells',
        dosage: { sets: 2, reps: { min: 10, max: 15 }, holdSeconds: 5, timesPerDay: 1, side: 'both' },
        notes: 'Slow and steady.',
      })),
    })),
  }))
}
