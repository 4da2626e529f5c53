import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Backups } from '../../../electron/services/roster/backups'
import { RosterStore } from '../../../electron/services/roster/store'
import { syntheticPatients } from '../../support/patients'

const HOUR = 3600_000

/** A one-patient roster whose clock the test moves by hand. */
async function rosterWithClock() {
  const dir = await mkdtemp(join(tmpdir(), 'hp-backups-'))
  const clock = { now: Date.parse('2026-11-01T08:00:00.000Z') }
  const time = () => new Date(clock.now)
  const store = await RosterStore.open({ dir, now: time })
  await store.put(syntheticPatients(1)[0]!)
  return { dir, clock, time, store }
}

describe('rolling backups', () => {
  it('keeps the 10 newest automatic backups plus the newest of each of the last 14 days', async () => {
    const { dir, clock, time, store } = await rosterWithClock()
    const backups = new Backups({ dir, now: time, autoEveryMs: 5 * 60_000 })
    // 25 days of editing, three backups a day four hours apart.
    for (let day = 0; day < 25; day++) {
      for (let k = 0; k < 3; k++) {
        expect(await backups.maybeAuto(store)).not.toBeNull()
        clock.now += 4 * HOUR
      }
      clock.now += 12 * HOUR
    }
    const kept = await backups.list()
    const days = new Set(kept.map((b) => b.createdAt.slice(0, 10)))
    // Every one of the newest 10 survives: all three of the last three days, and the last of the fourth.
    expect(kept.filter((b) => b.createdAt >= '2026-11-22T16:00').length).toBe(10)
    expect(days.size).toBe(15) // today plus 14 earlier days (the 14-day window is inclusive of its start)
    expect(kept.length).toBe(10 + 15 - 4) // the 10 newest span 4 days that are counted once
    expect(kept.every((b) => b.kind === 'auto' && b.patients === 1)).toBe(true)
  })

  it('does not take another automatic backup within the interval', async () => {
    const { dir, clock, time, store } = await rosterWithClock()
    const backups = new Backups({ dir, now: time })
    expect(await backups.maybeAuto(store)).not.toBeNull()
    clock.now += 60_000
    expect(await backups.maybeAuto(store)).toBeNull()
    clock.now += 5 * 60_000
    expect(await backups.maybeAuto(store)).not.toBeNull()
    expect(await readdir(join(dir, 'backups'))).toHaveLength(2)
  })

  it('refuses to restore a damaged backup and changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-backups-'))
    const store = await RosterStore.open({ dir })
    await store.put(syntheticPatients(1)[0]!)
    const backups = new Backups({ dir })
    const good = await backups.create(store, 'manual')
    await writeFile(
      join(dir, 'backups', good.id),
      '{"format":"homeplan-roster","schemaVersion":2,"patients":[{"id":1}]}',
    )
    await expect(backups.restore(store, good.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Nothing was changed'),
    })
    await expect(backups.restore(store, '../roster.json')).rejects.toMatchObject({ code: 'invalid_argument' })
    expect(store.list()).toHaveLength(1)
    expect((await backups.list()).map((b) => b.kind)).toEqual(['manual'])
  })
})
