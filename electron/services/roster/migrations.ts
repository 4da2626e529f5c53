/**
 * Ordered migrations of the roster file. Each step takes the whole document
 * of version `from` and returns version `from + 1`. A backup is taken before
 * any step runs (see store.ts); a file newer than the code is never touched.
 */
import { SCHEMA_VERSION } from './format'

type Doc = { schemaVersion: number; patients: unknown[]; [key: string]: unknown }

interface Migration {
  from: number
  describe: string
  up(doc: Doc): Doc
}

/** v1 (Homeplan 0.0.x): `name` was "Last, First", `dob` was MM/DD/YYYY, `mrn` held the chart number, and there were no appointment preferences. */
function v1PatientToV2(raw: Record<string, unknown>): Record<string, unknown> {
  const { name, dob, mrn, status, isNew, ...rest } = raw
  const full = String(name ?? '').trim()
  // "Last, First" as v1 wrote it; a name typed without a comma is read as "First Last".
  const [last = '', first = ''] = full.includes(',')
    ? full.split(',').map((part) => part.trim())
    : [full.split(/\s+/).slice(1).join(' '), full.split(/\s+/)[0]]
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(String(dob ?? ''))
  return {
    ...rest,
    firstName: first || last,
    lastName: last || first,
    ...(us ? { dateOfBirth: `${us[3]}-${us[1]}-${us[2]}` } : {}),
    ...(mrn ? { chartNumber: String(mrn) } : {}),
    status: status === 'inactive' ? 'discharged' : 'active',
    patientType: isNew ? 'new' : 'existing',
    appointment: { days: [], timesOfDay: [], coverage: null },
    programs: Array.isArray(raw['programs']) ? raw['programs'] : [],
  }
}

export const migrations: Migration[] = [
  {
    from: 1,
    describe: 'split names, ISO dates of birth, chart numbers, appointment preferences',
    up: (doc) => ({ ...doc, schemaVersion: 2, patients: doc.patients.map((p) => v1PatientToV2(p as Record<string, unknown>)) }),
  },
]

export function migrate(doc: Doc): Doc {
  let current = doc
  for (const step of migrations) {
    if (current.schemaVersion === step.from) current = step.up(current)
  }
  if (current.schemaVersion !== SCHEMA_VERSION) {
    throw new Error(`No migration from roster version ${current.schemaVersion} to ${SCHEMA_VERSION}.`)
  }
  return current
}
