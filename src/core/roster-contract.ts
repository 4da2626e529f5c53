import { z } from 'zod'
import { id, patientInputSchema, programInputSchema } from './patient'

/** Types and argument schemas of the roster channels (see contract.ts). */
export type BackupKind = 'auto' | 'manual' | 'before-restore' | 'before-migration'

export interface BackupInfo {
  /** The backup's file name in <data>/backups. */
  id: string
  createdAt: string
  kind: BackupKind
  bytes: number
  patients: number | null
}

export type RosterStatus =
  | { status: 'ready'; file: string; patients: number }
  | { status: 'recovery'; file: string; reason: string; quarantined: string[]; newestBackup: BackupInfo | null }
  | { status: 'refused'; file: string; reason: string }

export type FileResult = { saved: true; path: string } | { saved: false }

export interface ImportReport {
  cancelled: boolean
  imported: number
  /** Patients not imported because their chart number is already on the roster (or twice in the file). */
  duplicates: { chartNumber: string; importedName: string; existingName: string }[]
}

export const byId = z.strictObject({ id })

const patientInput = patientInputSchema()

export const rosterArgs = {
  createPatient: patientInput,
  updatePatient: z.strictObject({ id, patient: patientInput }),
  setPatientArchived: z.strictObject({ id, archived: z.boolean() }),
  saveProgram: z.strictObject({ patientId: id, programId: id.optional(), program: programInputSchema }),
  duplicateProgram: z.strictObject({ patientId: id, programId: id }),
  restoreBackup: z.strictObject({ id: z.string().max(200) }),
}
