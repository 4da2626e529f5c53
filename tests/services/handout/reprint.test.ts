import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exerciseInput } from '../../support/exercises'
import type { Method, PreviewResult } from '../../../src/core/contract'
import { dispatch } from '../../../src/core/dispatch'
import type { Exercise } from '../../../src/core/exercise'
import { handoutCopySchema } from '../../../src/core/handout-model'
import type { Patient } from '../../../src/core/patient'
import type { Result } from '../../../src/core/result'
import type { ServiceDeps } from '../../../electron/services'
import { patientInput } from '../../support/patients'
import { pdfText, previewText } from '../../support/pdf'
import { testServices } from '../../support/services'

/** The day of the first export; later changes happen on later days, as they would in a clinic. */
let today = new Date('2026-03-02T10:00:00Z')

const stepUps = exerciseInput()

async function setup(overrides: Partial<ServiceDeps> = {}) {
  today = new Date('2026-03-02T10:00:00Z')
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-reprint-'))
  const services = testServices(dataDir, { now: () => today, ...overrides })
  const call = async <T>(method: Method, arg?: unknown) => (await dispatch(services.handlers, method, arg)) as Result<T>
  const value = async <T>(method: Method, arg?: unknown) => {
    const result = await call<T>(method, arg)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  await value('updateSettings', {
    clinic: { name: 'Riverside Physical Therapy', phone: '(206) 555-0142', layout: 'detailed' },
    therapists: [{ name: 'Dana Whitfield', credentials: 'PT' }],
    openAfterExport: false,
  })
  const patient = await value<Patient>('createPatient', patientInput())
  const exercise = await value<Exercise>('createExercise', stepUps)
  const items = [
    { id: 'item-000001', exerciseId: 'bridges', dosage: { sets: 2, reps: { min: 10, max: 10 } } },
    { id: 'item-000002', exerciseId: exercise.id, dosage: { reps: { min: 8, max: 8 } } },
  ]
  const saved = await value<Patient>('saveProgram', {
    patientId: patient.id,
    program: { title: 'Knee week 1', status: 'current', items },
  })
  const program = saved.programs[0]!
  const args = { patientId: patient.id, programId: program.id, layout: 'compact', paper: 'a4', logDays: 14 }
  const exportOnce = async () => {
    const exported = await value<{ saved: true; path: string }>('exportHandout', args)
    const history = (await value<Patient>('getPatient', { id: patient.id })).handouts!
    return { path: exported.path, record: history.at(-1)!, pdf: await readFile(exported.path) }
  }
  return {
    dataDir,
    services,
    call,
    value,
    patient,
    exercise,
    program,
    items,
    args,
    exportOnce,
    copies: join(dataDir, 'handouts'),
  }
}

describe('each export keeps an exact copy', () => {
  it('writes <data>/handouts/<record id>.json with everything printed and where it was saved, readable by this user only', async () => {
    const { exportOnce, copies, patient } = await setup()
    const { path, record } = await exportOnce()
    const file = join(copies, `${record.id}.json`)
    expect((await stat(copies)).mode & 0o777).toBe(0o700)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const copy = handoutCopySchema.parse(JSON.parse(await readFile(file, 'utf8')))
    expect(copy).toMatchObject({
      patientId: patient.id,
      handoutId: record.id,
      path,
      input: {
        date: '2026-03-02',
        layout: 'compact',
        paper: 'a4',
        logDays: 14,
        clinic: { name: 'Riverside Physical Therapy' },
        therapist: { name: 'Dana Whitfield' },
      },
    })
    expect(copy.input.program.items.map((i) => i.steps[0])).toEqual([expect.any(String), 'Step up onto a low step.'])
  }, 60_000)
})

describe('reprintHandout', () => {
  it('makes the same PDF again, byte for byte and word for word, under the original name, without a new history entry', async () => {
    const { exportOnce, value, services, patient, dataDir } = await setup()
    const first = await exportOnce()
    await rm(first.path)
    const again = await value<{ saved: true; path: string; warnings: string[] }>('reprintHandout', {
      patientId: patient.id,
      handoutId: first.record.id,
    })
    expect(again).toEqual({ saved: true, path: first.path, warnings: [] })
    expect(services.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultName: first.record.file })
    const reprinted = await readFile(again.path)
    expect(reprinted.equals(first.pdf)).toBe(true)
    expect((await pdfText(reprinted)).pages.map((p) => p.text)).toEqual(
      (await pdfText(first.pdf)).pages.map((p) => p.text),
    )
    expect((await value<Patient>('getPatient', { id: patient.id })).handouts).toHaveLength(1)
    expect(await readdir(join(dataDir, 'exports'))).toEqual([first.record.file])
  }, 60_000)

  it('still prints the original after the program, the library, the clinic and the date all changed', async () => {
    const { exportOnce, value, patient, program, items, exercise } = await setup()
    const first = await exportOnce()
    const original = await pdfText(first.pdf)
    today = new Date('2026-04-15T09:00:00Z')
    await value('saveProgram', {
      patientId: patient.id,
      programId: program.id,
      revision: program.revision,
      program: {
        title: 'Knee week 3',
        status: 'current',
        items: [{ ...items[0]!, dosage: { sets: 3, reps: { min: 15, max: 15 } } }],
      },
    })
    await value('updateExercise', { id: exercise.id, exercise: { ...stepUps, steps: ['A new first step.'] } })
    await value('updateSettings', {
      clinic: { name: 'Lakeside Rehab', phone: '(206) 555-0000', layout: 'detailed' },
      therapists: [],
    })
    const changed = await previewText(
      await value<PreviewResult>('previewHandout', {
        patientId: patient.id,
        program: { title: 'Knee week 3', status: 'current', items },
        layout: 'compact',
        paper: 'a4',
        logDays: 14,
      }),
    )
    expect(changed.all).toContain('Lakeside Rehab')
    const again = await value<{ saved: true; path: string }>('reprintHandout', {
      patientId: patient.id,
      handoutId: first.record.id,
    })
    const reprinted = await readFile(again.path)
    expect(reprinted.equals(first.pdf)).toBe(true)
    const text = await pdfText(reprinted)
    expect(text.all).toEqual(original.all)
    expect(text.all).toContain('Riverside Physical Therapy')
    expect(text.all).toContain('Step up onto a low step.')
    expect(text.all).not.toContain('Lakeside Rehab')
  }, 90_000)

  it('refuses a handout exported before copies were kept, saying it can be exported again; nothing is written', async () => {
    const { exportOnce, call, services, patient, copies, dataDir } = await setup()
    const { record } = await exportOnce()
    await rm(join(copies, `${record.id}.json`))
    await rm(join(dataDir, 'exports'), { recursive: true })
    const asked = services.dialogs.asked.length
    const result = await call('reprintHandout', { patientId: patient.id, handoutId: record.id })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        field: 'handoutId',
        message: expect.stringMatching(/made before Homeplan kept an exact copy.*export it again/),
      },
    })
    expect(services.dialogs.asked).toHaveLength(asked)
    expect(await readdir(dataDir)).not.toContain('exports')
  }, 60_000)

  it('refuses a damaged copy (bad JSON, wrong shape, or another patient’s) and writes nothing', async () => {
    const { exportOnce, call, services, patient, copies, dataDir } = await setup()
    const { record } = await exportOnce()
    const file = join(copies, `${record.id}.json`)
    const good = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await rm(join(dataDir, 'exports'), { recursive: true })
    for (const damaged of [
      '{"format": "homeplan-handout-co',
      JSON.stringify({ ...good, input: { clinic: {} } }),
      JSON.stringify({ ...good, patientId: 'another-patient' }),
    ]) {
      await writeFile(file, damaged)
      const result = await call('reprintHandout', { patientId: patient.id, handoutId: record.id })
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'io_error',
          field: 'handoutId',
          message: expect.stringContaining('The saved copy of this handout is damaged'),
        },
      })
    }
    expect(services.dialogs.asked.filter((a) => a.title.includes('again'))).toEqual([])
    expect(await readdir(dataDir)).not.toContain('exports')
  }, 60_000)

  it('says so when the patient or the handout is not there', async () => {
    const { exportOnce, call, patient } = await setup()
    const { record } = await exportOnce()
    expect(await call('reprintHandout', { patientId: 'patient-unknown', handoutId: record.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'patientId' },
    })
    expect(await call('reprintHandout', { patientId: patient.id, handoutId: 'handout-unknown' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'handoutId', message: 'That handout is not in this patient’s history.' },
    })
  }, 60_000)

  it('lets a cancelled save dialog change nothing', async () => {
    const { exportOnce, call, services, patient } = await setup()
    const { record, path } = await exportOnce()
    await rm(path)
    services.dialogs.answers.save.push(undefined)
    expect(await call('reprintHandout', { patientId: patient.id, handoutId: record.id })).toEqual({
      ok: true,
      value: { saved: false },
    })
    await expect(stat(path)).rejects.toThrow()
  }, 60_000)
})

