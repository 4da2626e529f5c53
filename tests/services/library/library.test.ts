import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exerciseInput } from '../../support/exercises'
import type { Method } from '../../../src/core/contract'
import { dispatch } from '../../../src/core/dispatch'
import type { Exercise, ExerciseInput } from '../../../src/core/exercise'
import type { LibraryView } from '../../../src/core/library-contract'
import type { Result } from '../../../src/core/result'
import { makePng } from '../../support/images'
import { testServices } from '../../support/services'

async function setup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-library-'))
  const services = testServices(dataDir)
  const call = <T>(method: Method, arg?: unknown) => dispatch(services.handlers, method, arg) as Promise<Result<T>>
  const value = async <T>(method: Method, arg?: unknown): Promise<T> => {
    const result = await call<T>(method, arg)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  return { dataDir, services, call, value }
}

const custom: ExerciseInput = exerciseInput({
  aliases: ['step up'],
  regions: ['knee', 'hip'],
  steps: ['Stand facing a low step.', 'Step up with one foot and bring the other up beside it.', 'Step down slowly.'],
  defaultDosage: { sets: 2, reps: { min: 10, max: 10 }, side: 'both' },
  regressions: ['bridges'],
})

describe('custom exercises', () => {
  it('are created, edited and listed beside the built-in ones', async () => {
    const { value } = await setup()
    const created = await value<Exercise>('createExercise', custom)
    expect(created).toMatchObject({ source: 'custom', name: 'Step-ups' })
    expect(created.id).toMatch(/^custom-step-ups-[a-z0-9]{6}$/)
    await value('updateExercise', { id: created.id, exercise: { ...custom, name: 'Forward step-ups' } })
    const view = await value<LibraryView>('getLibrary')
    expect(view.exercises.find((e) => e.id === created.id)?.name).toBe('Forward step-ups')
    expect(view.exercises.filter((e) => e.source === 'built-in').length).toBeGreaterThanOrEqual(6)
  })

  it('duplicating a built-in makes an editable copy and leaves the built-in unchanged', async () => {
    const { value, call } = await setup()
    const copy = await value<Exercise>('duplicateExercise', { id: 'clamshells' })
    expect(copy).toMatchObject({ source: 'custom', name: 'Clamshells (my version)' })
    const { id: _i, source: _s, ...fields } = copy
    await value('updateExercise', { id: copy.id, exercise: { ...fields, steps: ['Lie on your side.'] } })
    const view = await value<LibraryView>('getLibrary')
    expect(view.exercises.find((e) => e.id === 'clamshells')?.steps).toHaveLength(5)
    expect(await call('updateExercise', { id: 'clamshells', exercise: fields })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Duplicate it') },
    })
    expect(await call('deleteExercise', { id: 'bridges' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('cannot be deleted while a template uses it; the message names the template', async () => {
    const { value, call } = await setup()
    const created = await value<Exercise>('createExercise', custom)
    await value('saveTemplate', {
      template: { name: 'Post-op knee', folder: 'Knee', items: [{ exerciseId: created.id, dosage: { sets: 2 } }] },
    })
    expect(await call('deleteExercise', { id: created.id })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: '“Step-ups” is used by the template “Post-op knee”. Remove it from it first.',
      },
    })
    const view = await value<LibraryView>('getLibrary')
    await value('deleteTemplate', { id: view.templates[0]!.id })
    await value('deleteExercise', { id: created.id })
    expect((await value<LibraryView>('getLibrary')).exercises.some((e) => e.id === created.id)).toBe(false)
  })

  it('cannot be deleted while saved programs use it; the message counts them and names the patients', async () => {
    const { value, call } = await setup()
    const created = await value<Exercise>('createExercise', custom)
    const person = (firstName: string, lastName: string) =>
      value<{ id: string }>('createPatient', {
        firstName,
        lastName,
        status: 'active',
        patientType: 'new',
        appointment: { days: [], timesOfDay: [], coverage: null },
      })
    const item = (id: string, exerciseId = created.id) => ({ id, exerciseId, dosage: {} })
    const jane = await person('Jane', 'Doe')
    const john = await person('John', 'Roe')
    await value('saveProgram', {
      patientId: jane.id,
      program: { title: 'Week 1', status: 'previous', items: [item('item-000001')] },
    })
    await value('saveProgram', {
      patientId: jane.id,
      program: { title: 'Week 2', status: 'current', items: [item('item-000002'), item('item-000003', 'bridges')] },
    })
    const johns = await value<{ programs: { id: string; revision: number }[] }>('saveProgram', {
      patientId: john.id,
      program: { title: 'Knee', status: 'current', items: [item('item-000004')] },
    })
    await value('saveProgram', {
      patientId: john.id,
      program: { title: 'Other', status: 'current', items: [item('item-000005', 'bridges')] },
    })

    expect(await call('deleteExercise', { id: created.id })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          '“Step-ups” is used in 3 programs (Jane Doe, John Roe). Remove it from those programs first. Nothing was deleted.',
      },
    })
    expect((await value<LibraryView>('getLibrary')).exercises.some((e) => e.id === created.id)).toBe(true)

    // Once it is out of every program, it can go.
    const janes = await value<{ programs: { id: string; title: string; revision: number }[] }>('getPatient', {
      id: jane.id,
    })
    for (const p of janes.programs) {
      await value('saveProgram', {
        patientId: jane.id,
        programId: p.id,
        revision: p.revision,
        program: { title: p.title, status: 'previous', items: [item('item-000009', 'bridges')] },
      })
    }
    expect(await call('deleteExercise', { id: created.id })).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /^“Step-ups” is used in 1 program \(John Roe\)\. Remove it from that program first\./,
        ),
      },
    })
    const knee = johns.programs[0]!
    await value('saveProgram', {
      patientId: john.id,
      programId: knee.id,
      revision: knee.revision,
      program: { title: 'Knee', status: 'previous', items: [] },
    })
    expect(await call('deleteExercise', { id: created.id })).toEqual({ ok: true, value: { id: created.id } })
  })

  it('refuses links, templates and programs that name unknown exercises, changing nothing', async () => {
    const { value, call } = await setup()
    expect(await call('createExercise', { ...custom, progressions: ['no-such-exercise'] })).toMatchObject({
      ok: false,
      error: { field: 'progressions' },
    })
    expect(
      await call('saveTemplate', { template: { name: 'X', items: [{ exerciseId: 'no-such-exercise', dosage: {} }] } }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('no-such-exercise') },
    })
    const patient = await value<{ id: string }>('createPatient', {
      firstName: 'A',
      lastName: 'B',
      status: 'active',
      patientType: 'new',
      appointment: { days: [], timesOfDay: [], coverage: null },
    })
    const bad = await call('saveProgram', {
      patientId: patient.id,
      program: {
        title: 'P',
        status: 'current',
        items: [{ id: 'item-000001', exerciseId: 'no-such-exercise', dosage: {} }],
      },
    })
    expect(bad).toMatchObject({
      ok: false,
      error: { field: 'program.items.0.exerciseId', message: expect.stringContaining('Nothing was saved') },
    })
    expect((await value<{ programs: unknown[] }>('getPatient', { id: patient.id })).programs).toEqual([])
    expect((await value<LibraryView>('getLibrary')).templates).toEqual([])
  })

  it('refuses hidden characters in exercise and template names, in plain words', async () => {
    const { call, value } = await setup()
    expect(await call('createExercise', { ...custom, name: '\u200B\u200B' })).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        field: 'name',
        message: 'name: Name cannot be made only of invisible characters.',
      },
    })
    expect(await call('createExercise', { ...custom, steps: ['Stand\u0000up.'] })).toMatchObject({
      ok: false,
      error: { field: 'steps.0', message: expect.stringContaining('A step cannot contain hidden control characters.') },
    })
    expect(
      await call('saveTemplate', { template: { name: 'Knee\u202E', items: [{ exerciseId: 'bridges', dosage: {} }] } }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'template.name',
        message: expect.stringContaining('Template name cannot contain hidden text-direction characters.'),
      },
    })
    const view = await value<LibraryView>('getLibrary')
    expect([view.exercises.filter((e) => e.source === 'custom'), view.templates]).toEqual([[], []])
  })

  it('duplicating an exercise with a long name never cuts a character in half', async () => {
    const { value } = await setup()
    const long = await value<Exercise>('createExercise', { ...custom, name: `${'x'.repeat(108)}😀😀` })
    const copy = await value<Exercise>('duplicateExercise', { id: long.id })
    expect(copy.name).toBe(long.name)
    expect(copy.name).not.toMatch(/\p{Cs}/u)
  })

  it('still reads custom exercises and templates saved before the stricter rules', async () => {
    const { dataDir, value } = await setup()
    const legacy = { ...custom, id: 'custom-step-ups-abc123', source: 'custom', name: 'Step\u0000ups' }
    const template = {
      id: 'template-1',
      name: '\u202EKnee',
      items: [{ exerciseId: legacy.id, dosage: {} }],
      createdAt: 'x',
      updatedAt: 'x',
    }
    await writeFile(
      join(dataDir, 'library.json'),
      JSON.stringify({ schemaVersion: 1, custom: [legacy], templates: [template], favourites: [], defaultDosages: {} }),
    )
    const view = await value<LibraryView>('getLibrary')
    expect(view.exercises.find((e) => e.id === legacy.id)?.name).toBe('Step\u0000ups')
    expect(view.templates.map((t) => t.name)).toEqual(['\u202EKnee'])
    await value('setFavourite', { id: legacy.id, favourite: true })
  })

  it('keeps favourites and a therapist’s own default dosage', async () => {
    const { value } = await setup()
    expect(await value('setFavourite', { id: 'bridges', favourite: true })).toEqual(['bridges'])
    await value('setDefaultDosage', { id: 'bridges', dosage: { sets: 3, reps: { min: 8, max: 12 } } })
    const view = await value<LibraryView>('getLibrary')
    expect(view.favourites).toEqual(['bridges'])
    expect(view.exercises.find((e) => e.id === 'bridges')?.defaultDosage).toEqual({
      sets: 3,
      reps: { min: 8, max: 12 },
    })
  })

  it('attaches a PNG photo with its author and licence, and refuses other formats', async () => {
    const { value, call, services, dataDir } = await setup()
    const created = await value<Exercise>('createExercise', custom)
    const png = join(dataDir, 'photo.png')
    await writeFile(png, makePng())
    services.dialogs.answers.open.push(png)
    const withPhoto = await value<Exercise>('attachExercisePhoto', {
      id: created.id,
      author: 'Jessica Jones',
      licence: 'Own photo',
    })
    expect(withPhoto.images).toEqual([
      { file: expect.stringMatching(/\.png$/), author: 'Jessica Jones', licence: 'Own photo' },
    ])
    expect(await value<string>('getMedia', { file: withPhoto.images[0]!.file })).toMatch(/^data:image\/png;base64,/)
    const webp = join(dataDir, 'photo.webp')
    await writeFile(webp, Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))
    services.dialogs.answers.open.push(webp)
    expect(await call('attachExercisePhoto', { id: created.id, author: 'J', licence: 'Own' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Use a PNG or JPEG') },
    })
    expect((await value<LibraryView>('getLibrary')).exercises.find((e) => e.id === created.id)?.images).toHaveLength(1)
  })
})

