/**
 * One writer per data folder (issue #11 defect 4): before the lock, two processes on one folder both
 * accepted saves and the second one's vanished at the next start.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rename, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { acquireDataLock, LOCK_FILE, type DataLock } from '../../electron/services/data-lock'
import type { Services } from '../../electron/services'
import { formatDateTime } from '../../src/core/dates'
import { AppFailure } from '../../src/core/result'
import { patientInput } from '../support/patients'
import { testServices } from '../support/services'

const failure = (act: () => unknown) =>
  Promise.resolve()
    .then(act)
    .then(
      () => undefined,
      (e: unknown) => e as AppFailure,
    )
const tempDir = () => mkdtemp(join(tmpdir(), 'hp-lock-'))
const held: DataLock[] = []
const running: Services[] = []
afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release()
  for (const s of running.splice(0)) await s.close().catch(() => {})
})

const take = async (dir: string, options: Partial<Parameters<typeof acquireDataLock>[0]> = {}) => {
  const result = await acquireDataLock({ dir, heartbeatMs: 60_000, ...options })
  if (result.held) held.push(result.lock)
  return result
}

describe('the data folder lock', () => {
  it('lets one process hold the folder; a second is told who holds it and why it is read-only', async () => {
    const dir = await tempDir()
    expect((await take(dir)).held).toBe(true)
    const second = await take(dir, { pid: process.pid + 1, isAlive: () => true })
    expect(second.held).toBe(false)
    if (second.held) return
    expect(second.reason).toMatch(/another Homeplan window on this computer.*read-only.*Try again/)
    expect(second.owner?.pid).toBe(process.pid)
    // Since when, as the app writes a moment elsewhere ("Mar 14, 2026, 3:05 PM"), not the system's long form.
    expect(second.reason).toContain(`(since ${formatDateTime(second.owner!.startedAt)})`)
  })

  it('names the other computer when the folder is shared', async () => {
    const dir = await tempDir()
    await take(dir, { host: 'front-desk-pc' })
    const second = await take(dir, { host: 'treatment-room-2' })
    expect(!second.held && second.reason).toMatch(/on the computer “front-desk-pc”/)
  })

  it('takes over a lock whose process on this computer has died, and the old holder stops writing', async () => {
    const dir = await tempDir()
    const first = await take(dir, { pid: 999_999 })
    expect(first.held).toBe(true)
    const second = await take(dir, { isAlive: (pid) => pid !== 999_999 })
    expect(second.held).toBe(true)
    if (!first.held) return
    const error = await first.lock.assertHeld().then(
      () => undefined,
      (e: unknown) => e as AppFailure,
    )
    expect(error?.code).toBe('conflict')
    expect(error?.message).toMatch(/taken over/)
  })

  it('takes over a lock not touched for longer than it may be silent (a computer that crashed)', async () => {
    const dir = await tempDir()
    await take(dir, { host: 'crashed-pc', heartbeatMs: 3_600_000 })
    const old = new Date(Date.now() - 10 * 60_000)
    await utimes(join(dir, LOCK_FILE), old, old)
    expect((await take(dir, { host: 'here', staleAfterMs: 60_000 })).held).toBe(true)
  })

  it('keeps a lock whose holder still beats, even on another computer', async () => {
    const dir = await tempDir()
    await take(dir, { host: 'other-pc', heartbeatMs: 20 })
    const old = new Date(Date.now() - 10 * 60_000)
    await utimes(join(dir, LOCK_FILE), old, old)
    await new Promise((r) => setTimeout(r, 80))
    expect((await take(dir, { host: 'here', staleAfterMs: 60_000 })).held).toBe(false)
  })

  it('refuses the folder to a second real process while this one holds it', async () => {
    const dir = await tempDir()
    await take(dir)
    const script = `
      const { acquireDataLock } = await import(${JSON.stringify(join(process.cwd(), 'electron/services/data-lock.ts'))})
      const r = await acquireDataLock({ dir: ${JSON.stringify(dir)} })
      console.log(JSON.stringify({ held: r.held, reason: r.reason }))
      if (r.held) await r.lock.release()
    `
    const file = join(dir, 'second.mts')
    await writeFile(file, script)
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'] })
      let text = ''
      child.stdout.on('data', (d: Buffer) => (text += d.toString()))
      child.on('error', reject)
      child.on('exit', () => resolve(text))
    })
    const answer = JSON.parse(out.trim().split('\n').at(-1)!) as { held: boolean; reason: string }
    expect(answer.held).toBe(false)
    expect(answer.reason).toMatch(/read-only/)
  })
})

describe('services on a folder another Homeplan holds', () => {
  it('open read-only: changes are refused with the reason, nothing is written, and Try again works once the other closes', async () => {
    const dir = await tempDir()
    const first = testServices(dir)
    running.push(first)
    const alice = await first.handlers.createPatient(patientInput({ firstName: 'Alice' }))
    const second = testServices(dir, { lock: { pid: process.pid + 1, isAlive: () => true } })
    running.push(second)
    const status = await second.handlers.getRosterStatus(undefined)
    expect(status.status).toBe('read-only')
    expect(await second.handlers.listPatients(undefined)).toHaveLength(1)
    const refused = await failure(() =>
      second.handlers.createPatient(patientInput({ firstName: 'Bob', chartNumber: 'B-2' })),
    )
    expect(refused?.code).toBe('conflict')
    expect(refused?.message).toMatch(/read-only/)
    const refusedEdit = await failure(() =>
      second.handlers.updatePatient({ id: alice.id, revision: 1, patient: patientInput({ firstName: 'Changed' }) }),
    )
    expect(refusedEdit?.code).toBe('conflict')
    expect((await first.handlers.getPatient({ id: alice.id })).firstName).toBe('Alice')

    await first.close()
    running.splice(running.indexOf(first), 1)
    expect((await second.handlers.reopenRoster(undefined)).status).toBe('ready')
    await second.handlers.createPatient(patientInput({ firstName: 'Bob', chartNumber: 'B-2' }))
    expect((await second.handlers.listPatients(undefined)).map((p) => p.firstName)).toEqual(['Alice', 'Bob'])
  })

  it('stops writing, with a clear reason, when the lock is taken away while it runs', async () => {
    const dir = await tempDir()
    const s = testServices(dir)
    running.push(s)
    await s.handlers.createPatient(patientInput({ firstName: 'Alice' }))
    // Another computer judged this one crashed and took the folder over.
    await writeFile(
      join(dir, 'taken.tmp'),
      JSON.stringify({ pid: 1, host: 'other-pc', startedAt: new Date().toISOString(), token: 'someone-else' }),
    )
    await rename(join(dir, 'taken.tmp'), join(dir, LOCK_FILE))
    const error = await failure(() => s.handlers.createPatient(patientInput({ firstName: 'Bob', chartNumber: 'B-2' })))
    expect(error?.code).toBe('conflict')
    expect(error?.message).toMatch(/taken over/)
    expect((await s.handlers.getRosterStatus(undefined)).status).toBe('read-only')
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toContain('someone-else')
    expect((await s.handlers.listPatients(undefined)).map((p) => p.firstName)).toEqual(['Alice'])
  })
})