describe('printPastHandout', () => {
  it('prints the same PDF as was exported, and asks for the desktop app where printing is not possible', async () => {
    const printed: Buffer[] = []
    const { exportOnce, call, patient } = await setup({ printPdf: async (pdf) => (printed.push(pdf), true) })
    const { record, pdf } = await exportOnce()
    expect(await call('printPastHandout', { patientId: patient.id, handoutId: record.id })).toEqual({
      ok: true,
      value: { printed: true, warnings: [] },
    })
    expect(printed[0]!.equals(pdf)).toBe(true)
    const web = await setup()
    const other = await web.exportOnce()
    expect(await web.call('printPastHandout', { patientId: web.patient.id, handoutId: other.record.id })).toMatchObject(
      { ok: false, error: { code: 'forbidden', message: expect.stringContaining('desktop app') } },
    )
  }, 90_000)
})

describe('showHandoutFile', () => {
  it('shows the saved PDF in its folder, and the newest place after a reprint saved it elsewhere', async () => {
    const shown: string[] = []
    const { exportOnce, call, patient, services, dataDir } = await setup({ showFile: (path) => void shown.push(path) })
    const { record, path } = await exportOnce()
    expect(await call('showHandoutFile', { patientId: patient.id, handoutId: record.id })).toEqual({
      ok: true,
      value: { shown: true, path },
    })
    const elsewhere = join(dataDir, 'elsewhere')
    await mkdir(elsewhere)
    services.dialogs.answers.save.push(join(elsewhere, 'again.pdf'))
    expect(await call('reprintHandout', { patientId: patient.id, handoutId: record.id })).toMatchObject({
      ok: true,
      value: { saved: true },
    })
    expect(await call('showHandoutFile', { patientId: patient.id, handoutId: record.id })).toEqual({
      ok: true,
      value: { shown: true, path: join(elsewhere, 'again.pdf') },
    })
    expect(shown).toEqual([path, join(elsewhere, 'again.pdf')])
  }, 60_000)

  it('says when the PDF is no longer there and offers saving it again; without a desktop it gives the path', async () => {
    const { exportOnce, call, patient, copies } = await setup()
    const { record, path } = await exportOnce()
    expect(await call('showHandoutFile', { patientId: patient.id, handoutId: record.id })).toEqual({
      ok: true,
      value: { shown: false, path },
    })
    await rm(path)
    expect(await call('showHandoutFile', { patientId: patient.id, handoutId: record.id })).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        field: 'handoutId',
        message: `The handout is no longer at ${path} (it may have been moved or deleted). Choose “Save again” to make the same PDF again.`,
      },
    })
    await rm(join(copies, `${record.id}.json`))
    expect(await call('showHandoutFile', { patientId: patient.id, handoutId: record.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('does not know the folder') },
    })
  }, 60_000)
})

