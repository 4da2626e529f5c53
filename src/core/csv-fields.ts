/**
 * The words of the CSV import and export (issue 18) that the screens need too: which patient fields a column can
 * fill, which columns an export can hold. No parser here, so the renderer can import it without Papa Parse.
 */
import { z } from 'zod'

/** The patient fields a CSV column can fill. */
export const csvFields = [
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
  'memberId',
  'precautions',
] as const
export type CsvField = (typeof csvFields)[number]
export const csvFieldSchema = z.enum(csvFields)

/** For each column (by position), the field it fills; '' for a column left out. */
export const csvMappingSchema = z.array(z.union([csvFieldSchema, z.literal('')])).max(200)
export type CsvMapping = z.infer<typeof csvMappingSchema>

/** How a date column's numbers are read: year-month-day, month/day/year or day/month/year. */
export const dateOrders = ['ymd', 'mdy', 'dmy'] as const
export type DateOrder = (typeof dateOrders)[number]

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** The roster columns an export can hold: the importable fields, then the record's status and program count. */
export const rosterCsvColumns = [...csvFields, 'status', 'programs', 'lastProgram'] as const
export type RosterCsvColumn = (typeof rosterCsvColumns)[number]
export const rosterCsvColumnsSchema = z.array(z.enum(rosterCsvColumns)).min(1).max(rosterCsvColumns.length)

/** Header words, the same ones the import recognizes, so an exported file imports again with no mapping to choose. */
export const rosterCsvHeaders: Record<RosterCsvColumn, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  chartNumber: 'Chart number',
  phone: 'Phone',
  email: 'Email',
  condition: 'Condition',
  referringProvider: 'Referring provider',
  therapist: 'Therapist',
  notes: 'Notes',
  memberId: 'Member ID',
  precautions: 'Precautions',
  status: 'Status',
  programs: 'Programs',
  lastProgram: 'Last program',
}
