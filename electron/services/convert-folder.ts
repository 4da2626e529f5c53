/**
 * Turning encryption on or off for a data folder: every data file rewritten in the other form, with a copy of the
 * folder first, and a marker in encryption.json (`state`) written first and cleared last, so a crash at any step
 * leaves a folder that opens with the key (sealedFs reads both forms) and `resumeConversion` finishes next time.
 *
 * Sealing: encryption.json is written with state 'sealing' (createFolderKey) before anything else; the data files are
 * copied as they are to backups/before-encryption-<stamp>/; each file is rewritten sealed and read back (it must
 * give the same bytes); then the before-encryption copy itself is sealed in place, so no plaintext copy of patient
 * data is left behind (it stays as a copy of the folder before the conversion, readable with the passphrase); last,
 * state 'sealed'.
 * Unsealing: state 'unsealing'; the folder copied as it is (sealed) to backups/before-decryption-<stamp>/ together
 * with a copy of encryption.json, so that copy can still be opened with the passphrase; every sealed file
 * (earlier before-encryption copies too) rewritten plain and read back; encryption.json removed last.
 * Files already in the target form are skipped, so resuming is cheap. The lock file and encryption.json are never
 * rewritten, nor is the window's state. The key is checked against encryption.json first: a wrong one changes nothing.
 */
import { join } from 'node:path'
import { fileStamp } from '../../src/core/dates'
import { AppFailure } from '../../src/core/result'
import { say } from '../../src/i18n/say'
import { removeOrphanTemps, TEMP_NAME, writeAtomic } from './atomic-write'
import { assertKeyFits, readKeyFile, writeKeyFile, type KeyFile } from './folder-key'
import { errnoOf, type FsPort } from './fs-port'
import { PRIVATE_FILE, privateFolder } from './private-modes'
import { isExempt, KEY_FILE, sealedFs } from './sealed-fs'
import { looksSealed } from './sealed-record'

/** Folders of the data folder whose files are data (print jobs are passing copies of exports, not kept). */
const DATA_SUBFOLDERS = ['backups', 'media', 'handouts', 'library-backups']
/** The copies made before sealing (sealed themselves once it is done); a before-decryption copy keeps its own key. */
const BEFORE_SEALING = /^before-encryption-/

/** Every data file under `dir` (relative paths): not the lock, the key file or the window state, not a save's temp file. */
async function dataFiles(fs: FsPort, dir: string, copiesToo = false): Promise<string[]> {
  const out: string[] = []
  const walk = async (rel: string, depth: number) => {
    const names = await fs.readdir(join(dir, rel)).catch((error: unknown) => {
      if (errnoOf(error) === 'ENOENT') return [] as string[]
      throw error
    })
    for (const name of names.sort()) {
      const path = rel ? join(rel, name) : name
      if (isExempt(name) || TEMP_NAME.test(name)) continue
      const stat = await fs.stat(join(dir, path))
      if (stat.isFile()) out.push(path)
      else if (!stat.isDirectory()) continue
      else if (depth === 0 && DATA_SUBFOLDERS.includes(name)) await walk(path, 1)
      else if (depth === 1 && rel === 'backups' && copiesToo && BEFORE_SEALING.test(name)) await walk(path, 2)
      else if (depth >= 2) await walk(path, depth + 1) // inside such a copy: all of it
    }
  }
  await walk('', 0)
  return out
}

async function keyFileOf(fs: FsPort, dir: string): Promise<KeyFile> {
  const read = await readKeyFile(fs, dir)
  if (read.state === 'missing') throw new AppFailure('conflict', say('sealed.notSealed'))
  if (read.state === 'damaged') throw new AppFailure('io_error', read.reason)
  return read.file
}

