/**
 * Roster operations as the app offers them: the handlers behind the patient
 * channels. Plain Node; the file dialogs arrive as functions.
 *
 * Every change is a read-check-write done in one step by the store (`update`),
 * so nothing can slip in between; changes to a patient's details and to a saved
 * program name the revision they were made from and are refused, with nothing
 * overwritten, when another window saved first.
 */
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import {
  chartKey,
  MAX_HANDOUTS,
  MAX_PROGRAMS,
  patientInputSchema,
  patientSchema,
  type HandoutRecord,
  type Patient,
  type PatientInput,
  type Program,
} from '../../../src/core/patient'
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import { jsonSyntaxLine } from '../../../src/core/json-path'
import { firstPage } from '../../../src/core/roster-order'
import type { FileResult, ImportReport, RosterStatus } from '../../../src/core/roster-contract'
import type { Handlers } from '../../../src/core/contract'
import { plainIssueMessage } from '../../../src/core/issues'
import { jsonPath } from '../../../src/core/json-path'
import { writeFileAtomic } from '../atomic-write'
import { fileNamePart } from '../file-names'
import type { Dialogs } from '../dialogs'
import type { Backups } from './backups'
import { FORMAT, SCHEMA_VERSION } from './format'
import { MigrationError, upgradePatients } from './migrations'
import type { RosterStore } from './store'
import { fullName, namedInFull } from '../../../src/core/names'
import { isoDay } from '../../../src/core/dates'
import { copyTitle } from '../../../src/core/program-title'

export const EXPORT_FORMAT = 'homeplan-roster-export'
const MAX_IMPORT_BYTES = 300 * 1024 * 1024
/** As many as a patient's record holds (see patientSchema): checked first, so the limit reads as a sentence. */
export { MAX_HANDOUTS, MAX_PROGRAMS }

export interface RosterDeps {
  store: () => Promise<RosterStore>
  /** Closes the roster and opens it again (after another Homeplan let go of the folder, say). */
  reopen: () => Promise<RosterStore>
  backups: Backups
  dialogs: Dialogs
  /** Reads a file the user picked, refusing folders, devices and anything over `maxBytes`. */
  readUserFile: (path: string, options: { maxBytes: number; what: string }) => Promise<Buffer>
  now?: () => Date
  newId?: () => string
  log?: (message: string, error?: unknown) => void
  /** Whether an exercise id is in the library (built-in or custom). */
  exerciseExists?: (id: string) => Promise<boolean>
  /** Removes the exact copies kept of these exports (a deleted patient's); reports on its own what it could not remove. */
  forgetHandouts?: (handoutIds: string[]) => Promise<void>
}

type RosterHandlers = Pick<
  Handlers,
  | 'getRosterStatus'
  | 'reopenRoster'
  | 'startEmptyRoster'
  | 'listPatients'
  | 'listFirstPatients'
  | 'getPatient'
  | 'createPatient'
  | 'updatePatient'
  | 'setPatientArchived'
  | 'deletePatient'
  | 'saveProgram'
  | 'duplicateProgram'
  | 'renameProgram'
  | 'deleteProgram'
  | 'restoreProgram'
  | 'listBackups'
  | 'backupNow'
  | 'restoreBackup'
  | 'exportPatient'
  | 'exportRoster'
  | 'importRoster'
>

const safeFilePart = (value: string) => fileNamePart(value, 'patient')

/** The fields the patient form owns; an edit replaces exactly these and keeps everything else (programs, handouts, …). */
const formFields = Object.keys(patientInputSchema().shape) as (keyof PatientInput)[]

export function withDetails(current: Patient, input: PatientInput, stamp: string): Patient {
  const kept: Record<string, unknown> = { ...current }
  for (const key of formFields) delete kept[key]
  return { ...(kept as Omit<Patient, keyof PatientInput>), ...input, revision: current.revision + 1, updatedAt: stamp }
}

/** A save refused because another window saved first; `message` is a roster.changedElsewhere.* sentence. */
const changedElsewhere = (message: string) => new AppFailure('conflict', message, 'revision')

