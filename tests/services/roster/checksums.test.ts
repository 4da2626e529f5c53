/**
 * Issue 17, item 6: snapshots and journal lines are checked with SHA-256, and files an earlier Homeplan wrote with
 * CRC-32 checksums still open (an existing data folder must keep working).
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { summarize, type Patient } from '../../../src/core/patient'
import {
  decodeSnapshot,
  decodeSnapshotInSteps,
  encodeSnapshot,
  SCHEMA_VERSION,
  SnapshotError,
} from '../../../electron/services/roster/format'
import { decodeChange, encodeChange, journalName, type Change } from '../../../electron/services/roster/journal'
import { RosterStore, ROSTER_FILE } from '../../../electron/services/roster/store'
import { syntheticPatients } from '../../support/patients'

const crcHex = (buf: Buffer) => crc32(buf).toString(16).padStart(8, '0')

const snapshotOf = (patients: Patient[], lastSeq = patients.length) =>
  Buffer.concat([
    ...encodeSnapshot(
      { savedAt: '2026-12-01T10:00:00.000Z', lastSeq },
      patients.map((patient) => ({ summary: summarize(patient), patient })),
    ),
  ])

/** The same snapshot as Homeplan wrote it before SHA-256: version 3, its last line `"checksum":"crc32:…"}`. */
function oldSnapshotOf(patients: Patient[], lastSeq = patients.length): Buffer {
  const file = snapshotOf(patients, lastSeq)
  const body = Buffer.from(
    file
      .subarray(0, file.lastIndexOf(0x0a, file.length - 2) + 1)
      .toString('utf8')
      .replace(`"schemaVersion":${SCHEMA_VERSION},`, '"schemaVersion":3,'),
  )
  return Buffer.concat([body, Buffer.from(`"checksum":"crc32:${crcHex(body)}"}\n`)])
}

/** A journal line as Homeplan wrote it before SHA-256: `…,"crc":"0a1b2c3d"}`. */
function oldLine(change: Change): Buffer {
  const body = Buffer.from(JSON.stringify({ v: 3, ...change }))
  return Buffer.concat([body.subarray(0, body.length - 1), Buffer.from(`,"crc":"${crcHex(body)}"}\n`)])
}

const flip = (buf: Buffer, at: number) => {
  const copy = Buffer.from(buf)
  copy[at] = copy[at] === 0x61 ? 0x62 : 0x61
  return copy
}

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hp-sum-'))
  dirs.push(dir)
  return dir
}

describe('snapshot checksum (roster.json and backups)', () => {
  it('is a SHA-256 of every byte before the checksum line', () => {
    const file = snapshotOf(syntheticPatients(3))
    const lastNl = file.lastIndexOf(0x0a, file.length - 2)
    const line = file.subarray(lastNl + 1).toString('utf8')
    const expected = createHash('sha256')
      .update(file.subarray(0, lastNl + 1))
      .digest('hex')
    expect(line).toBe(`"checksum":"sha256:${expected}"}\n`)
    expect(decodeSnapshot(file).entries).toHaveLength(3)
  })

  it('refuses a SHA-256 file with one byte changed, in one go and in steps', async () => {
    const file = snapshotOf(syntheticPatients(5))
    const changed = flip(file, file.indexOf('"patients"') + 200)
    expect(() => decodeSnapshot(changed)).toThrow(SnapshotError)
    await expect(decodeSnapshotInSteps(changed, async () => {}, 1024)).rejects.toBeInstanceOf(SnapshotError)
  })

  it('still reads a CRC-32 file an earlier Homeplan wrote, in one go and in steps, and refuses one changed', async () => {
    const patients = syntheticPatients(4)
    const old = oldSnapshotOf(patients)
    expect(old.toString('utf8')).toMatch(/"checksum":"crc32:[0-9a-f]{8}"\}\n$/)
    const decoded = decodeSnapshot(old)
    expect(decoded.entries.map((e) => e.summary.id)).toEqual(patients.map((p) => p.id))
    expect(await decodeSnapshotInSteps(old, async () => {}, 1024)).toEqual(decoded)
    const changed = flip(old, old.indexOf('"patients"') + 200)
    expect(() => decodeSnapshot(changed)).toThrow(SnapshotError)
    await expect(decodeSnapshotInSteps(changed, async () => {}, 1024)).rejects.toBeInstanceOf(SnapshotError)
  })
})

describe('journal line checksum', () => {
  const [patient] = syntheticPatients(1)
  const change: Change = { seq: 1, at: '2026-12-01T10:00:00.000Z', op: 'put', patient: patient! }

  it('is a SHA-256 of the line without its last field', () => {
    const line = encodeChange(change)
    expect(line.toString('utf8')).toMatch(/,"sha256":"[0-9a-f]{64}"\}\n$/)
    expect(decodeChange(line.subarray(0, line.length - 1))).toEqual({ change, version: SCHEMA_VERSION })
  })

  it('a changed character in a SHA-256 line makes the line damaged', () => {
    const line = encodeChange(change)
    const text = line.subarray(0, line.length - 1).toString('utf8')
    expect(decodeChange(Buffer.from(text.replace(patient!.firstName, `${patient!.firstName}x`)))).toBeUndefined()
  })

  it('still reads a CRC-32 line an earlier Homeplan wrote, and refuses one changed', () => {
    const line = oldLine(change)
    const text = line.subarray(0, line.length - 1).toString('utf8')
    expect(decodeChange(Buffer.from(text))).toEqual({ change, version: 3 })
    expect(decodeChange(Buffer.from(text.replace(patient!.firstName, `${patient!.firstName}x`)))).toBeUndefined()
  })
})

describe('a data folder written before SHA-256', () => {
  it('opens with every patient (roster.json and journal both CRC-32) and is written in SHA-256 from then on', async () => {
    const dir = await tempDir()
    const patients = syntheticPatients(4)
    await writeFile(join(dir, ROSTER_FILE), oldSnapshotOf(patients.slice(0, 3), 3))
    const later: Change[] = [
      { seq: 4, at: '2026-12-01T11:00:00.000Z', op: 'put', patient: patients[3]! },
      { seq: 5, at: '2026-12-01T11:01:00.000Z', op: 'delete', id: patients[0]!.id },
    ]
    await writeFile(join(dir, journalName(4)), Buffer.concat(later.map(oldLine)))
    const store = await RosterStore.open({ dir })
    expect(store.health).toEqual({ status: 'ready' })
    expect(
      store
        .list()
        .map((s) => s.id)
        .sort(),
    ).toEqual(
      patients
        .slice(1)
        .map((p) => p.id)
        .sort(),
    )
    expect(store.get(patients[1]!.id)).toEqual(patients[1])
    await store.compact()
    expect(await readFile(join(dir, ROSTER_FILE), 'utf8')).toMatch(/"checksum":"sha256:[0-9a-f]{64}"\}\n$/)
    await store.close()
    const again = await RosterStore.open({ dir })
    expect(again.list()).toHaveLength(3)
    await again.close()
  })
})
