/**
 * Issue 17, item 5b: a handout names the patient by initials outside Homeplan (the suggested file name, the print
 * job, the PDF's Title) unless Settings asks for the full name; Spanish handouts use their own words.
 */
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { defaultHandoutName } from '../../../electron/services/handout/export'
import type { Method } from '../../../src/core/contract'
import { dispatch } from '../../../src/core/dispatch'
import { initials } from '../../../src/core/names'
import type { Patient } from '../../../src/core/patient'
import type { Result } from '../../../src/core/result'
import type { Settings } from '../../../src/core/settings'
import { patientInput } from '../../support/patients'
import { testServices } from '../../support/services'

const maria = { firstName: 'Maria', lastName: 'Garcia' }

describe('defaultHandoutName', () => {
  it('is initials and date unless full names are asked for, in the handout’s language', () => {
    expect(defaultHandoutName(maria, '2026-12-03')).toBe('MG_Home-program_2026-12-03.pdf')
    expect(defaultHandoutName(maria, '2026-12-03', 'es')).toBe('MG_Ejercicios-en-casa_2026-12-03.pdf')
    expect(defaultHandoutName(maria, '2026-12-03', 'en', 'full')).toBe('Garcia_Maria_Home-program_2026-12-03.pdf')
  })

  it('takes whole letters, capitalised, and stays a safe name for names that give nothing usable', () => {
    expect(initials({ firstName: 'élodie', lastName: 'łukasiewicz' })).toBe('ÉŁ')
    expect(initials({ firstName: 'Thị Mai', lastName: 'Nguyễn' })).toBe('TN')
    expect(defaultHandoutName({ firstName: '/', lastName: '\u0000' }, '2026-12-03')).toBe(
      'Patient_Home-program_2026-12-03.pdf',
    )
  })
})

async function setup(printed: string[]) {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-names-'))
  const services = testServices(dataDir, { printPdf: async (_pdf, title) => (printed.push(title), true) })
  const value = async <T>(method: Method, arg?: unknown): Promise<T> => {
    const result = (await dispatch(services.handlers, method, arg)) as Result<T>
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  await value('updateSettings', { clinic: { name: 'Riverside PT', layout: 'detailed' }, openAfterExport: false })
  const patient = await value<Patient>('createPatient', patientInput(maria))
  const saved = await value<Patient>('saveProgram', {
    patientId: patient.id,
    program: {
      title: 'Week 1',
      status: 'current',
      items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { sets: 2, reps: { min: 10, max: 15 } } }],
    },
  })
  const args = {
    patientId: patient.id,
    programId: saved.programs[0]!.id,
    layout: 'detailed',
    paper: 'letter',
    logDays: 0,
  }
  return { services, value, args, dataDir }
}

const titleOf = async (path: string) =>
  (await PDFDocument.load(await readFile(path), { updateMetadata: false })).getTitle()

describe('exporting and printing a handout', () => {
  it('by default: initials in the suggested name, the print job and the PDF’s Title', async () => {
    const printed: string[] = []
    const { services, value, args } = await setup(printed)
    const today = new Date().toISOString().slice(0, 10)
    const exported = await value<{ saved: true; path: string }>('exportHandout', args)
    expect(services.dialogs.asked.at(-1)?.defaultName).toBe(`MG_Home-program_${today}.pdf`)
    expect(await titleOf(exported.path)).toBe('Home exercise program for MG')
    await value('printHandout', args)
    expect(printed).toEqual(['Home program for MG'])
    const copy = await value<{ saved: true; path: string }>('exportHandout', { ...args, language: 'es' })
    expect(services.dialogs.asked.at(-1)?.defaultName).toBe(`MG_Ejercicios-en-casa_${today}.pdf`)
    expect(await titleOf(copy.path)).toBe('Programa de ejercicios en casa para MG')
    for (const text of [exported.path, copy.path, ...printed]) expect(text).not.toMatch(/Maria|Garcia/)
  })

  it('with full names chosen in Settings: the full name, as before', async () => {
    const printed: string[] = []
    const { services, value, args } = await setup(printed)
    expect((await value<Settings>('updateSettings', { namesInFiles: 'full' })).namesInFiles).toBe('full')
    const today = new Date().toISOString().slice(0, 10)
    const exported = await value<{ saved: true; path: string }>('exportHandout', args)
    expect(services.dialogs.asked.at(-1)?.defaultName).toBe(`Garcia_Maria_Home-program_${today}.pdf`)
    expect(await titleOf(exported.path)).toBe('Home exercise program for Maria Garcia')
    await value('printHandout', args)
    expect(printed).toEqual(['Home program for Maria Garcia'])
  })
})
