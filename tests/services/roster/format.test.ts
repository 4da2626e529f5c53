import { describe, expect, it } from 'vitest'
import { summarize } from '../../../src/core/patient'
import {
  decodeSnapshot,
  decodeSnapshotInSteps,
  encodeSnapshot,
  SnapshotError,
} from '../../../electron/services/roster/format'
import { syntheticPatients } from '../../support/patients'

const fileOf = (count: number) =>
  Buffer.concat([
    ...encodeSnapshot(
      { savedAt: '2026-12-01T10:00:00.000Z', lastSeq: 7 },
      syntheticPatients(count).map((patient) => ({ summary: summarize(patient), patient })),
    ),
  ])

describe('opening the roster in steps (decodeSnapshotInSteps)', () => {
  it('reads what decodeSnapshot reads, giving the event loop a turn after every step of the checksum', async () => {
    const file = fileOf(40)
    let pauses = 0
    const step = 4096
    const inSteps = await decodeSnapshotInSteps(file, async () => void pauses++, step)
    expect(inSteps).toEqual(decodeSnapshot(file))
    expect(inSteps.entries).toHaveLength(40)
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(file.length / step))
  })

  it('refuses a file with one byte changed, as decodeSnapshot does', async () => {
    const file = fileOf(40)
    const at = file.indexOf('"patients"') + 200
    file[at] = file[at] === 0x61 ? 0x62 : 0x61
    const sync = (() => {
      try {
        decodeSnapshot(file)
      } catch (error) {
        return error
      }
    })()
    expect(sync).toBeInstanceOf(SnapshotError)
    await expect(decodeSnapshotInSteps(file, async () => {}, 4096)).rejects.toEqual(sync)
  })

  it('reads a file without a checksum line (made by hand) whole, as decodeSnapshot does', async () => {
    const patients = syntheticPatients(3)
    const file = Buffer.from(JSON.stringify({ format: 'homeplan-roster', schemaVersion: 3, patients }, null, 2))
    expect(await decodeSnapshotInSteps(file, async () => {})).toEqual(decodeSnapshot(file))
  })
})
