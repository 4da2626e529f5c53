import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedExerciseIds } from '../../support/seed'
import { exerciseInput } from '../../support/exercises'
import type { Method, PreviewResult } from '../../../src/core/contract'
import type { Exercise } from '../../../src/core/exercise'
import { THERAPIST_NAME_MAX } from '../../../src/core/limits'
import { dispatch } from '../../../src/core/dispatch'
import type { Patient } from '../../../src/core/patient'
import type { Result } from '../../../src/core/result'
import { RosterStore } from '../../../electron/services/roster/store'
import { patientInput } from '../../support/patients'
import { previewText } from '../../support/pdf'
import { testServices } from '../../support/services'
import { makePng } from '../../support/images'

async function setup(clinicName = 'Riverside Physical Therapy') {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-export-'))
  const services = testServices(dataDir)
  const call = <T>(method: Method, arg?: unknown) => dispatch(services.handlers, method, arg) as Promise<Result<T>>
  await call('updateSettings', {
    clinic: { name: clinicName, phone: '(206) 555-0142', layout: 'detailed' },
    openAfterExport: false,
  })
  const created = await call<Patient>('createPatient', patientInput())
  const patient = (created as { value: Patient }).value
  const saved = await call<Patient>('saveProgram', {
    patientId: patient.id,
    program: {
      title: 'Week 1',
      status: 'current',
      items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { sets: 2, reps: { min: 10, max: 15 } } }],
    },
  })
  const programId = (saved as { value: Patient }).value.programs[0]!.id
  const args = { patientId: patient.id, programId, layout: 'detailed', paper: 'letter', logDays: 14 }
  return { dataDir, services, call, patient, programId, args }
}

/** A past export in a patient's history. */
const oldHandout = (i: number) => ({
  id: `handout-${String(i).padStart(6, '0')}`,
  at: '2026-01-02T03:04:05.000Z',
  programId: 'program-000000',
  layout: 'detailed' as const,
  paper: 'letter' as const,
  file: 'old.pdf',
  snapshot: { title: 'Week 1', items: [] },
})

describe('exportHandout', () => {
  it('needs the clinic’s name first, and says where to add it', async () => {
    const { call, args, dataDir } = await setup('')
    expect(await call('exportHandout', args)).toMatchObject({
      ok: false,
      error: { field: 'clinic', message: expect.stringContaining('Settings → Clinic') },
    })
    expect(await readdir(dataDir)).not.toContain('exports')
  })

  it('reports a folder it cannot write to and records nothing', async () => {
    const { call, args, services, patient } = await setup()
    services.dialogs.answers.save.push('/nonexistent-folder/handout.pdf')
    expect(await call('exportHandout', args)).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: expect.stringContaining('Could not save handout.pdf') },
    })
    expect(
      ((await call<Patient>('getPatient', { id: patient.id })) as { value: Patient }).value.handouts,
    ).toBeUndefined()
  })

  it('lets two exports run at once; both land in the history', async () => {
    const { call, args, patient, dataDir } = await setup()
    const [a, b] = await Promise.all([
      call('exportHandout', args),
      call('exportHandout', { ...args, layout: 'compact', paper: 'a4' }),
    ])
    expect(a).toMatchObject({ ok: true, value: { saved: true } })
    expect(b).toMatchObject({ ok: true, value: { saved: true } })
    const history = ((await call<Patient>('getPatient', { id: patient.id })) as { value: Patient }).value.handouts!
    expect(history.map((h) => `${h.layout}/${h.paper}`).sort()).toEqual(['compact/a4', 'detailed/letter'])
    expect(history[0]!.snapshot.items[0]!.exerciseId).toBe('bridges')
    expect(await readdir(join(dataDir, 'exports'))).toEqual([
      `AŁ_Home-program_${new Date().toISOString().slice(0, 10)}.pdf`,
    ])
  })

  it('refuses unknown programs and a cancelled dialog changes nothing', async () => {
    const { call, args, services, patient } = await setup()
    expect(await call('exportHandout', { ...args, programId: 'program-unknown' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'programId' },
    })
    services.dialogs.answers.save.push(undefined)
    expect(await call('exportHandout', args)).toEqual({ ok: true, value: { saved: false } })
    expect(
      ((await call<Patient>('getPatient', { id: patient.id })) as { value: Patient }).value.handouts,
    ).toBeUndefined()
  })
})

