/**
 * Which service calls the access log records, and what it says about each: the call's patient (by id and initials,
 * never the full name) and what was done. Only calls that did something are recorded (a save dialog cancelled, a
 * print not sent, an import of nothing: no entry).
 */
import type { AccessAction, AccessLogEntry } from '../../src/core/access-log'
import { initialsOf } from '../../src/core/access-log'
import type { Method } from '../../src/core/contract'
import type { Patient } from '../../src/core/patient'

export type AccessEvent = Omit<AccessLogEntry, 'at' | 'who'>

type Describe = (arg: unknown, result: unknown, patient: Patient | undefined) => AccessEvent | undefined

interface Args {
  id?: string
  patientId?: string
  archived?: boolean
}

/** The patient a call is about, by the id in its argument. */
export const patientIdOf = (arg: unknown): string | undefined => {
  const a = (arg ?? {}) as Args
  return a.patientId ?? a.id
}

/** An entry about the call's patient; `patient` is the record as it was before the call (or as it returned). */
const about =
  (action: AccessAction, detail?: (arg: Args) => string): Describe =>
  (arg, result, patient) => {
    const returned = result as Partial<Patient> | undefined
    const who = returned?.firstName !== undefined ? (returned as Patient) : patient
    const patientId = patientIdOf(arg) ?? who?.id
    return {
      action,
      ...(patientId ? { patientId } : {}),
      ...(who?.firstName !== undefined ? { initials: initialsOf(who) } : {}),
      ...(detail ? { detail: detail(arg as Args) } : {}),
    }
  }

const ifSaved =
  (describe: Describe): Describe =>
  (arg, result, patient) =>
    (result as { saved?: boolean }).saved ? describe(arg, result, patient) : undefined

const ifPrinted =
  (describe: Describe): Describe =>
  (arg, result, patient) =>
    (result as { printed?: boolean }).printed ? describe(arg, result, patient) : undefined

const call = (name: Method) => () => name

export const accessEvents: Partial<Record<Method, Describe>> = {
  getPatient: about('viewed'),
  createPatient: about('created'),
  updatePatient: about('changed', call('updatePatient')),
  setPatientArchived: about('changed', (a) => (a.archived ? 'archived' : 'unarchived')),
  deletePatient: about('deleted'),
  saveProgram: about('programSaved'),
  duplicateProgram: about('changed', call('duplicateProgram')),
  renameProgram: about('changed', call('renameProgram')),
  deleteProgram: about('changed', call('deleteProgram')),
  restoreProgram: about('changed', call('restoreProgram')),
  exportPatient: ifSaved(about('exported', call('exportPatient'))),
  exportRoster: ifSaved(() => ({ action: 'exported', detail: 'exportRoster' })),
  importRoster: (_arg, result) => {
    const { cancelled, imported } = result as { cancelled: boolean; imported: number }
    return cancelled || imported === 0 ? undefined : { action: 'imported', detail: `importRoster: ${imported}` }
  },
  restoreBackup: (arg) => ({ action: 'restored', detail: `restoreBackup: ${(arg as Args).id}` }),
  exportHandout: ifSaved(about('exported', call('exportHandout'))),
  reprintHandout: ifSaved(about('exported', call('reprintHandout'))),
  printHandout: ifPrinted(about('printed', call('printHandout'))),
  printPastHandout: ifPrinted(about('printed', call('printPastHandout'))),
  exportAccessLog: ifSaved(() => ({ action: 'exported', detail: 'exportAccessLog' })),
  importCsv: (_arg, result) => {
    const { created, updated } = result as { created: number; updated: number }
    return created + updated === 0
      ? undefined
      : { action: 'imported', detail: `importCsv: ${created} created, ${updated} updated` }
  },
  exportRosterCsv: ifSaved(() => ({ action: 'exported', detail: 'exportRosterCsv' })),
  exportProgramHistoryCsv: ifSaved(about('exported', call('exportProgramHistoryCsv'))),
}
