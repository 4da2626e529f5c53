import { z } from 'zod'
import { says } from '../i18n/say'
import { id, patientInputSchema, programInputSchema, programSchema, revision } from './patient'

/** Types and argument schemas of the roster channels (see contract.ts). */
export type BackupKind = 'auto' | 'manual' | 'before-restore' | 'before-import' | 'before-migration'

export interface BackupInfo {
  /** The backup's file name in <data>/backups. */
  id: string
  createdAt: string
  kind: BackupKind
  bytes: number
  patients: number | null
  /** Whether it was checked and can be restored; if not, `problem` says why. */
  usable: boolean
  problem?: string
}

export type RosterStatus =
  /** `warnings`: what was found damaged and left out while opening (the rest opened as saved). */
  | { status: 'ready'; file: string; patients: number; warnings: string[] }
  /** Another Homeplan holds the data folder (or it cannot be written): everything can be seen, nothing changed. */
  | { status: 'read-only'; file: string; patients: number; reason: string }
  /**
   * The patient file was set aside. `newestBackup` is the newest backup that can be restored, and
   * `replayable` how many of the set-aside journal's changes can be applied again on top of it.
   */
  | {
      status: 'recovery'
      file: string
      reason: string
      quarantined: string[]
      newestBackup: BackupInfo | null
      replayable: number
    }
  | { status: 'refused'; file: string; reason: string }

export interface RestoreResult {
  restored: BackupInfo
  /** The backup taken just before, which undoes this restore (none when the roster was not open). */
  undo: BackupInfo | null
  /** Changes from the set-aside journal applied again on top of the backup. */
  replayed: number
}

export type FileResult = { saved: true; path: string } | { saved: false }

export interface ImportReport {
  cancelled: boolean
  imported: number
  /** Patients not imported because their chart number is already on the roster (or twice in the file). */
  duplicates: { chartNumber: string; importedName: string; existingName: string }[]
}

export const byId = z.strictObject({ id })

/** What deleting a patient did to the backups, when asked to take them out of those too. */
export interface DeleteResult {
  id: string
  /**
   * `purged`: backups written again without the patient; `unreadable`: backups that could not be read (left as they
   * are, named so the user can delete them); `failed`: backups that could not be written again (unchanged).
   */
  backups?: { purged: number; unreadable: string[]; failed: string[] }
}

const patientInput = patientInputSchema()

export const rosterArgs = {
  createPatient: patientInput,
  /** `revision`: the patient's revision the form was filled from; a newer one on the roster refuses the save. */
  updatePatient: z.strictObject({ id, revision, patient: patientInput }),
  setPatientArchived: z.strictObject({ id, archived: z.boolean() }),
  /** `purgeBackups`: take the patient out of every backup too (otherwise they stay there until pruned). */
  deletePatient: z.strictObject({ id, purgeBackups: z.boolean().optional() }),
  /** Changing a saved program names the revision it was opened at; a new program has none. */
  saveProgram: z
    .strictObject({
      patientId: id,
      programId: id.optional(),
      revision: revision.optional(),
      program: programInputSchema,
    })
    .refine((arg) => (arg.programId === undefined) === (arg.revision === undefined), {
      ...says('record.revision'),
      path: ['revision'],
    }),
  duplicateProgram: z.strictObject({ patientId: id, programId: id }),
  /** A new title for a saved program, named with the revision it was shown at (as a save of the program is). */
  renameProgram: z.strictObject({ patientId: id, programId: id, revision, title: programInputSchema.shape.title }),
  deleteProgram: z.strictObject({ patientId: id, programId: id }),
  /** Puts back a program just deleted, exactly as it was (the Undo of deleteProgram). */
  restoreProgram: z.strictObject({ patientId: id, program: programSchema }),
  restoreBackup: z.strictObject({ id: z.string().max(200) }),
}