describe('the handout history limit', () => {
  it('refuses the 1,001st export with a sentence, before the dialog and before any PDF is written; printing still works', async () => {
    const { call, args, services, patient, dataDir } = await setup()
    const history = Array.from({ length: 1000 }, (_, i) => ({ ...oldHandout(i), programId: args.programId }))
    const current = ((await call<Patient>('getPatient', { id: patient.id })) as { value: Patient }).value
    await services.close()
    const store = await RosterStore.open({ dir: dataDir })
    await store.put({ ...current, handouts: history })
    await store.close()
    const printed: string[] = []
    const again = testServices(dataDir, { printPdf: async (_pdf, title) => (printed.push(title), true) })
    const result = await dispatch(again.handlers, 'exportHandout', args)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message:
          'Anna Łukasiewicz already has 1,000 handouts in their history, the most one patient’s record can hold. Nothing was saved.',
      },
    })
    expect(again.dialogs.asked).toEqual([])
    expect(await readdir(join(dataDir, 'exports')).catch(() => [])).toEqual([])
    const stored = await dispatch(again.handlers, 'getPatient', { id: patient.id })
    expect(stored.ok && (stored.value as Patient).handouts).toHaveLength(1000)
    // Printing is not recorded in the history, so a full history does not stop it.
    expect(await dispatch(again.handlers, 'printHandout', args)).toMatchObject({ ok: true, value: { printed: true } })
    expect(printed).toHaveLength(1)
    await again.close()
  })
})

describe('the last place in the handout history', () => {
  it('goes to one of two exports racing for it; the other writes no PDF', async () => {
    const { call, args, services, patient, dataDir } = await setup()
    const current = ((await call<Patient>('getPatient', { id: patient.id })) as { value: Patient }).value
    await services.close()
    const store = await RosterStore.open({ dir: dataDir })
    await store.put({
      ...current,
      handouts: Array.from({ length: 999 }, (_, i) => ({ ...oldHandout(i), programId: args.programId })),
    })
    await store.close()
    const again = testServices(dataDir)
    await mkdir(join(dataDir, 'exports'), { recursive: true })
    again.dialogs.answers.save.push(join(dataDir, 'exports', 'a.pdf'), join(dataDir, 'exports', 'b.pdf'))
    const results = await Promise.all([
      dispatch(again.handlers, 'exportHandout', args),
      dispatch(again.handlers, 'exportHandout', args),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('already has 1,000 handouts') },
    })
    expect(await readdir(join(dataDir, 'exports'))).toHaveLength(1)
    const stored = await dispatch(again.handlers, 'getPatient', { id: patient.id })
    expect(stored.ok && (stored.value as Patient).handouts).toHaveLength(1000)
    await again.close()
  })
})