/** Adds an export to the patient's history with the program as printed. */
export function recordHandout(store: RosterStore, patientId: string, record: HandoutRecord): Promise<Patient> {
  return store.update(
    patientId,
    (current) => {
      assertRoomForHandout(current)
      return { ...current, handouts: [...(current.handouts ?? []), record] }
    },
    'patientId',
  )
}

/** Checked before a handout is rendered and saved, so the file is never written without being recorded. */
export function assertRoomForHandout(patient: Patient): void {
  if ((patient.handouts?.length ?? 0) >= MAX_HANDOUTS) {
    throw new AppFailure('invalid_argument', say('roster.handoutsFull', { name: fullName(patient), max: MAX_HANDOUTS }))
  }
}

export function createRosterHandlers(deps: RosterDeps): RosterHandlers {
  const now = deps.now ?? (() => new Date())
  const newId = deps.newId ?? randomUUID
  const log = deps.log ?? (() => {})
  const today = () => isoDay(now())

  const existing = (store: RosterStore, id: string, field = 'id'): Patient => {
    const patient = store.get(id)
    if (!patient) throw new AppFailure('not_found', say('roster.notFound'), field)
    return patient
  }

  const assertChartFree = (store: RosterStore, chart: string | undefined, exceptId?: string) => {
    const key = chartKey(chart)
    if (!key) return
    const other = store.list().find((s) => s.id !== exceptId && chartKey(s.chartNumber) === key)
    if (other)
      throw new AppFailure(
        'conflict',
        say('roster.chartTaken', { chart: chart ?? '', name: fullName(other) }),
        'chartNumber',
      )
  }

  /** After a change, an automatic backup in the background if one is due. */
  const afterChange = <T>(store: RosterStore, value: T): T => {
    void deps.backups.maybeAuto(store).catch((error: unknown) => log('Automatic backup failed', error))
    return value
  }

  const assertRoomForProgram = (patient: Patient) => {
    if (patient.programs.length >= MAX_PROGRAMS) {
      throw new AppFailure(
        'invalid_argument',
        say('roster.programsFull', { name: fullName(patient), max: MAX_PROGRAMS }),
      )
    }
  }

  /** Every exercise of a program to be saved is in the library; the first that is not is named. */
  const assertInLibrary = async (items: readonly { exerciseId: string }[]) => {
    for (const [i, item] of items.entries()) {
      if (deps.exerciseExists && !(await deps.exerciseExists(item.exerciseId))) {
        throw new AppFailure(
          'invalid_argument',
          say('roster.exerciseMissing', { number: i + 1, id: item.exerciseId }),
          `program.items.${i}.exerciseId`,
        )
      }
    }
  }

  const clean = (input: PatientInput): PatientInput => ({ ...input, email: input.email || undefined })

  const status = async (): Promise<RosterStatus> => {
    const store = await deps.store()
    const health = store.health
    if (health.status === 'ready')
      return { status: 'ready', file: store.file, patients: store.list().length, warnings: health.warnings ?? [] }
    if (health.status === 'read-only')
      return { status: 'read-only', file: store.file, patients: store.list().length, reason: health.reason }
    if (health.status === 'refused' || health.status === 'closed')
      return { status: 'refused', file: store.file, reason: health.reason }
    const newestBackup = await deps.backups.newestUsable()
    const replayable = newestBackup ? store.replayableAfter(deps.backups.lastSeqOf(newestBackup.id) ?? -1) : 0
    return {
      status: 'recovery',
      file: store.file,
      reason: health.reason,
      quarantined: health.quarantined,
      newestBackup,
      replayable,
    }
  }

  const writeExport = async (patients: Patient[], defaultName: string, title: string): Promise<FileResult> => {
    const path = await deps.dialogs.save({
      title,
      defaultName,
      filters: [{ name: say('dialog.exportFile'), extensions: ['json'] }],
    })
    if (!path) return { saved: false }
    const doc = { format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: now().toISOString(), patients }
    await writeFileAtomic(path, `${JSON.stringify(doc, null, 2)}\n`)
    return { saved: true, path }
  }

  return {
    getRosterStatus: status,
    reopenRoster: async () => {
      await deps.reopen()
      return status()
    },
    startEmptyRoster: async () => {
      const store = await deps.store()
      if (store.health.status !== 'recovery') throw new AppFailure('conflict', say('roster.notInRecovery'))
      await store.replaceAll([])
      return status()
    },
    listPatients: async () => (await deps.store()).list(),
    listFirstPatients: async ({ limit }) => firstPage((await deps.store()).list(), limit),
    getPatient: async ({ id }) => existing(await deps.store(), id),
    createPatient: async (input) => {
      const store = await deps.store()
      assertChartFree(store, input.chartNumber)
      const stamp = now().toISOString()
      const patient: Patient = {
        ...clean(input),
        id: newId(),
        revision: 1,
        createdAt: stamp,
        updatedAt: stamp,
        programs: [],
      }
      await store.put(patient)
      return afterChange(store, patient)
    },
    updatePatient: async ({ id, revision, patient }) => {
      const store = await deps.store()
      existing(store, id)
      assertChartFree(store, patient.chartNumber, id)
      const saved = await store.update(id, (current) => {
        if (current.revision !== revision)
          throw changedElsewhere(say('roster.changedElsewhere.details', { name: fullName(current) }))
        return withDetails(current, clean(patient), now().toISOString())
      })
      return afterChange(store, saved)
    },
    setPatientArchived: async ({ id, archived }) => {
      const store = await deps.store()
      const saved = await store.update(id, (current) => ({
        ...current,
        status: archived ? 'archived' : 'active',
        revision: current.revision + 1,
        updatedAt: now().toISOString(),
      }))
      return afterChange(store, saved)
    },
    deletePatient: async ({ id, purgeBackups }) => {
      const store = await deps.store()
      const handoutIds = (store.get(id)?.handouts ?? []).map((h) => h.id)
      await store.remove(id)
      // Only once the patient is gone from the roster: their handouts' copies are patient data too. A copy that
      // cannot be removed does not undo the delete; it is reported with where it is.
      if (handoutIds.length)
        await deps
          .forgetHandouts?.(handoutIds)
          .catch((error: unknown) => log('Removing a deleted patient’s handout copies failed', error))
      // Fold the journal at once so the record is gone from the live files, not just hidden. The delete itself is
      // already safe on disk: a compaction that fails (a full disk) is retried with the next one, and not reported
      // as a failed delete.
      await store.compact().catch((error: unknown) => log('Compaction after a delete failed', error))
      if (!purgeBackups) return afterChange(store, { id })
      // Asked for: the patient taken out of every backup as well. The delete itself stands whatever this finds.
      const backups = await deps.backups.purgePatient(id)
      if (backups.unreadable.length || backups.failed.length)
        log(
          `Taking a deleted patient out of the backups: ${backups.unreadable.length} could not be read, ${backups.failed.length} could not be written (${[...backups.unreadable, ...backups.failed].join(', ')}).`,
        )
      return afterChange(store, { id, backups })
    },
    saveProgram: async ({ patientId, programId, revision, program }) => {
      await assertInLibrary(program.items)
      const store = await deps.store()
      const saved = await store.update(
        patientId,
        (patient) => {
          const stamp = now().toISOString()
          const previous = programId ? patient.programs.find((p) => p.id === programId) : undefined
          if (programId && !previous) throw new AppFailure('not_found', say('roster.programNotFound'), 'programId')
          if (previous && previous.revision !== revision)
            throw changedElsewhere(say('roster.changedElsewhere.program', { title: previous.title }))
          if (!previous) assertRoomForProgram(patient)
          const next: Program = {
            ...program,
            id: previous?.id ?? newId(),
            revision: (previous?.revision ?? 0) + 1,
            createdAt: previous?.createdAt ?? stamp,
            updatedAt: stamp,
          }
          return withProgram(patient, next, stamp)
        },
        'patientId',
      )
      return afterChange(store, saved)
    },
    duplicateProgram: async ({ patientId, programId }) => {
      const store = await deps.store()
      const saved = await store.update(
        patientId,
        (patient) => {
          const source = patient.programs.find((p) => p.id === programId)
          if (!source) throw new AppFailure('not_found', say('roster.programNotFound'), 'programId')
          assertRoomForProgram(patient)
          const stamp = now().toISOString()
          const copy: Program = {
            ...source,
            id: newId(),
            revision: 1,
            title: copyTitle(
              source.title,
              patient.programs.map((p) => p.title),
            ),
            status: 'current',
            createdAt: stamp,
            updatedAt: stamp,
            items: source.items.map((item) => ({ ...item, id: newId() })),
          }
          return withProgram(patient, copy, stamp)
        },
        'patientId',
      )
      return afterChange(store, saved)
    },
    renameProgram: async ({ patientId, programId, revision, title }) => {
      const store = await deps.store()
      const saved = await store.update(
        patientId,
        (patient) => {
          const program = savedProgram(patient, programId)
          if (program.revision !== revision)
            throw changedElsewhere(say('roster.changedElsewhere.program', { title: program.title }))
          const stamp = now().toISOString()
          const renamed: Program = { ...program, title, revision: program.revision + 1, updatedAt: stamp }
          return {
            ...patient,
            updatedAt: stamp,
            programs: patient.programs.map((p) => (p.id === programId ? renamed : p)),
          }
        },
        'patientId',
      )
      return afterChange(store, saved)
    },
    deleteProgram: async ({ patientId, programId }) => {
      const store = await deps.store()
      const saved = await store.update(
        patientId,
        (patient) => {
          const program = savedProgram(patient, programId)
          const programs = patient.programs.filter((p) => p.id !== programId)
          // The current program deleted: the newest left is the patient's current one (the Undo puts it back).
          const newest = programs.reduce<Program | undefined>(
            (a, p) => (!a || p.createdAt > a.createdAt ? p : a),
            undefined,
          )
          const promote = program.status === 'current' && newest && !programs.some((p) => p.status === 'current')
          return {
            ...patient,
            updatedAt: now().toISOString(),
            programs: promote
              ? programs.map((p) => (p === newest ? { ...p, status: 'current' as const } : p))
              : programs,
          }
        },
        'patientId',
      )
      return afterChange(store, saved)
    },
    restoreProgram: async ({ patientId, program }) => {
      await assertInLibrary(program.items)
      const store = await deps.store()
      const saved = await store.update(
        patientId,
        (patient) => {
          if (patient.programs.some((p) => p.id === program.id))
            throw new AppFailure('conflict', say('roster.programExists', { title: program.title }), 'program')
          assertRoomForProgram(patient)
          return withProgram(patient, program, now().toISOString())
        },
        'patientId',
      )
      return afterChange(store, saved)
    },
    listBackups: () => deps.backups.list(),
    backupNow: async () => {
      const store = await deps.store()
      if (store.health.status !== 'ready')
        throw new AppFailure('conflict', 'reason' in store.health ? store.health.reason : say('roster.notOpen'))
      return deps.backups.create(store, 'manual')
    },
    restoreBackup: async ({ id }) => deps.backups.restore(await deps.store(), id),
    exportPatient: async ({ id }) => {
      const patient = existing(await deps.store(), id)
      const name = `${safeFilePart(patient.lastName)}_${safeFilePart(patient.firstName)}_patient-record_${today()}.json`
      return writeExport([patient], name, say('dialog.exportPatient', { name: namedInFull(patient) }))
    },
    exportRoster: async () => {
      const store = await deps.store()
      return writeExport(store.patients(), `Homeplan_roster_${today()}.json`, say('dialog.exportRoster'))
    },
    importRoster: async () => {
      const path = await deps.dialogs.open({
        title: say('dialog.import'),
        filters: [{ name: say('dialog.exportFile'), extensions: ['json'] }],
      })
      if (!path) return { cancelled: true, imported: 0, duplicates: [] }
      const store = await deps.store()
      const patients = readImport(
        basename(path),
        await deps.readUserFile(path, { maxBytes: MAX_IMPORT_BYTES, what: basename(path) }),
      )
      const { accepted, report } = planImport(store, patients, newId)
      if (accepted.length === 0) return report
      // One step that can be undone: the roster as it was is kept as a backup first (when there is one to keep).
      if (store.list().length > 0) await deps.backups.create(store, 'before-import')
      await store.putMany(accepted)
      return afterChange(store, report)
    },
  }
}