/** Copies the data files as they are (owner-only) into the conversion's backup folder, once. */
async function backUp(fs: FsPort, dir: string, file: KeyFile, kind: 'encryption' | 'decryption'): Promise<KeyFile> {
  if (file.backupDone && file.backup) return file
  const backup = file.backup ?? join('backups', `before-${kind}-${fileStamp(new Date())}`)
  if (!file.backup) await writeKeyFile(fs, dir, (file = { ...file, backup }))
  const files = await dataFiles(fs, dir)
  if (kind === 'decryption') files.push(KEY_FILE)
  for (const rel of files) {
    const to = join(dir, backup, rel)
    await privateFolder(fs, join(to, '..'))
    await fs.copyFile(join(dir, rel), to)
    await fs.chmod(to, PRIVATE_FILE).catch(() => {})
  }
  await writeKeyFile(fs, dir, (file = { ...file, backupDone: true }))
  return file
}

/** Rewrites each file not yet in the target form (atomically), then checks it reads back the same. */
async function rewrite(fs: FsPort, dir: string, files: string[], key: Buffer, seal: boolean, backup: string) {
  const target = sealedFs(fs, { key: () => key, sealWrites: () => seal })
  for (const rel of files) {
    const path = join(dir, rel)
    const raw = await fs.readFile(path)
    if (raw.length === 0 || looksSealed(raw) === seal) continue
    const plain = await target.readFile(path)
    await writeAtomic(target, path, [plain])
    const back = await target.readFile(path)
    if (!back.equals(plain) || looksSealed(await fs.readFile(path)) !== seal)
      throw new AppFailure('io_error', say('sealed.verifyFailed', { file: rel, backup: join(dir, backup) }))
  }
}

/** Encrypts every data file. encryption.json must be there (createFolderKey writes it with state 'sealing'). */
export async function sealFolder(fs: FsPort, dir: string, key: Buffer): Promise<void> {
  let file = await keyFileOf(fs, dir)
  assertKeyFits(key, file)
  if (file.state === 'sealed') return
  if (file.state !== 'sealing') await writeKeyFile(fs, dir, (file = { ...file, state: 'sealing' }))
  // A crashed save's temp file is a full plaintext copy nothing will read: removed, not left beside sealed files.
  for (const sub of ['', ...DATA_SUBFOLDERS]) await removeOrphanTemps(fs, join(dir, sub))
  file = await backUp(fs, dir, file, 'encryption')
  const backup = file.backup!
  await rewrite(fs, dir, await dataFiles(fs, dir), key, true, backup)
  // The copy from before the conversion holds patient data in plaintext: it is sealed too (every earlier one as well).
  await rewrite(fs, dir, await dataFiles(fs, dir, true), key, true, backup)
  const { backup: _b, backupDone: _d, ...rest } = file
  await writeKeyFile(fs, dir, { ...rest, state: 'sealed' })
}

/** Decrypts every data file (earlier before-encryption copies too), then removes encryption.json. */
export async function unsealFolder(fs: FsPort, dir: string, key: Buffer): Promise<void> {
  let file = await keyFileOf(fs, dir)
  assertKeyFits(key, file)
  if (file.state !== 'unsealing') {
    const { backup: _b, backupDone: _d, ...rest } = file
    await writeKeyFile(fs, dir, (file = { ...rest, state: 'unsealing' }))
  }
  file = await backUp(fs, dir, file, 'decryption')
  await rewrite(fs, dir, await dataFiles(fs, dir, true), key, false, file.backup!)
  await fs.rm(join(dir, KEY_FILE))
}

/** Finishes a conversion a crash interrupted (call it once the key is known). Says which one it finished, if any. */
export async function resumeConversion(fs: FsPort, dir: string, key: Buffer): Promise<'sealed' | 'unsealed' | null> {
  const read = await readKeyFile(fs, dir)
  if (read.state !== 'present' || read.file.state === 'sealed') return null
  if (read.file.state === 'sealing') {
    await sealFolder(fs, dir, key)
    return 'sealed'
  }
  await unsealFolder(fs, dir, key)
  return 'unsealed'
}
