/**
 * The CSV channels (issue 18): a file chosen and read here, kept parsed until the next one; the dry run; the import
 * applying exactly that plan in one write after a 'before-import' backup; the CSV exports.
 */
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { Handlers } from '../../../src/core/contract'
import {
  MAX_CSV_BYTES,
  CsvRefusal,
  decodeCsv,
  guessMapping,
  mappingProblem,
  mappingToSave,
  planCsv,
  PREVIEW_ROWS,
  type ParsedCsv,
} from '../../../src/core/csv-import'
import { csvFields, type CsvField, type CsvMapping, type DateOrder } from '../../../src/core/csv-fields'
import { programHistoryCsv, rosterCsv } from './csv-export'
import { parseCsv } from './csv-parse'
import { formatBytes } from '../../../src/core/bytes'
import { isoDay } from '../../../src/core/dates'
import type { Patient, PatientInput } from '../../../src/core/patient'
import { AppFailure } from '../../../src/core/result'
import type { Settings, SettingsPatch } from '../../../src/core/settings'
import { writeFileAtomic } from '../atomic-write'
import type { Dialogs } from '../dialogs'
import { fileNamePart } from '../file-names'
import type { Backups } from './backups'
import type { RosterStore } from './store'

export interface CsvDeps {
  store: () => Promise<RosterStore>
  backups: Backups
  dialogs: Dialogs
  readUserFile: (path: string, options: { maxBytes: number; what: string }) => Promise<Buffer>
  settings: { get(): Promise<Settings>; update(patch: SettingsPatch): Promise<Settings> }
  /** An exercise's name for the program history (its id when it is no longer in the library). */
  exerciseName?: (id: string) => Promise<string | undefined>
  now?: () => Date
  newId?: () => string
  log?: (message: string, error?: unknown) => void
}

type CsvHandlers = Pick<
  Handlers,
  'openCsvImport' | 'planCsvImport' | 'importCsv' | 'exportRosterCsv' | 'exportProgramHistoryCsv'
>

const csvFilter = [{ name: 'CSV (comma, semicolon or tab separated)', extensions: ['csv', 'txt', 'tsv'] }]

