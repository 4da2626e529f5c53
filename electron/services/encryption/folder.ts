import { AppFailure } from '../../../src/core/result'
import { sealFolder, unsealFolder, resumeConversion } from '../convert-folder'
import { assertKeyFits, changeFolderPassphrase, createFolderKey, readKeyFile, unlockFolderKey } from '../folder-key'
import type { FsPort } from '../fs-port'
import type { FolderCrypto } from './service'

/** The data folder's key file and conversions (folder-key.ts, convert-folder.ts) as the encryption service uses them. */
export function folderCrypto(fs: FsPort, dir: string): FolderCrypto {
  const keyFile = async () => {
    const read = await readKeyFile(fs, dir)
    // A damaged key file is said as it is: starting as if the folder were not encrypted would hide every patient.
    if (read.state === 'damaged') throw new AppFailure('io_error', read.reason)
    return read.state === 'missing' ? undefined : read.file
  }
  return {
    state: async () => {
      const file = await keyFile()
      if (!file) return 'off'
      return file.state === 'sealed' ? 'on' : file.state
    },
    create: (passphrase) => createFolderKey(fs, dir, passphrase),
    unlock: (passphrase) => unlockFolderKey(fs, dir, passphrase),
    matches: async (key) => {
      const file = await keyFile()
      if (!file) return false
      try {
        assertKeyFits(key, file)
        return true
      } catch {
        return false
      }
    },
    seal: (key) => sealFolder(fs, dir, key),
    unseal: (key) => unsealFolder(fs, dir, key),
    resume: async (key) => void (await resumeConversion(fs, dir, key)),
    change: (current, next) => changeFolderPassphrase(fs, dir, current, next),
  }
}
