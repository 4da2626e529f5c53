import { z } from 'zod'
import type { Exercise, Template } from './exercise'
import { libraryArgs, type LibraryView } from './library-contract'
import { id, programInputSchema, type Patient, type PatientSummary } from './patient'
import type { Result } from './result'
import { handoutLayoutSchema, paperSizeSchema } from './handout-options'
import { handoutLanguageSchema } from './languages'
import type { RosterFirstPage } from './roster-order'
import {
  byId,
  rosterArgs,
  type BackupInfo,
  type DeleteResult,
  type FileResult,
  type ImportReport,
  type RestoreResult,
  type RosterStatus,
} from './roster-contract'
import { pinSchema, settingsPatchSchema, type Settings } from './settings'
import { accessLogArgs, type AccessLogPage } from './access-log'
import { encryptionArgs, type EncryptionStatus } from './encryption'
import { csvArgs, type CsvImportResult, type CsvOpened, type CsvPlan } from './csv-contract'
import { packArgs, type ClinicFolderList, type PackImportResult, type PackOpened } from './pack'

/** What "About Homeplan" and support requests need to know. */
export interface AppInfo {
  name: string
  version: string
  platform: string
  versions: { electron: string | null; chrome: string | null; node: string }
}

/** Where this computer keeps Homeplan's data, so a clinic's IT person can back it up. */
export interface DataFolderInfo {
  path: string
  /** How the folder was chosen: the default, `--data-dir`, or HOMEPLAN_DATA_DIR. */
  source: 'default' | 'flag' | 'env'
  files: { name: string; bytes: number; modified: string }[]
}

/** A file Homeplan set aside as unreadable (named, sized and dated only: its content is never shown). */
export interface SetAsideFile {
  /** Its path from the data folder, with `/` (`backups/…` for one in a subfolder). */
  name: string
  bytes: number
  /** When it was set aside (ISO time, from its name). */
  setAsideAt: string
}

/** Something the user should know that did not come from their last action (say, a file kept aside as unreadable). */
export interface Notice {
  id: string
  message: string
  /** When it happened (ISO time). */
  at: string
}

/**
 * What the live preview gets (see contract.previewHandout): the pages as separate one-page PDFs with a key each,
 * null for a page whose key the window said it already holds; or, when the pages could not be rendered one by one,
 * the whole handout as one PDF (every page then counts as changed).
 */
export type PreviewResult =
  { pages: (Uint8Array | null)[]; pageKeys: string[]; warnings: string[] } | { pdf: Uint8Array; warnings: string[] }

/**
 * Declares one channel: the schema its argument must pass and (as a type only)
 * what it returns. `z.undefined()` means the call takes no argument.
 */
const channel =
  <Out>() =>
  <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out })

/** How a handout is laid out: the same choices for the preview and the export. */
const handoutOptions = {
  layout: handoutLayoutSchema,
  paper: paperSizeSchema,
  logDays: z.number().int().min(0).max(31),
  /** For this handout only; the patient's handout language when left out. */
  language: handoutLanguageSchema.optional(),
  /** Print in English what has no words in the handout's language (the export names it first). */
  allowEnglish: z.boolean().optional(),
}

/** One handout in a patient's history. */
const pastHandout = z.strictObject({ patientId: id, handoutId: id })

/**
 * The whole main/renderer contract. Keys are the method names on `window.api`;
 * the IPC channel name is derived with `channelName` (./channels).
 */