describe('therapist on the handout', () => {
  it('prints a therapist saved in Settings with an email address (the handout takes what Settings takes)', async () => {
    const { call, args, patient } = await setup()
    const therapist = {
      name: 'Dana Whitfield',
      credentials: 'PT, DPT',
      phone: '(206) 555-0199',
      email: 'dana@riverside.example',
    }
    expect(await call('updateSettings', { therapists: [therapist] })).toMatchObject({ ok: true })
    expect(await call('exportHandout', args)).toMatchObject({ ok: true, value: { saved: true, warnings: [] } })
    const preview = await call<PreviewResult>('previewHandout', {
      patientId: patient.id,
      layout: 'detailed',
      paper: 'letter',
      logDays: 0,
      program: {
        title: 'Week 1',
        status: 'current',
        items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: {} }],
      },
    })
    if (!preview.ok) throw new Error(preview.error.message)
    expect((await previewText(preview.value)).all).toContain('Your therapist: Dana Whitfield, PT, DPT')
  }, 30_000)

  it('prints the clinician shorthand only for a clinic that turned it on in Settings', async () => {
    const { call, patient } = await setup()
    const preview = async () => {
      const result = await call<PreviewResult>('previewHandout', {
        patientId: patient.id,
        layout: 'detailed',
        paper: 'letter',
        logDays: 0,
        program: {
          title: 'Week 1',
          status: 'current',
          items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { sets: 2, reps: { min: 10, max: 15 } } }],
        },
      })
      if (!result.ok) throw new Error(result.error.message)
      return (await previewText(result.value)).all.replace(/\s+/g, '')
    }
    expect(await preview()).not.toContain('2sets×10–15reps')
    expect(await call('updateSettings', { clinicianShorthand: true })).toMatchObject({ ok: true })
    expect(await preview()).toContain('2sets×10–15reps')
  }, 30_000)

  it('prints a therapist name as long as Settings and the patient form allow', async () => {
    const { call, args, patient } = await setup()
    const name = `Dr. ${'Alexandra Maximiliana '.repeat(10)}`.slice(0, THERAPIST_NAME_MAX - 1) + 'Z'
    expect(name).toHaveLength(THERAPIST_NAME_MAX)
    expect(await call('updateSettings', { therapists: [{ name }] })).toMatchObject({ ok: true })
    expect(
      await call('updatePatient', {
        id: patient.id,
        revision: patient.revision,
        patient: { ...patientInput(), therapist: name },
      }),
    ).toMatchObject({ ok: true })
    expect(await call('exportHandout', args)).toMatchObject({ ok: true, value: { saved: true } })
    const preview = await call<PreviewResult>('previewHandout', {
      patientId: patient.id,
      layout: 'compact',
      paper: 'a4',
      logDays: 0,
      program: {
        title: 'Week 1',
        status: 'current',
        therapist: name,
        items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: {} }],
      },
    })
    if (!preview.ok) throw new Error(preview.error.message)
    const text = await previewText(preview.value)
    expect(text.all.replace(/\s+/g, '')).toContain(`Yourtherapist:${name.replace(/\s+/g, '')}`)
    // Wrapped within the page's margins, not run off its edge.
    const page = text.pages[0]!
    const nameLines = page.items.filter((item) => item.str.includes('Alexandra'))
    expect(nameLines.length).toBeGreaterThan(1)
    for (const line of nameLines) expect(line.x + line.width).toBeLessThanOrEqual(page.width - 40 + 0.5)
  }, 30_000)

  it('refuses a longer name at save with a plain message, so no saved name is unprintable', async () => {
    const { call } = await setup()
    const result = await call('updateSettings', { therapists: [{ name: 'x'.repeat(THERAPIST_NAME_MAX + 1) }] })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        field: 'therapists.0.name',
        message: `therapists.0.name: Name can be at most ${THERAPIST_NAME_MAX} characters.`,
      },
    })
  })
})

const validPng = makePng()

/** A custom exercise with a photo and a clinic logo (both the PNG above), and a saved program using the exercise. */
async function withPictures() {
  const ctx = await setup()
  const { call, services, dataDir, patient } = ctx
  const picked = join(dataDir, 'picked.png')
  await writeFile(picked, validPng)
  const exercise = await call<Exercise>('createExercise', exerciseInput({ steps: ['Step up onto a low step.'] }))
  if (!exercise.ok) throw new Error(exercise.error.message)
  services.dialogs.answers.open.push(picked)
  const photo = (
    (await call<Exercise>('attachExercisePhoto', {
      id: exercise.value.id,
      author: 'Jessica Jones',
      licence: 'Own photo',
    })) as { value: Exercise }
  ).value.images[0]!.file
  services.dialogs.answers.open.push(picked)
  expect(await call('setClinicLogo', { remove: false })).toMatchObject({ ok: true })
  const saved = (await call<Patient>('saveProgram', {
    patientId: patient.id,
    program: {
      title: 'Week 2',
      status: 'current',
      items: [{ id: 'item-000001', exerciseId: exercise.value.id, dosage: {} }],
    },
  })) as { value: Patient }
  const args = { ...ctx.args, programId: saved.value.programs.at(-1)!.id }
  return { ...ctx, args, photo, mediaDir: join(dataDir, 'media') }
}