export function createCsvHandlers(deps: CsvDeps): CsvHandlers {
  const now = deps.now ?? (() => new Date())
  const newId = deps.newId ?? randomUUID
  /** The file opened last; a new one replaces it (one import at a time). */
  let opened: { token: string; file: string; parsed: ParsedCsv } | undefined

  const current = (token: string) => {
    if (!opened || opened.token !== token)
      throw new AppFailure(
        'not_found',
        'That CSV file is no longer open (another was opened since). Choose it again.',
        'token',
      )
    return opened
  }

  const plan = async (token: string, mapping: CsvMapping, dateOrder: DateOrder | undefined) => {
    const { file, parsed } = current(token)
    if (mapping.length !== parsed.columns.length)
      throw new AppFailure(
        'invalid_argument',
        `The mapping names ${mapping.length} columns; ${file} has ${parsed.columns.length}.`,
        'mapping',
      )
    const problem = mappingProblem(mapping)
    if (problem) throw new AppFailure('invalid_argument', problem, 'mapping')
    const store = await deps.store()
    return {
      store,
      ...planCsv(parsed, mapping, store.list(), {
        dateOrder,
        today: () => isoDay(now()),
        details: (id) => store.get(id) as Partial<Record<CsvField, string>> | undefined,
      }),
    }
  }

  const saveTo = async (title: string, defaultName: string, text: string) => {
    const path = await deps.dialogs.save({ title, defaultName, filters: [{ name: 'CSV', extensions: ['csv'] }] })
    if (!path) return { saved: false as const }
    await writeFileAtomic(path, text)
    return { saved: true as const, path }
  }

  return {
    openCsvImport: async () => {
      const path = await deps.dialogs.open({ title: 'Import patients from CSV', filters: csvFilter })
      if (!path) return { cancelled: true }
      const file = basename(path)
      const bytes = await deps.readUserFile(path, { maxBytes: MAX_CSV_BYTES, what: file }).catch((error: unknown) => {
        if (error instanceof AppFailure && /larger than/.test(error.message))
          throw new AppFailure(
            'invalid_argument',
            `${file} is larger than ${formatBytes(MAX_CSV_BYTES)}, the largest CSV Homeplan imports. Split it into smaller files. Nothing was imported.`,
          )
        throw error
      })
      let parsed: ParsedCsv
      let encoding
      try {
        const decoded = decodeCsv(bytes, file)
        encoding = decoded.encoding
        parsed = parseCsv(decoded.text, file)
      } catch (error) {
        if (error instanceof CsvRefusal) throw new AppFailure('invalid_argument', error.message)
        throw error
      }
      opened = { token: newId(), file, parsed }
      const saved = (await deps.settings.get()).csvImportMapping
      return {
        cancelled: false,
        token: opened.token,
        file,
        encoding,
        separator: parsed.separator,
        columns: parsed.columns,
        preview: parsed.rows.slice(0, PREVIEW_ROWS),
        rowCount: parsed.rows.length,
        mapping: guessMapping(parsed.columns, saved),
      }
    },
    planCsvImport: async ({ token, mapping, dateOrder }) => {
      const { store: _store, inputs: _inputs, ...report } = await plan(token, mapping, dateOrder)
      return report
    },
    importCsv: async ({ token, mapping, dateOrder }) => {
      const { store, inputs, rows, created, updated, skipped } = await plan(token, mapping, dateOrder)
      if (created + updated === 0)
        throw new AppFailure(
          'invalid_argument',
          `No row of ${current(token).file} would add or change a patient. Nothing was imported.`,
        )
      // One step that can be undone: the roster as it was, kept first.
      const undo = await deps.backups.create(store, 'before-import')
      const stamp = now().toISOString()
      const records: Patient[] = []
      rows.forEach((row, i) => {
        const input = inputs[i]
        if (!input) return
        if (row.action === 'create') {
          records.push({ ...input, id: newId(), revision: 1, createdAt: stamp, updatedAt: stamp, programs: [] })
          return
        }
        const existing = store.get(row.patientId!)
        if (!existing) return
        const fields = Object.fromEntries(
          csvFields.filter((f) => row.changes?.includes(f)).map((f) => [f, input[f]]),
        ) as Partial<PatientInput>
        records.push({ ...existing, ...fields, revision: existing.revision + 1, updatedAt: stamp })
      })
      await store.putMany(records)
      await deps.settings
        .update({ csvImportMapping: mappingToSave(current(token).parsed.columns, mapping) })
        .catch((error: unknown) => deps.log?.('Saving the CSV mapping failed', error))
      return { created, updated, skipped, undo }
    },
    exportRosterCsv: async ({ columns }) => {
      const store = await deps.store()
      return saveTo(
        'Export the roster as CSV',
        `Homeplan_roster_${isoDay(now())}.csv`,
        rosterCsv(store.patients(), columns),
      )
    },
    exportProgramHistoryCsv: async ({ id }) => {
      const patient = (await deps.store()).get(id)
      if (!patient)
        throw new AppFailure('not_found', 'That patient is not on the roster (it may have been deleted).', 'id')
      const names = new Map<string, string>()
      for (const item of patient.programs.flatMap((p) => p.items))
        if (!names.has(item.exerciseId))
          names.set(item.exerciseId, (await deps.exerciseName?.(item.exerciseId)) ?? item.exerciseId)
      const part = (value: string) => fileNamePart(value, 'patient')
      return saveTo(
        `Export ${patient.firstName} ${patient.lastName}’s programs as CSV`,
        `${part(patient.lastName)}_${part(patient.firstName)}_programs_${isoDay(now())}.csv`,
        programHistoryCsv(patient, (exerciseId) => names.get(exerciseId) ?? exerciseId),
      )
    },
  }
}
