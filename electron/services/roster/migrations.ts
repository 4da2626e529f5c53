/**
 * Ordered migrations of patient records. Each step takes one patient as
 * version `from` stored it and returns it as version `from + 1`; a roster
 * file, a backup, an export and an old journal line are all upgraded with the
 * same steps. Anything that is not a patient list of a known version is a
 * MigrationError (the caller sets the file aside); a file newer than the code
 * is never read this way (see open.ts).
 */
import { SCHEMA_VERSION } from './format'
import { say } from '../../../src/i18n/say'

type Raw = Record<string, unknown>

export class MigrationError extends Error {}

interface Migration {
  from: number
  describe: string
  up(patient: Raw): Raw
}

/** v1 (Homeplan 0.0.x): `name` was "Last, First", `dob` was MM/DD/YYYY, `mrn` held the chart number, and there were no appointment preferences. */
function v1PatientToV2(raw: Raw): Raw {
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

/** v3: every patient and program carries a revision, so a save from an out-of-date window can be refused. */
function v2PatientToV3(raw: Raw): Raw {
  const programs = raw['programs']
  return {
    ...raw,
    revision: 1,
    programs: Array.isArray(programs)
      ? programs.map((p) => (p && typeof p === 'object' ? { ...(p as Raw), revision: 1 } : p))
      : programs,
  }
}

/*
 * Optional fields added since v3 need no step and no new version: records saved before them simply do not have
 * them (a patient's handout language; the chart fields of issue 19: precautions, surgery or onset date and kind,
 * next appointment, insurance member ID, authorised visits). The member ID is also in the stored summaries, but a
 * file written before it existed has no member ID in any record either, so its summaries are already right.
 */
export const migrations: Migration[] = [
  { from: 1, describe: 'split names, ISO dates of birth, chart numbers, appointment preferences', up: v1PatientToV2 },
  { from: 2, describe: 'a revision on every patient and program', up: v2PatientToV3 },
  // The records do not change: the version says the files' checksums are SHA-256, so that a Homeplan of version 3
  // (which reads only CRC-32 lines) refuses the folder as newer instead of setting its journal aside as damaged.
  { from: 3, describe: 'journal lines and roster.json checked with SHA-256', up: (patient) => patient },
]

/** One patient stored by version `from`, as the current version stores it (not yet validated). */
export function upgradePatient(raw: unknown, from: number): unknown {
  if (from === SCHEMA_VERSION || !raw || typeof raw !== 'object' || Array.isArray(raw)) return raw
  let current = raw as Raw
  for (const step of migrations) if (step.from >= from) current = step.up(current)
  return current
}

export const isKnownVersion = (version: unknown): version is number =>
  typeof version === 'number' && Number.isInteger(version) && version >= 1 && version <= SCHEMA_VERSION

/** The patient list of a whole document (roster file, backup, export) of an older version, upgraded. */
export function upgradePatients(doc: unknown): unknown[] {
  const { schemaVersion, patients } = (doc ?? {}) as { schemaVersion?: unknown; patients?: unknown }
  if (!isKnownVersion(schemaVersion))
    throw new MigrationError(
      say('snapshot.fileVersion', { version: JSON.stringify(schemaVersion) ?? say('snapshot.noVersion') }),
    )
  if (!Array.isArray(patients)) throw new MigrationError(say('snapshot.noList'))
  return patients.map((p) => upgradePatient(p, schemaVersion))
}