describe('pictures on the handout', () => {
  it('prints a stored photo and logo without warnings', async () => {
    const { call, args } = await withPictures()
    expect(await call('exportHandout', args)).toMatchObject({ ok: true, value: { saved: true, warnings: [] } })
  }, 30_000)

  it('does not follow a link planted in media/ in place of a photo: the photo and logo are left out with warnings', async () => {
    const { call, args, photo, mediaDir, dataDir } = await withPictures()
    await writeFile(join(dataDir, 'secret.png'), validPng)
    await rm(join(mediaDir, photo))
    await symlink(join(dataDir, 'secret.png'), join(mediaDir, photo))
    expect(await call('exportHandout', args)).toMatchObject({
      ok: true,
      // The logo is the same picture, so the same stored file: it is left out too.
      value: {
        saved: true,
        warnings: [
          'The photo for “Step-ups” could not be read and was left out: choose it again in the Exercise library.',
          'The clinic logo could not be read and was left out: choose it again in Settings → Clinic.',
        ],
      },
    })
  }, 30_000)

  it('does not hang on a FIFO or a link to /dev/zero in place of a stored picture: it is left out with a warning', async () => {
    const { call, args, photo, mediaDir } = await withPictures()
    await rm(join(mediaDir, photo))
    execFileSync('mkfifo', [join(mediaDir, photo)])
    const logoWarning = 'The clinic logo could not be read and was left out: choose it again in Settings → Clinic.'
    const photoWarning =
      'The photo for “Step-ups” could not be read and was left out: choose it again in the Exercise library.'
    expect(await call('exportHandout', args)).toMatchObject({
      ok: true,
      value: { saved: true, warnings: [photoWarning, logoWarning] },
    })
    await rm(join(mediaDir, photo))
    await symlink('/dev/zero', join(mediaDir, photo))
    expect(await call('exportHandout', args)).toMatchObject({
      ok: true,
      value: { saved: true, warnings: [photoWarning, logoWarning] },
    })
  }, 30_000)
})

describe('damaged pictures on the handout', () => {
  it('leaves out a stored photo and logo that cannot be decoded, and says which, in export, print and preview', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hp-export-'))
    const printed: Buffer[] = []
    const services = testServices(dataDir, { printPdf: async (pdf) => (printed.push(pdf), true) })
    const call = <T>(method: Method, arg?: unknown) => dispatch(services.handlers, method, arg) as Promise<Result<T>>
    // Stored before pictures were checked on the way in: valid header and the right name, but cut short.
    const good = makePng({ width: 30, height: 20 })
    const broken = good.subarray(0, good.length - 30)
    const name = `${createHash('sha256').update(broken).digest('hex')}.png`
    await mkdir(join(dataDir, 'media'))
    await writeFile(join(dataDir, 'media', name), broken)
    expect(
      await call('updateSettings', {
        clinic: { name: 'Riverside PT', layout: 'detailed', logo: name },
        openAfterExport: false,
      }),
    ).toMatchObject({ ok: true })
    const exercise = await call<Exercise>('createExercise', {
      name: 'Jane’s heel raises',
      aliases: [],
      regions: ['ankle and foot'],
      position: 'standing',
      type: 'strengthening',
      equipment: ['chair'],
      difficulty: 'easy',
      steps: ['Rise onto your toes.'],
      cues: [],
      cautions: [],
      defaultDosage: {},
      progressions: [],
      regressions: [],
      images: [{ file: name, author: 'Jane', licence: 'Own photo' }],
    })
    if (!exercise.ok) throw new Error(exercise.error.message)
    const patient = ((await call<Patient>('createPatient', patientInput())) as { value: Patient }).value
    const program = {
      title: 'P',
      status: 'current',
      items: [{ id: 'item-000001', exerciseId: exercise.value.id, dosage: {} }],
    }
    const saved = (await call<Patient>('saveProgram', { patientId: patient.id, program })) as { value: Patient }
    const args = {
      patientId: patient.id,
      programId: saved.value.programs[0]!.id,
      layout: 'detailed',
      paper: 'letter',
      logDays: 0,
    }
    const warnings = [
      'The photo for “Jane’s heel raises” could not be read and was left out: choose it again in the Exercise library.',
      'The clinic logo could not be read and was left out: choose it again in Settings → Clinic.',
    ]
    expect(await call('exportHandout', args)).toMatchObject({ ok: true, value: { saved: true, warnings } })
    expect(await call('printHandout', args)).toEqual({ ok: true, value: { printed: true, warnings } })
    expect(
      await call('previewHandout', { patientId: patient.id, program, layout: 'compact', paper: 'a4', logDays: 0 }),
    ).toMatchObject({ ok: true, value: { warnings } })
  }, 60_000)
})

