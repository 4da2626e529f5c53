/**
 * Issue 17, item 5a: everything Homeplan writes in its data folder is for this user only (files 0600, folders
 * 0700), on a real folder after a set of everyday operations, and what an older Homeplan left readable by others
 * is tightened at start. Exports the user saves elsewhere are not touched.
 */
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Method } from '../../src/core/contract'
import { dispatch } from '../../src/core/dispatch'
import type { Exercise } from '../../src/core/exercise'
import type { Patient } from '../../src/core/patient'
import type { Result } from '../../src/core/result'
import { exerciseInput } from '../support/exercises'
import { makePng } from '../support/images'
import { patientInput } from '../support/patients'
import { testServices } from '../support/services'

const roots: string[] = []
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true })
})

/** Every file and folder under `dir` (except `skip`), with its permission bits. */
async function modes(dir: string, skip: string[] = []): Promise<Record<string, string>> {
  const found: Record<string, string> = {}
  const walk = async (folder: string) => {
    found[relative(dir, folder) || '.'] = ((await stat(folder)).mode & 0o777).toString(8)
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (skip.includes(relative(dir, path))) continue
      if (entry.isDirectory()) await walk(path)
      else found[relative(dir, path)] = ((await stat(path)).mode & 0o777).toString(8)
    }
  }
  await walk(dir)
  return found
}

describe.runIf(process.platform !== 'win32')('file modes in the data folder (POSIX only: Windows uses ACLs)', () => {
  it('after everyday work every file Homeplan wrote is 0600 and every folder 0700', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hp-modes-'))
    roots.push(root)
    const dataDir = join(root, 'Homeplan')
    await mkdir(dataDir, { mode: 0o755 })
    await chmod(dataDir, 0o755)
    // A library.json that cannot be read: set aside as library.json.damaged-… at first use.
    await writeFile(join(dataDir, 'library.json'), '{"exercises": [', { mode: 0o644 })
    const services = testServices(dataDir)
    const value = async <T>(method: Method, arg?: unknown): Promise<T> => {
      const result = (await dispatch(services.handlers, method, arg)) as Result<T>
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
      return result.value
    }
    const created = await value<Patient>('createPatient', patientInput())
    const edited = await value<Patient>('updatePatient', {
      id: created.id,
      revision: created.revision,
      patient: patientInput({ firstName: 'Maria' }),
    })
    await value('saveProgram', {
      patientId: edited.id,
      program: {
        title: 'Hip plan',
        status: 'current',
        items: [
          {
            id: 'item-000001',
            exerciseId: 'clamshells',
            dosage: { sets: 2, reps: { min: 10, max: 10 }, timesPerDay: 1, side: 'both' },
          },
        ],
      },
    })
    await value('backupNow')
    await value('updateSettings', { openAfterExport: true })
    const exercise = await value<Exercise>('createExercise', exerciseInput())
    const png = join(root, 'photo.png')
    await writeFile(png, makePng())
    services.dialogs.answers.open.push(png)
    await value('attachExercisePhoto', { id: exercise.id, author: 'J. Jones', licence: 'Own photo' })
    await services.idle()
    await services.close()

    const found = await modes(dataDir)
    const names = Object.keys(found)
    // The operations did reach the disk: each kind of file is there to be checked.
    for (const expected of [
      /^roster\.json$/,
      /^roster\.journal\.\d+\.jsonl$/,
      /^backups$/,
      /^backups\/roster-.*-manual\.json$/,
      /^settings\.json$/,
      /^library\.json$/,
      /^library\.json\.damaged-/,
      /^media$/,
      /^media\/[0-9a-f]{64}\.png$/,
    ])
      expect(
        names.some((n) => expected.test(n)),
        String(expected),
      ).toBe(true)
    const folders = new Set(['.', 'backups', 'media'])
    expect(found).toEqual(Object.fromEntries(names.map((n) => [n, folders.has(n) ? '700' : '600'])))
  })

  it('tightens what an older Homeplan left readable by others, and leaves an exports folder in it alone', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hp-modes-'))
    roots.push(root)
    const dataDir = join(root, 'Homeplan')
    const first = testServices(dataDir)
    const result = (await dispatch(first.handlers, 'createPatient', patientInput())) as Result<Patient>
    expect(result.ok).toBe(true)
    await dispatch(first.handlers, 'backupNow', undefined)
    await dispatch(first.handlers, 'updateSettings', { openAfterExport: true })
    await first.idle()
    await first.close()
    // As an older Homeplan left them: everything readable by group and others.
    const before = await modes(dataDir)
    for (const name of Object.keys(before)) {
      const folder = name === '.' || name === 'backups'
      await chmod(join(dataDir, name), folder ? 0o755 : 0o644)
    }
    await mkdir(join(dataDir, 'exports'), { mode: 0o755 })
    await chmod(join(dataDir, 'exports'), 0o755)
    await writeFile(join(dataDir, 'exports', 'MG_Home-program_2026-12-03.pdf'), '%PDF-1.7', { mode: 0o644 })
    await chmod(join(dataDir, 'exports', 'MG_Home-program_2026-12-03.pdf'), 0o644)

    const again = testServices(dataDir)
    expect((await dispatch(again.handlers, 'listPatients', undefined)) as Result<unknown[]>).toMatchObject({ ok: true })
    await again.idle()
    await again.close()
    const after = await modes(dataDir, ['exports'])
    expect(after).toEqual(
      Object.fromEntries(Object.keys(after).map((n) => [n, n === '.' || n === 'backups' ? '700' : '600'])),
    )
    expect(((await stat(join(dataDir, 'exports'))).mode & 0o777).toString(8)).toBe('755')
    expect(((await stat(join(dataDir, 'exports', 'MG_Home-program_2026-12-03.pdf'))).mode & 0o777).toString(8)).toBe(
      '644',
    )
  })
})