describe('video links for handouts', () => {
  const link = 'https://riversidept.example/v/clamshells'
  const videoOf = async (value: <T>(method: Method, arg?: unknown) => Promise<T>, id: string) =>
    (await value<LibraryView>('getLibrary')).exercises.find((e) => e.id === id)?.videoUrl

  it('are set (trimmed) on a built-in exercise, survive a restart, and are removed with null', async () => {
    const { dataDir, value } = await setup()
    expect(await value<Exercise>('setExerciseVideo', { exerciseId: 'clamshells', url: `  ${link}\n` })).toMatchObject({
      id: 'clamshells',
      videoUrl: link,
    })
    const stored = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as {
      schemaVersion: number
      videoLinks: unknown
    }
    expect(stored).toMatchObject({ schemaVersion: 1, videoLinks: { clamshells: link } })
    const restarted = testServices(dataDir)
    const again = await dispatch(restarted.handlers, 'getLibrary', undefined)
    expect(again.ok && (again.value as LibraryView).exercises.find((e) => e.id === 'clamshells')?.videoUrl).toBe(link)
    const removed = await value<Exercise>('setExerciseVideo', { exerciseId: 'clamshells', url: null })
    expect(removed).not.toHaveProperty('videoUrl')
    expect(await videoOf(value, 'clamshells')).toBeUndefined()
    // With no link left the key is left out, so an older Homeplan can read the file again.
    expect(JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'))).not.toHaveProperty('videoLinks')
  })

  it('refuses other schemes, overlong links and unknown exercises with specific messages, changing nothing', async () => {
    const { value, call } = await setup()
    await value('setExerciseVideo', { exerciseId: 'bridges', url: link })
    const refused = async (arg: unknown) => {
      const result = await call('setExerciseVideo', arg)
      if (result.ok) throw new Error('accepted')
      return result.error
    }
    expect(await refused({ exerciseId: 'bridges', url: 'javascript:alert(1)' })).toMatchObject({
      code: 'invalid_argument',
      field: 'url',
      message: expect.stringContaining('Use a web address starting with https:// or http://'),
    })
    expect(await refused({ exerciseId: 'bridges', url: 'ftp://riversidept.example/v' })).toMatchObject({
      message: expect.stringContaining('starting with https:// or http://'),
    })
    expect(await refused({ exerciseId: 'bridges', url: 'riversidept.example/v/bridges' })).toMatchObject({
      message: expect.stringContaining('starting with https:// or http://'),
    })
    expect(
      await refused({ exerciseId: 'bridges', url: `https://riversidept.example/${'v'.repeat(300)}` }),
    ).toMatchObject({ field: 'url', message: expect.stringContaining('at most 300 characters') })
    expect(await refused({ exerciseId: 'bridges', url: '   ' })).toMatchObject({
      field: 'url',
      message: expect.stringContaining('Remove'),
    })
    expect(await refused({ exerciseId: 'no-such-exercise', url: link })).toMatchObject({
      code: 'not_found',
      message: 'There is no exercise “no-such-exercise” in the library.',
    })
    expect(await refused({ exerciseId: 'bridges' })).toMatchObject({ code: 'invalid_argument', field: 'url' })
    expect(await videoOf(value, 'bridges')).toBe(link)
    expect(await videoOf(value, 'no-such-exercise')).toBeUndefined()
  })

  it('go with a deleted custom exercise, follow a duplicate, and do not block editing it', async () => {
    const { dataDir, value } = await setup()
    const created = await value<Exercise>('createExercise', custom)
    await value('setExerciseVideo', { exerciseId: created.id, url: link })
    const {
      id: _id,
      source: _source,
      videoUrl: _video,
      ...fields
    } = (await value<LibraryView>('getLibrary')).exercises.find((e) => e.id === created.id)!
    expect(
      await value<Exercise>('updateExercise', { id: created.id, exercise: { ...fields, name: 'Step-ups, slow' } }),
    ).toMatchObject({ videoUrl: link })
    const copy = await value<Exercise>('duplicateExercise', { id: created.id })
    expect(copy.videoUrl).toBe(link)
    await value('deleteExercise', { id: created.id })
    const stored = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as {
      videoLinks: Record<string, string>
    }
    expect(stored.videoLinks).toEqual({ [copy.id]: link })
    expect(stored.videoLinks).not.toHaveProperty(created.id)
  })
})