describe('clinic logo', () => {
  it('is chosen as a PNG, stored once in media/, printed without warnings, and can be removed', async () => {
    const { call, args, services, dataDir } = await setup()
    const { writeFile } = await import('node:fs/promises')
    const png = join(dataDir, 'logo.png')
    await writeFile(png, makePng())
    services.dialogs.answers.open.push(png)
    const withLogo = await call<{ clinic: { logo?: string } }>('setClinicLogo', { remove: false })
    expect(withLogo).toMatchObject({
      ok: true,
      value: { clinic: { logo: expect.stringMatching(/^[0-9a-f]{64}\.png$/) } },
    })
    expect(await call('exportHandout', args)).toMatchObject({ ok: true, value: { saved: true, warnings: [] } })
    const removed = await call<{ clinic: { logo?: string } }>('setClinicLogo', { remove: true })
    expect(removed.ok && removed.value.clinic.logo).toBeUndefined()
  })
})

describe('printHandout', () => {
  it('explains that printing needs the desktop app when there is no printer port', async () => {
    const { call, args } = await setup()
    expect(await call('printHandout', args)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Export the PDF') },
    })
  })

  it('hands the same PDF the export would write to the print port', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hp-export-'))
    const printed: Buffer[] = []
    const services = testServices(dataDir, { printPdf: async (pdf) => (printed.push(pdf), true) })
    const call = <T>(method: Method, arg?: unknown) => dispatch(services.handlers, method, arg) as Promise<Result<T>>
    await call('updateSettings', { clinic: { name: 'Riverside PT', layout: 'detailed' } })
    const patient = ((await call<Patient>('createPatient', patientInput())) as { value: Patient }).value
    const saved = (await call<Patient>('saveProgram', {
      patientId: patient.id,
      program: { title: 'P', status: 'current', items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: {} }] },
    })) as { value: Patient }
    const result = await call('printHandout', {
      patientId: patient.id,
      programId: saved.value.programs[0]!.id,
      layout: 'large',
      paper: 'a4',
      logDays: 0,
    })
    expect(result).toEqual({ ok: true, value: { printed: true, warnings: [] } })
    expect(printed[0]!.subarray(0, 5).toString()).toBe('%PDF-')
  })
})

describe('video links on the handout', () => {
  it('prints the library’s video link of an exercise as its short link, and nothing once the link is removed', async () => {
    const { call, patient } = await setup()
    const preview = async () => {
      const result = await call<PreviewResult>('previewHandout', {
        patientId: patient.id,
        layout: 'detailed',
        paper: 'letter',
        logDays: 0,
        program: {
          title: 'Week 1',
          status: 'current',
          items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: {} }],
        },
      })
      if (!result.ok) throw new Error(result.error.message)
      return (await previewText(result.value)).all.replace(/\s+/g, '')
    }
    expect(
      await call('setExerciseVideo', { exerciseId: 'bridges', url: 'https://riversidept.example/v/bridges' }),
    ).toMatchObject({ ok: true })
    const withLink = await preview()
    expect(withLink).toContain('Watchthevideo')
    expect(withLink).toContain('riversidept.example/v/bridges')
    await call('setExerciseVideo', { exerciseId: 'bridges', url: null })
    expect(await preview()).not.toContain('Watchthevideo')
  }, 60_000)
})

