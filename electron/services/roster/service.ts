/**
 * Roster operations as the app offers them: the handlers behind the patient
 * channels. Plain Node; the file dialogs arrive as functions.
 */
import { randomUUID } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename } from 'node:path'
import { chartKey, fullName, patientSchema, type Patient, type PatientInput, type Program } from '../../../src/core/patient'
import { AppFailure } from '../../../src/core/result'
import type { FileResult, ImportReport, RosterStatus } from '../../../src/core/roster-contract'
import type { Handlers } from '../../../src/core/contract'
import { jsonPath } from '../../../src/core/json-path'
import { writeFileAtomic } from '../atomic-write'
import { fileNamePart } from '../file-names'
import type { Dialogs } from '../dialogs'
import type { Backups } from './backups'
import { FORMAT, patientOf, SCHEMA_VERSION } from './format'
import type { RosterStore } from './store'

export const EXPORT_FORMAT = 'homeplan-roster-export'
const MAX_IMPORT_BYTES = 300 * 1024 * 1024

export interface RosterDeps {
  store: () => Promise<RosterStore>
  backups: Backups
  dialogs: Dialogs
  now?: () => Date
  newId?: () => string
  log?: (message: string, error?: unknown) => void
  /** Whether an exercise id is in the library (built-in or custom). */
  exerciseExists?: (id: string) => Promise<boolean>
}

type RosterHandlers = Pick<
  Handlers,
  | 'getRosterStatus' | 'startEmptyRoster' | 'listPatients' | 'getPatient' | 'createPatient' | 'updatePatient'
  | 'setPatientArchived' | 'deletePatient' | 'saveProgram' | 'duplicateProgram' | 'listBackups' | 'backupNow'
  | 'restoreBackup' | 'exportPatient' | 'exportRoster' | 'importRoster'
>

const safeFilePart = (value: string) => fileNamePart(value, 'patient')

export function createRosterHandlers(deps: RosterDeps): RosterHandlers {
  const now = deps.now ?? (() => new Date())
  const newId = deps.newId ?? randomUUID
  const log = deps.log ?? (() => {})
  const today = () => now().toISOString().slice(0, 10)

  const existing = (store: RosterStore, id: string): Patient => {
    const patient = store.get(id)
    if (!patient) throw new AppFailure('not_found', 'That patient is not on the roster (it may have been deleted).', 'id')
    return patient
  }

  const assertChartFree = (store: RosterStore, chart: string | undefined, exceptId?: string) => {
    const key = chartKey(chart)
    if (!key) return
    const other = store.list().find((s) => s.id !== exceptId && chartKey(s.chartNumber) === key)
    if (other) throw new AppFailure('conflict', `Chart number ${chart} is already used by ${other.firstName} ${other.lastName}.`, 'chartNumber')
  }

  /** Saves a patient and, in the background, takes an automatic backup if one is due. */
  const save = async (store: RosterStore, patient: Patient): Promise<Patient> => {
    await store.put(patient)
    void deps.backups.maybeAuto(store).catch((error: unknown) => log('Automatic backup failed', error))
    return patient
  }

  const clean = (input: PatientInput): PatientInput => ({ ...input, email: input.email || undefined })

  const status = async (): Promise<RosterStatus> => {
    const store = await deps.store()
    const health = store.health
    if (health.status === 'ready') return { status: 'ready', file: store.file, patients: store.list().length }
    if (health.status === 'refused' || health.status === 'closed') return { status: 'refused', file: store.file, reason: health.reason }
    const newestBackup = (await deps.backups.list())[0] ?? null
    return { status: 'recovery', file: store.file, reason: health.reason, quarantined: health.quarantined, newestBackup }
  }

  const writeExport = async (patients: Patient[], defaultName: string, title: string): Promise<FileResult> => {
    const path = await deps.dialogs.save({ title, defaultName, filters: [{ name: 'Homeplan export (JSON)', extensions: ['json'] }] })
    if (!path) return { saved: false }
    const doc = { format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: now().toISOString(), patients }
    await writeFileAtomic(path, `${JSON.stringify(doc, null, 2)}\n`)
    return { saved: true, path }
  }

  return {
    getRosterStatus: status,
    startEmptyRoster: async () => {
      const store = await deps.store()
      if (store.health.status !== 'recovery') throw new AppFailure('conflict', 'The roster is not waiting for recovery.')
      await store.replaceAll([])
      return status()
    },
    listPatients: async () => (await deps.store()).list(),
    getPatient: async ({ id }) => existing(await deps.store(), id),
    createPatient: async (input) => {
      const store = await deps.store()
      assertChartFree(store, input.chartNumber)
      const stamp = now().toISOString()
      return save(store, { ...clean(input), id: newId(), createdAt: stamp, updatedAt: stamp, programs: [] })
    },
    updatePatient: async ({ id, patient }) => {
      const store = await deps.store()
      const current = existing(store, id)
      assertChartFree(store, patient.chartNumber, id)
      return save(store, { ...clean(patient), id, createdAt: current.createdAt, updatedAt: now().toISOString(), programs: current.programs })
    },
    setPatientArchived: async ({ id, archived }) => {
      const store = await deps.store()
      const current = existing(store, id)
      return save(store, { ...current, status: archived ? 'archived' : 'active', updatedAt: now().toISOString() })
    },
    deletePatient: async ({ id }) => {
      const store = await deps.store()
      existing(store, id)
      await store.remove(id)
      // Fold the journal at once so the record is gone from the live files, not just hidden.
      await store.compact()
      return { id }
    },
    saveProgram: async ({ patientId, programId, program }) => {
      const store = await deps.store()
      const patient = existing(store, patientId)
      const stamp = now().toISOString()
      const previous = programId ? patient.programs.find((p) => p.id === programId) : undefined
      if (programId && !previous) throw new AppFailure('not_found', 'That program is not in this patient’s history.', 'programId')
      for (const [i, item] of program.items.entries()) {
        if (deps.exerciseExists && !(await deps.exerciseExists(item.exerciseId))) {
          throw new AppFailure('invalid_argument', `Exercise ${i + 1} (“${item.exerciseId}”) is not in the library. Nothing was saved.`, `program.items.${i}.exerciseId`)
        }
      }
      const saved: Program = { ...program, id: previous?.id ?? newId(), createdAt: previous?.createdAt ?? stamp, updatedAt: stamp }
      return save(store, withProgram(patient, saved, stamp))
    },
    duplicateProgram: async ({ patientId, programId }) => {
      const store = await deps.store()
      const patient = existing(store, patientId)
      const source = patient.programs.find((p) => p.id === programId)
      if (!source) throw new AppFailure('not_found', 'That program is not in this patient’s history.', 'programId')
      const stamp = now().toISOString()
      const copy: Program = {
        ...source,
        id: newId(),
        title: source.title.length > 110 ? source.title : `${source.title} (copy)`,
        status: 'current',
        createdAt: stamp,
        updatedAt: stamp,
        items: source.items.map((item) => ({ ...item, id: newId() })),
      }
      return save(store, withProgram(patient, copy, stamp))
    },
    listBackups: () => deps.backups.list(),
    backupNow: async () => {
      const store = await deps.store()
      if (store.health.status !== 'ready') throw new AppFailure('conflict', store.health.reason)
      return deps.backups.create(store, 'manual')
    },
    restoreBackup: async ({ id }) => deps.backups.restore(await deps.store(), id),
    exportPatient: async ({ id }) => {
      const patient = existing(await deps.store(), id)
      const name = `${safeFilePart(patient.lastName)}_${safeFilePart(patient.firstName)}_patient-record_${today()}.json`
      return writeExport([patient], name, `Export ${fullName(patient)}`)
    },
    exportRoster: async () => {
      const store = await deps.store()
      return writeExport(store.entries.map(patientOf), `Homeplan_roster_${today()}.json`, 'Export the whole roster')
    },
    importRoster: async () => {
      const path = await deps.dialogs.open({ title: 'Import patients', filters: [{ name: 'Homeplan export (JSON)', extensions: ['json'] }] })
      if (!path) return { cancelled: true, imported: 0, duplicates: [] }
      return importFrom(await deps.store(), path, newId, save)
    },
  }
}

