/**
 * Builds `window.api`: one named function per contract method, nothing else.
 * No raw ipcRenderer and no generic invoke reach the page, so script injected
 * into the renderer can only make the calls listed here, each validated in main.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { channelName, LOCK_EVENT } from '../../src/core/channels'
import type { Api, InputOf, Method } from '../../src/core/contract'

const call = <M extends Method>(method: M, arg?: InputOf<M>) => ipcRenderer.invoke(channelName(method), arg)

export const api = {
  getAppInfo: () => call('getAppInfo'),
  getSettings: () => call('getSettings'),
  updateSettings: (patch) => call('updateSettings', patch),
  getDataFolder: () => call('getDataFolder'),
  listOldSetAside: () => call('listOldSetAside'),
  removeOldSetAside: (arg) => call('removeOldSetAside', arg),
  setClinicLogo: (arg) => call('setClinicLogo', arg),
  listNotices: () => call('listNotices'),
  dismissNotice: (arg) => call('dismissNotice', arg),
  getLockStatus: () => call('getLockStatus'),
  lockNow: () => call('lockNow'),
  setLockPin: (arg) => call('setLockPin', arg),
  removeLockPin: (arg) => call('removeLockPin', arg),
  verifyPin: (arg) => call('verifyPin', arg),
  unlockWithOs: (arg) => call('unlockWithOs', arg),
  getEncryption: () => call('getEncryption'),
  turnOnEncryption: (arg) => call('turnOnEncryption', arg),
  turnOffEncryption: (arg) => call('turnOffEncryption', arg),
  unlockData: (arg) => call('unlockData', arg),
  forgetDataKey: () => call('forgetDataKey'),
  changePassphrase: (arg) => call('changePassphrase', arg),
  getRosterStatus: () => call('getRosterStatus'),
  reopenRoster: () => call('reopenRoster'),
  startEmptyRoster: () => call('startEmptyRoster'),
  listPatients: () => call('listPatients'),
  listFirstPatients: (arg) => call('listFirstPatients', arg),
  getPatient: (arg) => call('getPatient', arg),
  createPatient: (arg) => call('createPatient', arg),
  updatePatient: (arg) => call('updatePatient', arg),
  setPatientArchived: (arg) => call('setPatientArchived', arg),
  deletePatient: (arg) => call('deletePatient', arg),
  saveProgram: (arg) => call('saveProgram', arg),
  duplicateProgram: (arg) => call('duplicateProgram', arg),
  renameProgram: (arg) => call('renameProgram', arg),
  deleteProgram: (arg) => call('deleteProgram', arg),
  restoreProgram: (arg) => call('restoreProgram', arg),
  listBackups: () => call('listBackups'),
  backupNow: () => call('backupNow'),
  restoreBackup: (arg) => call('restoreBackup', arg),
  exportPatient: (arg) => call('exportPatient', arg),
  exportRoster: () => call('exportRoster'),
  importRoster: () => call('importRoster'),
  openCsvImport: () => call('openCsvImport'),
  planCsvImport: (arg) => call('planCsvImport', arg),
  importCsv: (arg) => call('importCsv', arg),
  exportRosterCsv: (arg) => call('exportRosterCsv', arg),
  exportProgramHistoryCsv: (arg) => call('exportProgramHistoryCsv', arg),
  getLibrary: () => call('getLibrary'),
  createExercise: (arg) => call('createExercise', arg),
  updateExercise: (arg) => call('updateExercise', arg),
  duplicateExercise: (arg) => call('duplicateExercise', arg),
  deleteExercise: (arg) => call('deleteExercise', arg),
  setFavourite: (arg) => call('setFavourite', arg),
  setDefaultDosage: (arg) => call('setDefaultDosage', arg),
  setExerciseVideo: (arg) => call('setExerciseVideo', arg),
  attachExercisePhoto: (arg) => call('attachExercisePhoto', arg),
  removeExercisePhoto: (arg) => call('removeExercisePhoto', arg),
  getMedia: (arg) => call('getMedia', arg),
  saveTemplate: (arg) => call('saveTemplate', arg),
  deleteTemplate: (arg) => call('deleteTemplate', arg),
  exportLibraryPack: (arg) => call('exportLibraryPack', arg),
  publishLibraryPack: (arg) => call('publishLibraryPack', arg),
  openLibraryPack: () => call('openLibraryPack'),
  importLibraryPack: (arg) => call('importLibraryPack', arg),
  chooseClinicFolder: (arg) => call('chooseClinicFolder', arg),
  listClinicPacks: (arg) => call('listClinicPacks', arg),
  openClinicPack: (arg) => call('openClinicPack', arg),
  previewHandout: (arg) => call('previewHandout', arg),
  printHandout: (arg) => call('printHandout', arg),
  exportHandout: (arg) => call('exportHandout', arg),
  reprintHandout: (arg) => call('reprintHandout', arg),
  printPastHandout: (arg) => call('printPastHandout', arg),
  showHandoutFile: (arg) => call('showHandoutFile', arg),
  getAccessLog: (arg) => call('getAccessLog', arg),
  exportAccessLog: () => call('exportAccessLog'),
  getWorkingAs: () => call('getWorkingAs'),
  setWorkingAs: (arg) => call('setWorkingAs', arg),
} satisfies Api

/**
 * What main tells the window on its own: only "lock now" (issue 17). The listener gets no argument, never the IPC
 * event (its sender would reach ipcRenderer); the returned function stops listening.
 */
export const appEvents = {
  onLock: (listener: () => void) => {
    const wrapped = () => listener()
    ipcRenderer.on(LOCK_EVENT, wrapped)
    return () => void ipcRenderer.removeListener(LOCK_EVENT, wrapped)
  },
}

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('appEvents', appEvents)