export const contract = {
  getAppInfo: channel<AppInfo>()(z.undefined()),
  getSettings: channel<Settings>()(z.undefined()),
  updateSettings: channel<Settings>()(settingsPatchSchema),
  getDataFolder: channel<DataFolderInfo>()(z.undefined()),
  /** Files set aside as unreadable longer ago than the backup window (30 days), to be removed after asking. */
  listOldSetAside: channel<SetAsideFile[]>()(z.undefined()),
  removeOldSetAside: channel<{ removed: string[]; failed: string[] }>()(
    z.strictObject({ names: z.array(z.string().min(1).max(1024)).min(1).max(1000) }),
  ),
  /** Asks for a PNG/JPEG, stores it in the media folder and makes it the clinic logo (or removes it). */
  setClinicLogo: channel<Settings>()(z.strictObject({ remove: z.boolean() })),
  /** What the app has to tell the user since it started, oldest first, until dismissed. */
  listNotices: channel<Notice[]>()(z.undefined()),
  /** Removes one notice; returns those left. */
  dismissNotice: channel<Notice[]>()(z.strictObject({ id: z.string().min(1).max(100) })),

  /**
   * Lock after inactivity (issue 17): whether a clinic PIN is set (its hash never leaves main), and whether main is
   * locked now (a window reloaded while locked shows the lock screen again).
   */
  /**
   * Also the clinic's therapists (names only, none while the folder is sealed) and whom the access log names now, so
   * the lock screen can ask who is working.
   */
  getLockStatus: channel<{
    pinSet: boolean
    locked: boolean
    therapists: string[]
    workingAs: string | null
    /** The OS can confirm this computer's user instead of the PIN (Touch ID on a Mac; the folder not encrypted). */
    osConfirm: boolean
  }>()(z.undefined()),
  /** Opens the locked window after the OS confirmed its user (see getLockStatus.osConfirm). */
  unlockWithOs: channel<{ unlocked: boolean }>()(
    z.strictObject({ workingAs: accessLogArgs.setWorkingAs.shape.name.optional() }),
  ),
  /**
   * The window locked: main refuses every data call until verifyPin succeeds (see electron/services/gate.ts). Without a
   * PIN nothing could open it again, so then main stays open (`locked: false`).
   */
  lockNow: channel<{ locked: boolean }>()(z.undefined()),
  /** Sets the clinic PIN, or changes it (then `current` must be the PIN set now). */
  setLockPin: channel<{ pinSet: true }>()(z.strictObject({ pin: pinSchema, current: pinSchema.optional() })),
  /**
   * Removes the clinic PIN after checking the current one (a wrong one counts like a wrong unlock); lock after
   * inactivity goes off with it, since nothing could open the window again.
   */
  removeLockPin: channel<{ pinSet: false }>()(z.strictObject({ current: pinSchema })),
  /** Checks the PIN that unlocks the window; after 5 wrong ones every try waits `waitSeconds` (growing) first. */
  verifyPin: channel<{ unlocked: true } | { unlocked: false; waitSeconds: number }>()(
    z.strictObject({ pin: pinSchema, workingAs: accessLogArgs.setWorkingAs.shape.name.optional() }),
  ),

  /** Encryption at rest (issue 17): whether the data folder is sealed and whether its key is in memory. */
  getEncryption: channel<EncryptionStatus>()(z.undefined()),
  /** Seals the whole data folder with a new clinic passphrase (a backup first); `remember` keeps the key in the keychain. */
  turnOnEncryption: channel<EncryptionStatus>()(encryptionArgs.turnOn),
  /** Writes the data folder back in the clear, after checking the passphrase. */
  turnOffEncryption: channel<EncryptionStatus>()(encryptionArgs.turnOff),
  /** Opens a sealed folder (start-up) or a window locked with encryption on: a wrong passphrase changes nothing. */
  unlockData: channel<EncryptionStatus>()(encryptionArgs.unlock),
  /** A new clinic passphrase (the current one must be right); the data keeps its key, so nothing else is rewritten. */
  changePassphrase: channel<EncryptionStatus>()(encryptionArgs.change),
  /** Stops this computer from opening the folder without the passphrase. */
  forgetDataKey: channel<EncryptionStatus>()(z.undefined()),

  getRosterStatus: channel<RosterStatus>()(z.undefined()),
  /** Opens the roster again: after the other Homeplan closed, or a folder problem was fixed. */
  reopenRoster: channel<RosterStatus>()(z.undefined()),
  startEmptyRoster: channel<RosterStatus>()(z.undefined()),
  listPatients: channel<PatientSummary[]>()(z.undefined()),
  /** The roster's opening screen (its first `limit` rows as shown) and its totals, sent before the whole list. */
  listFirstPatients: channel<RosterFirstPage>()(z.strictObject({ limit: z.number().int().min(1).max(500) })),
  getPatient: channel<Patient>()(byId),
  createPatient: channel<Patient>()(rosterArgs.createPatient),
  updatePatient: channel<Patient>()(rosterArgs.updatePatient),
  setPatientArchived: channel<Patient>()(rosterArgs.setPatientArchived),
  deletePatient: channel<DeleteResult>()(rosterArgs.deletePatient),
  saveProgram: channel<Patient>()(rosterArgs.saveProgram),
  duplicateProgram: channel<Patient>()(rosterArgs.duplicateProgram),
  renameProgram: channel<Patient>()(rosterArgs.renameProgram),
  /** Removes a program from the patient's history (its handouts stay, each with its copy of the program as printed). */
  deleteProgram: channel<Patient>()(rosterArgs.deleteProgram),
  restoreProgram: channel<Patient>()(rosterArgs.restoreProgram),

  listBackups: channel<BackupInfo[]>()(z.undefined()),
  backupNow: channel<BackupInfo>()(z.undefined()),
  restoreBackup: channel<RestoreResult>()(rosterArgs.restoreBackup),
  exportPatient: channel<FileResult>()(byId),
  exportRoster: channel<FileResult>()(z.undefined()),
  importRoster: channel<ImportReport>()(z.undefined()),

  /** CSV from another system (issue 18): choose and read a file, then a dry run per row, then the import itself. */
  openCsvImport: channel<CsvOpened>()(z.undefined()),
  planCsvImport: channel<CsvPlan>()(csvArgs.planCsvImport),
  /** Applies the dry run's plan in one write, after an automatic 'before-import' backup (restoring it is the Undo). */
  importCsv: channel<CsvImportResult>()(csvArgs.importCsv),
  exportRosterCsv: channel<FileResult>()(csvArgs.exportRosterCsv),
  exportProgramHistoryCsv: channel<FileResult>()(csvArgs.exportProgramHistoryCsv),

  getLibrary: channel<LibraryView>()(z.undefined()),
  createExercise: channel<Exercise>()(libraryArgs.createExercise),
  updateExercise: channel<Exercise>()(libraryArgs.updateExercise),
  duplicateExercise: channel<Exercise>()(libraryArgs.byExercise),
  deleteExercise: channel<{ id: string }>()(libraryArgs.byExercise),
  setFavourite: channel<string[]>()(libraryArgs.setFavourite),
  setDefaultDosage: channel<Exercise>()(libraryArgs.setDefaultDosage),
  /** Sets (or with `url` null removes) the clinic's video link for an exercise, printed on handouts as a QR code. */
  setExerciseVideo: channel<Exercise>()(libraryArgs.setExerciseVideo),
  attachExercisePhoto: channel<Exercise>()(libraryArgs.attachExercisePhoto),
  removeExercisePhoto: channel<Exercise>()(libraryArgs.removeExercisePhoto),
  getMedia: channel<string>()(libraryArgs.getMedia),
  saveTemplate: channel<Template>()(libraryArgs.saveTemplate),
  deleteTemplate: channel<{ id: string }>()(libraryArgs.deleteTemplate),

  /** Library packs (issue 18): templates and custom exercises (with their photos) saved as one file to share. */
  exportLibraryPack: channel<FileResult>()(packArgs.exportLibraryPack),
  /** The same pack written into the clinic's shared folder (atomically: a temp file renamed there). */
  publishLibraryPack: channel<FileResult>()(packArgs.exportLibraryPack),
  /** Chooses and checks a pack; answers what each item would be (new, newer, conflict…). Nothing is written. */
  openLibraryPack: channel<PackOpened>()(z.undefined()),
  /** Imports the opened pack as chosen, after a copy of library.json; built-in exercises and programs untouched. */
  importLibraryPack: channel<PackImportResult>()(packArgs.importLibraryPack),
  /** Sets the clinic's shared folder through a folder dialog, or (`clear`) forgets it. */
  chooseClinicFolder: channel<Settings>()(packArgs.chooseClinicFolder),
  /** The packs in the clinic's shared folder, those new since the last look marked (`remember`: this look counts). */
  listClinicPacks: channel<ClinicFolderList>()(packArgs.listClinicPacks),
  /** Opens a pack of the clinic's shared folder by name, as openLibraryPack does. */
  openClinicPack: channel<PackOpened>()(packArgs.openClinicPack),

  /**
   * The builder's live preview: the PDF as bytes (never base64; the HTTP bridge alone encodes them on the wire) and one
   * key per page that changes exactly when the page does, so the window redraws only changed pages. `pageKeys` is empty
   * when the pages could not be keyed: then every page is redrawn. `cancelled`: a newer preview of the same patient's
   * program came first; nothing to show.
   */
  previewHandout: channel<PreviewResult | { cancelled: true }>()(
    z.strictObject({
      patientId: id,
      program: programInputSchema,
      ...handoutOptions,
      /** Keys of the pages the window already holds: their bytes are not sent again. */
      known: z.array(z.string().max(64)).max(1000).optional(),
    }),
  ),
  printHandout: channel<{ printed: boolean; warnings: string[] }>()(
    z.strictObject({ patientId: id, programId: id, ...handoutOptions }),
  ),
  exportHandout: channel<{ saved: true; path: string; warnings: string[] } | { saved: false }>()(
    z.strictObject({ patientId: id, programId: id, ...handoutOptions }),
  ),
  /** A past handout saved again from its exact copy (same pages, same bytes); not added to the history again. */
  reprintHandout: channel<{ saved: true; path: string; warnings: string[] } | { saved: false }>()(pastHandout),
  printPastHandout: channel<{ printed: boolean; warnings: string[] }>()(pastHandout),
  /** Shows a past handout's PDF in its folder (desktop app); `shown: false` with the path where that is not possible. */
  showHandoutFile: channel<{ shown: boolean; path: string }>()(pastHandout),

  /** The access log (who opened, changed, exported… which patient), newest first, one page, of one patient or all. */
  getAccessLog: channel<AccessLogPage>()(accessLogArgs.getAccessLog),
  /** Saves the whole access log as CSV where the user chooses. */
  exportAccessLog: channel<FileResult>()(z.undefined()),
  /** Whom the access log names for this session: a therapist of Settings, or null ("this computer"). */
  getWorkingAs: channel<{ name: string | null }>()(z.undefined()),
  /** Works as one of Settings' therapists (by name) until the app closes, or as "this computer" (null). */
  setWorkingAs: channel<{ name: string | null }>()(accessLogArgs.setWorkingAs),
}