function withProgram(patient: Patient, program: Program, stamp: string): Patient {
  const others = patient.programs
    .filter((p) => p.id !== program.id)
    .map((p) => (program.status === 'current' && p.status === 'current' ? { ...p, status: 'previous' as const } : p))
  return { ...patient, updatedAt: stamp, programs: [...others, program] }
}

async function importFrom(
  store: RosterStore,
  path: string,
  newId: () => string,
  save: (store: RosterStore, patient: Patient) => Promise<Patient>,
): Promise<ImportReport> {
  const name = basename(path)
  const stat = await fsp.stat(path).catch(() => {
    throw new AppFailure('not_found', `${name} could not be opened.`)
  })
  if (stat.size > MAX_IMPORT_BYTES) throw new AppFailure('invalid_argument', `${name} is larger than 300 MB; it is not a Homeplan export.`)
  let doc: { format?: unknown; patients?: unknown }
  try {
    doc = JSON.parse(await fsp.readFile(path, 'utf8'))
  } catch (error) {
    throw new AppFailure('invalid_argument', `${name} is not valid JSON (${(error as Error).message}). Nothing was imported.`)
  }
  if (!doc || (doc.format !== EXPORT_FORMAT && doc.format !== FORMAT) || !Array.isArray(doc.patients)) {
    throw new AppFailure('invalid_argument', `${name} is not a Homeplan export or roster file. Nothing was imported.`)
  }
  const patients = doc.patients.map((raw, i) => {
    const parsed = patientSchema.safeParse(raw)
    if (parsed.success) return parsed.data
    const issue = parsed.error.issues[0]
    const where = jsonPath(['patients', i, ...(issue?.path ?? [])])
    throw new AppFailure('invalid_argument', `${name}: ${where}: ${issue?.message ?? 'invalid'}. Nothing was imported.`)
  })
  const charts = new Map(store.list().filter((s) => s.chartNumber).map((s) => [chartKey(s.chartNumber), `${s.firstName} ${s.lastName}`]))
  const report: ImportReport = { cancelled: false, imported: 0, duplicates: [] }
  const accepted: Patient[] = []
  for (const patient of patients) {
    const key = chartKey(patient.chartNumber)
    const holder = key ? charts.get(key) : undefined
    if (holder) {
      report.duplicates.push({ chartNumber: patient.chartNumber!, importedName: `${patient.firstName} ${patient.lastName}`, existingName: holder })
      continue
    }
    if (key) charts.set(key, `${patient.firstName} ${patient.lastName}`)
    accepted.push(store.get(patient.id) ? { ...patient, id: newId() } : patient)
  }
  await Promise.all(accepted.map((patient) => save(store, patient)))
  report.imported = accepted.length
  return report
}

