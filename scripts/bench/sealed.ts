/**
 * `npm run bench sealed`: the roster of 10,000 patients in an encrypted data folder, through the real store on
 * sealedFs (AES-256-GCM, one record per write).
 *   sealed.roster.load: opening it (every record authenticated and decrypted). Baseline: the naive way to encrypt
 *     a JSON database, one AES-GCM blob for the whole file, decrypted and parsed.
 *   sealed.roster.edit: one patient changed (one sealed journal record appended and flushed). Baseline: the naive
 *     way, the whole database serialised, encrypted as one blob and written again on every change.
 *   sealed.turn_on: turning encryption on for that folder (a copy first, every file rewritten and read back);
 *     target only: there is no cheaper way that keeps a crash safe. Baseline: copying the folder's files.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sealFolder } from '../../electron/services/convert-folder'
import { createFolderKey } from '../../electron/services/folder-key'
import { nodeFs } from '../../electron/services/fs-port'
import { SnapshotFile } from '../../electron/services/roster/snapshot-file'
import { RosterStore } from '../../electron/services/roster/store'
import { sealedFs } from '../../electron/services/sealed-fs'
import { summarize } from '../../src/core/patient'
import { syntheticPatients } from '../../tests/support/patients'

type Report = (name: string, value: number, unit: string, baseline: number, target: number) => void
const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 10_000)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now()
  await work()
  return performance.now() - start
}

const sealBlob = (key: Buffer, plain: Buffer) => {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()])
}
const openBlob = (key: Buffer, blob: Buffer) => {
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12))
  decipher.setAuthTag(blob.subarray(blob.length - 16))
  return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()])
}

export async function sealedBench(report: Report): Promise<void> {
  const patients = syntheticPatients(PATIENTS)
  const dir = await mkdtemp(join(tmpdir(), 'hp-bench-sealed-'))
  const naiveDir = await mkdtemp(join(tmpdir(), 'hp-bench-sealed-naive-'))
  const copyDir = await mkdtemp(join(tmpdir(), 'hp-bench-sealed-copy-'))
  try {
    await new SnapshotFile(join(dir, 'roster.json')).write({
      header: { savedAt: new Date().toISOString(), lastSeq: 0 },
      entries: patients.map((p) => ({ summary: summarize(p), patient: p })),
    })
    const baselineCopy = await timed(async () => {
      for (const name of await readdir(dir)) await copyFile(join(dir, name), join(copyDir, name))
    })
    const key = await createFolderKey(nodeFs, dir, 'blue heron quiet river')
    const turnOn = await timed(() => sealFolder(nodeFs, dir, key))
    report('sealed.turn_on', turnOn, 'ms', baselineCopy, 5_000)

    const fs = sealedFs(nodeFs, { key: () => key, sealWrites: () => true })
    const naiveFile = join(naiveDir, 'db.bin')
    await writeFile(naiveFile, sealBlob(key, Buffer.from(JSON.stringify({ schemaVersion: 2, patients }))))

    const loads: number[] = []
    const naiveLoads: number[] = []
    let store: RosterStore | undefined
    for (let i = 0; i < 3; i++) {
      await store?.close()
      loads.push(await timed(async () => (store = await RosterStore.open({ dir, fs, compactAfterChanges: 1_000_000 }))))
      naiveLoads.push(await timed(async () => JSON.parse(openBlob(key, await readFile(naiveFile)).toString())))
    }
    report('sealed.roster.load', median(loads), 'ms', median(naiveLoads), 300)

    const edits: number[] = []
    const naiveEdits: number[] = []
    for (let i = 0; i < 30; i++) {
      const p = store!.get(patients[(i * 331) % patients.length]!.id)!
      edits.push(await timed(() => store!.put({ ...p, notes: `edit ${i}` })))
      if (i < 5)
        naiveEdits.push(
          await timed(async () => {
            patients[(i * 331) % patients.length]!.notes = `edit ${i}`
            await mkdir(naiveDir, { recursive: true })
            await writeFile(naiveFile, sealBlob(key, Buffer.from(JSON.stringify({ schemaVersion: 2, patients }))))
          }),
        )
    }
    report('sealed.roster.edit', median(edits), 'ms', median(naiveEdits), 40)
    await store!.close()
  } finally {
    for (const d of [dir, naiveDir, copyDir]) await rm(d, { recursive: true, force: true })
  }
}