/**
 * The calls that change what is in the data folder. While this window has the folder read-only (another
 * Homeplan holds it), these are refused with the reason; everything else works.
 */
export const changesData: ReadonlySet<string> = new Set([
  'updateSettings',
  'setClinicLogo',
  'setLockPin',
  'removeLockPin',
  'turnOnEncryption',
  'turnOffEncryption',
  'changePassphrase',
  'removeOldSetAside',
  'startEmptyRoster',
  'createPatient',
  'updatePatient',
  'setPatientArchived',
  'deletePatient',
  'saveProgram',
  'duplicateProgram',
  'renameProgram',
  'deleteProgram',
  'restoreProgram',
  'backupNow',
  'restoreBackup',
  'importRoster',
  'importCsv',
  'createExercise',
  'updateExercise',
  'duplicateExercise',
  'deleteExercise',
  'setFavourite',
  'setDefaultDosage',
  'setExerciseVideo',
  'attachExercisePhoto',
  'removeExercisePhoto',
  'saveTemplate',
  'deleteTemplate',
  'importLibraryPack',
  'chooseClinicFolder',
  'listClinicPacks',
  'exportHandout',
  'reprintHandout',
] satisfies Method[])

export type Contract = typeof contract
export type Method = keyof Contract
export type ArgOf<M extends Method> = z.output<Contract[M]['input']>
export type InputOf<M extends Method> = z.input<Contract[M]['input']>
export type OutputOf<M extends Method> = Contract[M]['output']

/** The renderer's view of main: one named async function per channel. */
export type Api = {
  [M in Method]: InputOf<M> extends undefined
    ? () => Promise<Result<OutputOf<M>>>
    : (arg: InputOf<M>) => Promise<Result<OutputOf<M>>>
}

/** Handlers receive arguments only after the schema accepted them. */
export type Handlers = { [M in Method]: (arg: ArgOf<M>) => Promise<OutputOf<M>> | OutputOf<M> }

export const methods = Object.keys(contract) as Method[]

export { channelName } from './channels'