describe('when the copy cannot be written', () => {
  it('reports the export as failed, writes no PDF and records nothing', async () => {
    const { call, args, patient, dataDir, value } = await setup()
    // A file where the folder of copies should be: creating the folder fails, as on a full or read-only disk.
    await writeFile(join(dataDir, 'handouts'), '')
    const result = await call('exportHandout', args)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: expect.stringContaining('could not keep its copy of this handout') },
    })
    expect(await readdir(join(dataDir, 'exports')).catch(() => [])).toEqual([])
    expect((await value<Patient>('getPatient', { id: patient.id })).handouts).toBeUndefined()
  }, 60_000)

  it('removes the copy again when the PDF cannot be saved', async () => {
    const { call, args, services, patient, copies, value } = await setup()
    services.dialogs.answers.save.push('/nonexistent-folder/handout.pdf')
    expect(await call('exportHandout', args)).toMatchObject({ ok: false, error: { code: 'io_error' } })
    expect(await readdir(copies)).toEqual([])
    expect((await value<Patient>('getPatient', { id: patient.id })).handouts).toBeUndefined()
  }, 60_000)
})

describe('deleting a patient', () => {
  it('deletes the copies of their handouts and leaves other patients’ alone', async () => {
    const { exportOnce, value, patient, copies, args } = await setup()
    const { record } = await exportOnce()
    const second = await exportOnce()
    const other = await value<Patient>('createPatient', patientInput({ firstName: 'Ola', chartNumber: 'C-2' }))
    const saved = await value<Patient>('saveProgram', {
      patientId: other.id,
      program: { title: 'Other', status: 'current', items: [{ id: 'item-000009', exerciseId: 'bridges', dosage: {} }] },
    })
    await value('exportHandout', { ...args, patientId: other.id, programId: saved.programs[0]!.id })
    const othersCopy = (await readdir(copies)).find(
      (name) => ![`${record.id}.json`, `${second.record.id}.json`].includes(name),
    )
    expect(await value('deletePatient', { id: patient.id })).toEqual({ id: patient.id })
    expect(await readdir(copies)).toEqual([othersCopy])
  }, 90_000)

  it('still deletes the patient when a copy cannot be removed, and says where it was left', async () => {
    const { exportOnce, value, call, patient, copies } = await setup()
    const { record } = await exportOnce()
    // A folder with something in it where the copy was: removing it fails.
    await rm(join(copies, `${record.id}.json`))
    await mkdir(join(copies, `${record.id}.json`, 'x'), { recursive: true })
    expect(await call('deletePatient', { id: patient.id })).toEqual({ ok: true, value: { id: patient.id } })
    expect(await call('getPatient', { id: patient.id })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const notices = await value<{ message: string }[]>('listNotices')
    expect(notices.map((n) => n.message)).toEqual([expect.stringContaining(`${record.id}.json`)])
  }, 60_000)
})