/** The patient's saved program with this id; refused in words when it is not (or no longer) there. */
function savedProgram(patient: Patient, programId: string): Program {
  const program = patient.programs.find((p) => p.id === programId)
  if (!program) throw new AppFailure('not_found', say('roster.programNotFound'), 'programId')
  return program
}

function withProgram(patient: Patient, program: Program, stamp: string): Patient {
  const others = patient.programs
    .filter((p) => p.id !== program.id)
    .map((p) => (program.status === 'current' && p.status === 'current' ? { ...p, status: 'previous' as const } : p))
  return { ...patient, updatedAt: stamp, programs: [...others, program] }
}

/** The patients of an export or roster file, upgraded from an older version and checked; nothing is kept if one fails. */
function readImport(name: string, bytes: Buffer): Patient[] {
  let doc: { format?: unknown; schemaVersion?: unknown; patients?: unknown }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  try {
    doc = JSON.parse(text)
  } catch (error) {
    // Where, never what: the file may hold patient data.
    const at = jsonSyntaxLine(text, error)
    throw new AppFailure(
      'invalid_argument',
      at ? say('roster.import.notJsonAt', { name, line: at }) : say('roster.import.notJson', { name }),
    )
  }
  if (!doc || (doc.format !== EXPORT_FORMAT && doc.format !== FORMAT) || !Array.isArray(doc.patients)) {
    throw new AppFailure('invalid_argument', say('roster.import.notHomeplan', { name }))
  }
  if (typeof doc.schemaVersion === 'number' && doc.schemaVersion > SCHEMA_VERSION) {
    throw new AppFailure('invalid_argument', say('roster.import.newer', { name, version: doc.schemaVersion }))
  }
  let raws: unknown[]
  try {
    raws = upgradePatients(doc)
  } catch (error) {
    if (error instanceof MigrationError)
      throw new AppFailure('invalid_argument', say('roster.import.unreadable', { name, detail: error.message }))
    throw error
  }
  return raws.map((raw, i) => {
    const parsed = patientSchema.safeParse(raw)
    if (parsed.success) return parsed.data
    const issue = parsed.error.issues[0]
    const where = jsonPath(['patients', i, ...(issue?.path ?? [])])
    throw new AppFailure(
      'invalid_argument',
      say('roster.import.invalid', {
        name,
        where,
        problem: issue ? plainIssueMessage(issue).replace(/\.$/, '') : say('roster.import.invalidValue'),
      }),
    )
  })
}

/** Which patients to add: a chart number already on the roster (or earlier in the file) is skipped; an id already used gets a new one. */
function planImport(
  store: RosterStore,
  patients: Patient[],
  newId: () => string,
): { accepted: Patient[]; report: ImportReport } {
  const charts = new Map(
    store
      .list()
      .filter((s) => s.chartNumber)
      .map((s) => [chartKey(s.chartNumber), fullName(s)]),
  )
  const ids = new Set(store.list().map((s) => s.id))
  const report: ImportReport = { cancelled: false, imported: 0, duplicates: [] }
  const accepted: Patient[] = []
  for (const patient of patients) {
    const key = chartKey(patient.chartNumber)
    const holder = key ? charts.get(key) : undefined
    if (holder) {
      report.duplicates.push({
        chartNumber: patient.chartNumber!,
        importedName: fullName(patient),
        existingName: holder,
      })
      continue
    }
    if (key) charts.set(key, fullName(patient))
    const id = ids.has(patient.id) ? newId() : patient.id
    ids.add(id)
    accepted.push({ ...patient, id })
  }
  report.imported = accepted.length
  return { accepted, report }
}