describe('the live preview’s pages', () => {
  it('sends each page as a PDF of its own with its key, and again only the pages a note changed', async () => {
    const { call, patient } = await setup()
    const ids = [...seedExerciseIds, 'bridge-with-hold']
    const items = ids.map((exerciseId, i) => ({
      id: `item-00000${i + 1}`,
      exerciseId,
      dosage: { sets: 2, reps: { min: 10, max: 10 } },
    }))
    const program = (notes?: string) => ({
      title: 'Hip',
      status: 'current',
      items: [...items.slice(0, -1), { ...items.at(-1)!, ...(notes ? { notes } : {}) }],
    })
    const preview = async (notes?: string, known?: string[]) => {
      const args = { patientId: patient.id, layout: 'detailed', paper: 'letter', logDays: 14, program: program(notes) }
      const result = await call<PreviewResult>('previewHandout', { ...args, ...(known ? { known } : {}) })
      if (!result.ok) throw new Error(result.error.message)
      if (!('pages' in result.value)) throw new Error('expected the pages apart')
      return result.value
    }
    const before = await preview()
    const pages = before.pages.length
    expect(pages).toBeGreaterThan(2)
    for (const page of before.pages) {
      expect(page).toBeInstanceOf(Uint8Array)
      expect(Buffer.from(page!.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    }
    expect(before.pageKeys).toHaveLength(pages)
    expect(new Set(before.pageKeys).size).toBe(pages)
    const held = new Map(before.pageKeys.map((key, i) => [key, before.pages[i]!]))

    const after = await preview('Keep your back flat on the floor.', before.pageKeys)
    const changed = after.pageKeys.flatMap((key, i) => (key === before.pageKeys[i] ? [] : [i]))
    expect(after.pages.flatMap((page, i) => (page ? [i] : []))).toEqual(changed)
    const text = await previewText(after, held)
    expect(text.pages).toHaveLength(pages)
    const withNote = text.pages.flatMap((page, i) => (page.text.includes('Keep your back flat') ? [i] : []))
    expect(withNote).toHaveLength(1)
    expect(changed).toEqual(withNote)
  }, 60_000)
})

describe('previews overtaken by newer ones', () => {
  const draft = (reps: number) => ({
    title: 'Week 1',
    status: 'current',
    items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { sets: 2, reps: { min: reps, max: reps } } }],
  })
  const previewArgs = (patientId: string, reps: number) => ({
    patientId,
    layout: 'detailed',
    paper: 'letter',
    logDays: 0,
    program: draft(reps),
  })

  it('answers an older preview of the same program "cancelled" once a newer one arrives, and renders the newer one', async () => {
    const { call, patient } = await setup()
    const [older, middle, newer] = await Promise.all(
      [11, 12, 13].map((reps) =>
        call<PreviewResult | { cancelled: true }>('previewHandout', previewArgs(patient.id, reps)),
      ),
    )
    expect(older).toEqual({ ok: true, value: { cancelled: true } })
    expect(middle).toEqual({ ok: true, value: { cancelled: true } })
    if (!newer?.ok || 'cancelled' in newer.value)
      throw new Error(`expected the newest preview: ${JSON.stringify(newer)}`)
    expect((await previewText(newer.value)).all).toContain('Do 13 times, then rest.')
  }, 60_000)

  it('never cancels another patient’s preview or an export because of a preview', async () => {
    const { call, args, patient } = await setup()
    const other = (await call<Patient>(
      'createPatient',
      patientInput({ firstName: 'Ola', lastName: 'Nordmann', chartNumber: 'MRN-2002' }),
    )) as { value: Patient }
    const exporting = call('exportHandout', args)
    const theirs = call('previewHandout', previewArgs(other.value.id, 9))
    const [mine] = await Promise.all([
      call('previewHandout', previewArgs(patient.id, 11)),
      call('previewHandout', previewArgs(patient.id, 12)),
    ])
    expect(mine).toEqual({ ok: true, value: { cancelled: true } })
    expect(await exporting).toMatchObject({ ok: true, value: { saved: true } })
    const preview = await theirs
    if (!preview.ok || !('pages' in (preview.value as object))) throw new Error(JSON.stringify(preview).slice(0, 200))
    const { pages, pageKeys } = preview.value as { pages: Uint8Array[]; pageKeys: string[] }
    expect(pages.length).toBeGreaterThan(0)
    expect(pages.every((page) => page instanceof Uint8Array)).toBe(true)
    expect(pageKeys).toHaveLength(pages.length)
  }, 60_000)
})
