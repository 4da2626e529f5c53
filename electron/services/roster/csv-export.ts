/**
 * CSV files Homeplan writes (issue 18): the roster with the columns chosen, and one patient's program history.
 * UTF-8 with a BOM and CRLF line ends, so Excel opens them with accents intact; a value that starts with = + - or @
 * gets a leading ' so a spreadsheet shows it as text instead of running it as a formula.
 */
import Papa from 'papaparse'
import { rosterCsvHeaders, type CsvField, type RosterCsvColumn } from '../../../src/core/csv-fields'
import type { Patient } from '../../../src/core/patient'

/** A cell a spreadsheet would read as a formula gets a leading apostrophe (OWASP's advice against CSV injection). */
export const safeCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/** Rows as CSV text with a UTF-8 BOM and CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const data = [header, ...rows].map((row) => row.map(safeCell))
  return `\uFEFF${Papa.unparse(data, { newline: '\r\n', quotes: false })}\r\n`
}

const lastProgramOf = (patient: Patient) =>
  patient.programs.reduce<string>((max, p) => (p.createdAt > max ? p.createdAt : max), '').slice(0, 10)

export function rosterCsv(patients: readonly Patient[], columns: readonly RosterCsvColumn[]): string {
  const cell = (p: Patient, column: RosterCsvColumn): string => {
    if (column === 'programs') return String(p.programs.length)
    if (column === 'lastProgram') return lastProgramOf(p)
    if (column === 'status') return p.status
    return (p as Partial<Record<CsvField, string>>)[column] ?? ''
  }
  return toCsv(
    columns.map((c) => rosterCsvHeaders[c]),
    patients.map((p) => columns.map((c) => cell(p, c))),
  )
}

/** One row per program: its title, status, dates, therapist, goals and exercises (by name, in order). */
export function programHistoryCsv(patient: Patient, exerciseName: (id: string) => string): string {
  const programs = [...patient.programs].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const printed = (programId: string) => (patient.handouts ?? []).filter((h) => h.programId === programId).length
  return toCsv(
    ['Program', 'Status', 'Created', 'Last changed', 'Therapist', 'Goals', 'Exercises', 'Exercise list', 'Handouts'],
    programs.map((p) => [
      p.title,
      p.status,
      p.createdAt.slice(0, 10),
      p.updatedAt.slice(0, 10),
      p.therapist ?? '',
      p.goals ?? '',
      String(p.items.length),
      p.items.map((item) => exerciseName(item.exerciseId)).join('; '),
      String(printed(p.id)),
    ]),
  )
}
