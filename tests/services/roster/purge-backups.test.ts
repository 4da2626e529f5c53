/**
 * Issue 17, item 5c: deleting a patient can take them out of the backups too. Each backup holding them is written
 * again without them; a backup that cannot be read is named, never deleted or changed.
 */
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeSnapshot } from '../../../electron/services/roster/format'
import type { Method } from '../../../src/core/contract'
import { dispatch } from '../../../src/core/dispatch'
import type { Patient } from '../../../src/core/patient'
import type { Result } from '../../../src/core/result'
import type { DeleteResult } from '../../../src/core/roster-contract'
import { patientInput } from '../../support/patients'
import { testServices } from '../../support/services'

async function setup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-purge-'))
  const services = testServices(dataDir)
  const value = async <T>(method: Method, arg?: unknown): Promise<T> => {
    const result = (await dispatch(services.handlers, method, arg)) as Result<T>
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  const maria = await value<Patient>('createPatient', patientInput({ firstName: 'Maria', lastName: 'Garcia' }))
  const tom = await value<Patient>(
    'createPatient',
    patientInput({ firstName: 'Tom', lastName: 'Berg', chartNumber: 'MRN-2002' }),
  )
  await value('backupNow')
  await value('updatePatient', {
    id: tom.id,
    revision: tom.revision,
    patient: patientInput({ firstName: 'Tom', lastName: 'Bergman', chartNumber: 'MRN-2002' }),
  })
  await value('backupNow')
  const folder = join(dataDir, 'backups')
  const bad = 'roster-2026-01-01T00-00-00-000Z-manual.json'
  await writeFile(join(folder, bad), '{"patients": [{"firstName": "Maria"')
  const backups = async () =>
    Promise.all(
      (await readdir(folder))
        .filter((n) => n !== bad && n.endsWith('.json'))
        .map(async (n) => ({ name: n, bytes: await readFile(join(folder, n)) })),
    )
  return { dataDir, services, value, maria, tom, folder, bad, backups }
}

describe('deleting a patient', () => {
  it('with “remove from backups”: every backup written again without them; an unreadable one named and kept as it was', async () => {
    const { value, maria, tom, folder, bad, backups } = await setup()
    const before = await backups()
    expect(before.length).toBeGreaterThanOrEqual(2)
    for (const b of before) expect(b.bytes.toString('utf8')).toContain(maria.id)
    const badBytes = await readFile(join(folder, bad))

    const result = await value<DeleteResult>('deletePatient', { id: maria.id, purgeBackups: true })
    expect(result).toEqual({ id: maria.id, backups: { purged: before.length, unreadable: [bad], failed: [] } })

    const after = await backups()
    expect(after.map((b) => b.name).sort()).toEqual(before.map((b) => b.name).sort())
    for (const b of after) {
      expect(b.bytes.toString('utf8')).not.toContain(maria.id)
      expect(b.bytes.toString('utf8')).not.toContain('Garcia')
      const decoded = decodeSnapshot(b.bytes)
      expect(decoded.entries.map((e) => e.summary.id)).toEqual([tom.id])
      if (process.platform !== 'win32') expect((await stat(join(folder, b.name))).mode & 0o777).toBe(0o600)
    }
    expect(await readFile(join(folder, bad))).toEqual(badBytes)
    // Still offered as backups that can be restored, each now holding Tom alone.
    const listed = await value<{ id: string; usable: boolean; patients: number | null }[]>('listBackups')
    expect(listed.filter((b) => b.id !== bad).every((b) => b.usable && b.patients === 1)).toBe(true)
  })

  it('without it: the backups keep the patient until they are pruned, as before', async () => {
    const { value, maria, backups } = await setup()
    expect(await value<DeleteResult>('deletePatient', { id: maria.id })).toEqual({ id: maria.id })
    for (const b of await backups()) expect(b.bytes.toString('utf8')).toContain(maria.id)
  })

  it('refuses anything but a yes/no for purgeBackups', async () => {
    const { services, maria } = await setup()
    expect(await dispatch(services.handlers, 'deletePatient', { id: maria.id, purgeBackups: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', field: 'purgeBackups' },
    })
  })
})
