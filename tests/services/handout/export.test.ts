import { mkdir, mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Method } from '../../../src/core/contract'
import { dispatch } from '../../../src/core/dispatch'
import type { Patient } from '../../../src/core/patient'
import type { Result } from '../../../src/core/result'
import { RosterStore } from '../../../electron/services/roster/store'
import { patientInput } from '../../support/patients'
import { testServices } from '../../support/services'

async function setup(clinicName = 'Riverside Physical Therapy') {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-export-'))
  const services = testServices(dataDir)
  const call = <T>(method: Method, arg?: unknown) => dispatch(services.handlers, method, arg) as Promise<Result<T>>
  await call('updateSettings', { clinic: { name: clinicName, phone: '(206) 555-0142', layout: 'detailed' }, openAfterExport: false })
  const created = await call<Patient>('createPatient', patientInput())
  const patient = (created as { value: Patient }).value
  const saved = await call<Patient>('saveProgram', {
    patientId: patient.id,
    program: { title: 'Week 1', status: 'current', items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { sets: 2, reps: { min: 10, max: 15 } } }] },
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
    expect(await call('exportHandout', args)).toMatchObject({ ok: false, error: { field: 'clinic', message: expect.stringContaining('Settings → Clinic') } })
    expect(await readdir(dataDir)).not.toContain('exports')
  })

  it('reports a folder it cannot write to and records nothing', async () => {
    const { call, args, services, patient } = await setup()
    services.dialogs.answers.save.push('/nonexistent-folder/handout.pdf')
    expect(await call('exportHandout', args)).toMatchObject({ ok: false, error: { code: 'io_error', message: expect.stringContaining('Could not save handout.pdf') } })
    expect(((await call<Patient>('getPatient', { id: patient.id })) as { value: Patient }).value.handouts).toBeUndefined()
  })

  it('lets two exports run at once; both land in the history', async () => {
    const { call, args, patient, dataDir } = await setup()
    const [a, b] = await Promise.all([call('exportHandout', args), call('exportHandout', { ...args, layout: 'compact', paper: 'a4' })])
    expect(a).toMatchObject({ ok: true, value: { saved: true } })
    expect(b).toMatchObject({ ok: true, value: { saved: true } })
    const history = ((await call<Patient>('getPatient', { id: patient.id })) as { value: Patient }).value.handouts!
    expect(history.map((h) => `${h.layout}/${h.paper}`).sort()).toEqual(['compact/a4', 'detailed/letter'])
    expect(history[0]!.snapshot.items[0]!.exerciseId).toBe('bridges')
    expect(await readdir(join(dataDir, 'exports'))).toEqual([`Łukasiewicz_Anna_Home-program_${new Date().toISOString().slice(0, 10)}.pdf`])
  })

  it('refuses unknown programs and a cancelled dialog changes nothing', async () => {
    const { call, args, services, patient } = await setup()
    expect(await call('exportHandout', { ...args, programId: 'program-unknown' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'programId' } })
    services.dialogs.answers.save.push(undefined)
    expect(await call('exportHandout', args)).toEqual({ ok: true, value: { saved: false } })
    expect(((await call<Patient>('getPatient', { id: patient.id })) as { value: Patient }).value.handouts).toBeUndefined()
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
      error: { code: 'invalid_argument', message: 'Anna Łukasiewicz already has 1,000 handouts in their history, the most one patient’s record can hold. Nothing was saved.' },
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
    await store.put({ ...current, handouts: Array.from({ length: 999 }, (_, i) => ({ ...oldHandout(i), programId: args.programId })) })
    await store.close()
    const again = testServices(dataDir)
    await mkdir(join(dataDir, 'exports'), { recursive: true })
    again.dialogs.answers.save.push(join(dataDir, 'exports', 'a.pdf'), join(dataDir, 'exports', 'b.pdf'))
    const results = await Promise.all([dispatch(again.handlers, 'exportHandout', args), dispatch(again.handlers, 'exportHandout', args)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { message: expect.stringContaining('already has 1,000 handouts') } })
    expect(await readdir(join(dataDir, 'exports'))).toHaveLength(1)
    const stored = await dispatch(again.handlers, 'getPatient', { id: patient.id })
    expect(stored.ok && (stored.value as Patient).handouts).toHaveLength(1000)
    await again.close()
  })
})

describe('clinic logo', () => {
  it('is chosen as a PNG, stored once in media/, printed without warnings, and can be removed', async () => {
    const { call, args, services, dataDir } = await setup()
    const { writeFile } = await import('node:fs/promises')
    const png = join(dataDir, 'logo.png')
    await writeFile(png, Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4e50000000049454e44ae426082', 'hex'))
    services.dialogs.answers.open.push(png)
    const withLogo = await call<{ clinic: { logo?: string } }>('setClinicLogo', { remove: false })
    expect(withLogo).toMatchObject({ ok: true, value: { clinic: { logo: expect.stringMatching(/^[0-9a-f]{64}\.png$/) } } })
    expect(await call('exportHandout', args)).toMatchObject({ ok: true, value: { saved: true, warnings: [] } })
    const removed = await call<{ clinic: { logo?: string } }>('setClinicLogo', { remove: true })
    expect(removed.ok && removed.value.clinic.logo).toBeUndefined()
  })
})

describe('printHandout', () => {
  it('explains that printing needs the desktop app when there is no printer port', async () => {
    const { call, args } = await setup()
    expect(await call('printHandout', args)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Export the PDF') } })
  })

  it('hands the same PDF the export would write to the print port', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hp-export-'))
    const printed: Buffer[] = []
    const services = testServices(dataDir, { printPdf: async (pdf) => (printed.push(pdf), true) })
    const call = <T>(method: Method, arg?: unknown) => dispatch(services.handlers, method, arg) as Promise<Result<T>>
    await call('updateSettings', { clinic: { name: 'Riverside PT', layout: 'detailed' } })
    const patient = ((await call<Patient>('createPatient', patientInput())) as { value: Patient }).value
    const saved = (await call<Patient>('saveProgram', { patientId: patient.id, program: { title: 'P', status: 'current', items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: {} }] } })) as { value: Patient }
    const result = await call('printHandout', { patientId: patient.id, programId: saved.value.programs[0]!.id, layout: 'large', paper: 'a4', logDays: 0 })
    expect(result).toEqual({ ok: true, value: { printed: true, warnings: [] } })
    expect(printed[0]!.subarray(0, 5).toString()).toBe('%PDF-')
  })
})
