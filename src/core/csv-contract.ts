import { z } from 'zod'
import { csvMappingSchema, dateOrders, type CsvEncoding, type CsvMapping } from './csv-fields'
import type { CsvPlan } from './csv-import'
import { rosterCsvColumnsSchema } from './csv-fields'
import { id } from './ids'
import type { BackupInfo, FileResult } from './roster-contract'

/** Types and argument schemas of the CSV channels (issue 18; see contract.ts). */

/** A CSV file read and parsed in main, waiting for the mapping and the dry run. */
export type CsvOpened =
  | { cancelled: true }
  | {
      cancelled: false
      /** Names this file in the next calls (main keeps the parsed rows until another file is opened). */
      token: string
      file: string
      encoding: CsvEncoding
      separator: ',' | ';' | '\t'
      columns: string[]
      /** The first rows, for the mapping table's preview. */
      preview: string[][]
      rowCount: number
      /** The mapping saved from the last import for columns named the same, else guessed from the headers. */
      mapping: CsvMapping
    }

export interface CsvImportResult {
  created: number
  updated: number
  skipped: number
  /** The backup taken just before: restoring it undoes the whole import. */
  undo: BackupInfo
}

const csvToken = z.string().regex(/^[a-z0-9-]{8,64}$/)
const csvRun = z.strictObject({
  token: csvToken,
  mapping: csvMappingSchema,
  /** How the date-of-birth column is read when its values do not tell (03/04/1956). */
  dateOrder: z.enum(dateOrders).optional(),
})

export const csvArgs = {
  planCsvImport: csvRun,
  importCsv: csvRun,
  exportRosterCsv: z.strictObject({ columns: rosterCsvColumnsSchema }),
  exportProgramHistoryCsv: z.strictObject({ id }),
}

export type { CsvPlan, FileResult }
