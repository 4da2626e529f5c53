/**
 * Issue 17, item 6's follow-up: journal lines and roster.json checked with SHA-256 are version 4. A Homeplan of
 * version 3 reads only CRC-32 journal lines: a SHA-256 line of version 3 looked damaged to it and its journal was
 * set aside. Version 4 makes it refuse the folder as made by a newer Homeplan (its loader checks a line's version
 * before its checksum, and a roster.json's version before anything else), and this version does the same to 5.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { summarize } from '../../../src/core/patient'
import { encodeSnapshot, SCHEMA_VERSION } from '../../../electron/services/roster/format'
import { encodeChange, journalName, type Change } from '../../../electron/services/roster/journal'
import { RosterStore, ROSTER_FILE } from '../../../electron/services/roster/store'
import { syntheticPatients } from '../../support/patients'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hp-version-'))
  dirs.push(dir)
  return dir
}

/** A journal line of `version` with a SHA-256 tail, as this code writes one of its own version. */
function lineOf(version: number, change: Change): Buffer {
  const body = JSON.stringify({ v: version, ...change })
  return Buffer.from(`${body.slice(0, -1)},"sha256":"${createHash('sha256').update(body).digest('hex')}"}\n`)
}

/** roster.json as the SHA-256 builds of version 3 wrote it. */
function snapshotOfVersion(version: number, patients: ReturnType<typeof syntheticPatients>, lastSeq: number) {
  const file = Buffer.concat([
    ...encodeSnapshot(
      { savedAt: '2026-12-01T10:00:00.000Z', lastSeq },
      patients.map((patient) => ({ summary: summarize(patient), patient })),
    ),
  ])
  const text = file.toString('utf8').replace(`"schemaVersion":${SCHEMA_VERSION},`, `"schemaVersion":${version},`)
  const lastNl = text.lastIndexOf('\n', text.length - 2)
  const body = text.slice(0, lastNl + 1)
  return Buffer.from(`${body}"checksum":"sha256:${createHash('sha256').update(body).digest('hex')}"}\n`)
}

const filesOf = async (dir: string) => {
  const names = (await readdir(dir)).sort()
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n))] as const)))
}

describe('the roster format version', () => {
  it('is 4, and every journal line and roster.json this version writes says so', async () => {
    expect(SCHEMA_VERSION).toBe(4)
    const dir = await tempDir()
    const store = await RosterStore.open({ dir })
    await store.put(syntheticPatients(1)[0]!)
    const journal = (await readdir(dir)).find((n) => n.endsWith('.jsonl'))!
    expect((await readFile(join(dir, journal), 'utf8')).startsWith('{"v":4,')).toBe(true)
    await store.compact()
    expect(await readFile(join(dir, ROSTER_FILE), 'utf8')).toMatch(/^\{"format":"homeplan-roster","schemaVersion":4,/)
    await store.close()
  })

  it('refuses a folder whose journal a newer Homeplan wrote, saying so, and leaves every file as it was', async () => {
    const dir = await tempDir()
    const patients = syntheticPatients(2)
    await writeFile(join(dir, ROSTER_FILE), snapshotOfVersion(SCHEMA_VERSION, patients.slice(0, 1), 1))
    const newer: Change = { seq: 2, at: '2026-12-01T11:00:00.000Z', op: 'put', patient: patients[1]! }
    await writeFile(join(dir, journalName(2)), lineOf(SCHEMA_VERSION + 1, newer))
    const before = await filesOf(dir)
    const store = await RosterStore.open({ dir })
    expect(store.health).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining(`written by a newer version of Homeplan (version ${SCHEMA_VERSION + 1})`),
    })
    expect(() => store.put(patients[0]!)).toThrow(/newer version/)
    await store.compact()
    await store.close()
    // Nothing set aside as damaged, nothing rewritten.
    expect(await filesOf(dir)).toEqual(before)
  })

  it('refuses a roster.json of a newer version untouched, even with a SHA-256 checksum that matches', async () => {
    const dir = await tempDir()
    const file = snapshotOfVersion(SCHEMA_VERSION + 1, syntheticPatients(2), 2)
    await writeFile(join(dir, ROSTER_FILE), file)
    const store = await RosterStore.open({ dir })
    expect(store.health).toMatchObject({ status: 'refused', reason: expect.stringContaining('newer version') })
    await store.close()
    expect(await filesOf(dir)).toEqual({ [ROSTER_FILE]: file })
  })

  it('opens a folder of version 3 written with SHA-256 (roster.json and journal), every patient there', async () => {
    const dir = await tempDir()
    const patients = syntheticPatients(4)
    await writeFile(join(dir, ROSTER_FILE), snapshotOfVersion(3, patients.slice(0, 3), 3))
    const later: Change[] = [
      { seq: 4, at: '2026-12-01T11:00:00.000Z', op: 'put', patient: patients[3]! },
      { seq: 5, at: '2026-12-01T11:01:00.000Z', op: 'delete', id: patients[0]!.id },
    ]
    await writeFile(join(dir, journalName(4)), Buffer.concat(later.map((c) => lineOf(3, c))))
    const store = await RosterStore.open({ dir })
    expect(store.health).toEqual({ status: 'ready' })
    expect(store.list().map((s) => s.id)).toEqual(patients.slice(1).map((p) => p.id))
    expect(store.get(patients[3]!.id)).toEqual(patients[3])
    await store.compact()
    expect(await readFile(join(dir, ROSTER_FILE), 'utf8')).toMatch(/"schemaVersion":4,/)
    await store.close()
    const again = await RosterStore.open({ dir })
    expect(again.list()).toHaveLength(3)
    await again.close()
  })

  it('writes its own lines as encodeChange does (the helper above is the real format)', () => {
    const change: Change = { seq: 1, at: '2026-12-01T11:00:00.000Z', op: 'delete', id: 'patient-000001' }
    expect(lineOf(SCHEMA_VERSION, change)).toEqual(encodeChange(change))
  })
})
