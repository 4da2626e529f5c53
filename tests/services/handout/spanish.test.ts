import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exerciseInput } from '../../support/exercises'
import type { Method, PreviewResult } from '../../../src/core/contract'
import type { Exercise } from '../../../src/core/exercise'
import { dispatch } from '../../../src/core/dispatch'
import type { Patient } from '../../../src/core/patient'
import type { Result } from '../../../src/core/result'
import { patientInput } from '../../support/patients'
import { pdfText, previewText } from '../../support/pdf'
import { testServices } from '../../support/services'

/** Words of the handout's own English chrome that must not appear on a Spanish handout. */
const ENGLISH_CHROME = [
  'How to use',
  'How much',
  'How often',
  'How to do it',
  'Tips',
  'Be careful',
  'Your therapist',
  'Your home exercise',
  'at a glance',
  'Page ',
  'Start',
  'Finish',
  'times',
  'seconds',
  'a day',
  'Check off',
  'Stop and call',
  'exercise log',
  'To remember',
  'Lying on',
]

async function setup(handoutLanguage?: 'en' | 'es') {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-spanish-'))
  const services = testServices(dataDir)
  const call = <T>(method: Method, arg?: unknown) => dispatch(services.handlers, method, arg) as Promise<Result<T>>
  await call('updateSettings', {
    clinic: { name: 'Riverside Physical Therapy', phone: '(206) 555-0142', layout: 'detailed' },
    openAfterExport: false,
  })
  const created = await call<Patient>('createPatient', {
    ...patientInput(),
    ...(handoutLanguage ? { handoutLanguage } : {}),
  })
  if (!created.ok) throw new Error(created.error.message)
  return { dataDir, services, call, patient: created.value }
}

/** The clinic hip template's six exercises with their template dosage, as the builder would apply it. */
const hipItems = [
  {
    id: 'item-000001',
    exerciseId: 'clamshells',
    dosage: { reps: { min: 10, max: 15 }, holdSeconds: 5, timesPerDay: 1, side: 'both' },
  },
  {
    id: 'item-000002',
    exerciseId: 'hip-flexor-stretch',
    dosage: { sets: 3, holdSeconds: 30, timesPerDay: 2, side: 'left', days: ['mon', 'wed', 'fri'] },
  },
  {
    id: 'item-000003',
    exerciseId: 'bridges',
    dosage: { sets: 2, reps: { min: 10, max: 10 }, daysPerWeek: 3, resistance: { band: 'red' } },
  },
]

describe('a Spanish handout', () => {
  it('prints every word of its own in Spanish when the patient’s handout language is Spanish, in every layout', async () => {
    const { call, patient } = await setup('es')
    for (const layout of ['detailed', 'compact', 'large'] as const) {
      const preview = await call<PreviewResult>('previewHandout', {
        patientId: patient.id,
        program: { title: 'Cadera', status: 'current', items: hipItems },
        layout,
        paper: 'letter',
        logDays: 14,
      })
      if (!preview.ok || 'cancelled' in preview.value) throw new Error('no preview')
      expect(preview.value.warnings).toEqual([])
      const { all } = await previewText(preview.value)
      const text = all.replace(/\s+/g, ' ')
      for (const words of ['Su programa de un vistazo', 'Almejas', 'Puente', 'Cuánto', 'Página 1 de'])
        expect(text, layout).toContain(words)
      expect(text, layout).toMatch(/10 a 15 veces de cada lado|10 a 15 veces por lado/)
      expect(text, layout).toMatch(/dos veces al día/i)
      expect(text, layout).toMatch(/lun, mié, vie/)
      expect(text, layout).toContain('banda roja')
      expect(text, layout).toMatch(/Pare y llámenos al \(206\) 555-0142/)
      expect(text, layout).toMatch(/de \w+ de 20\d\d/) // "3 de diciembre de 2026"
      for (const english of ENGLISH_CHROME) expect(text, `${layout}: “${english}”`).not.toContain(english)
    }
  })

  it('exports in the language chosen for this handout and records it; the patient’s own language otherwise', async () => {
    const { call, patient, services } = await setup()
    const saved = await call<Patient>('saveProgram', {
      patientId: patient.id,
      program: { title: 'Hip', status: 'current', items: hipItems },
    })
    if (!saved.ok) throw new Error(saved.error.message)
    const programId = saved.value.programs[0]!.id
    const args = { patientId: patient.id, programId, layout: 'compact', paper: 'letter', logDays: 7 }
    const out = await mkdtemp(join(tmpdir(), 'hp-spanish-out-'))
    services.dialogs.answers.save.push(join(out, 'es.pdf'), join(out, 'en.pdf'))
    expect(await call('exportHandout', { ...args, language: 'es' })).toMatchObject({ ok: true, value: { saved: true } })
    expect(await call('exportHandout', args)).toMatchObject({ ok: true, value: { saved: true } })
    const es = (await pdfText(await readFile(join(out, 'es.pdf')))).all
    const en = (await pdfText(await readFile(join(out, 'en.pdf')))).all
    expect(services.dialogs.asked.map((a) => a.defaultName)).toEqual([
      expect.stringMatching(/_Ejercicios-en-casa_\d{4}-\d\d-\d\d\.pdf$/),
      expect.stringMatching(/_Home-program_\d{4}-\d\d-\d\d\.pdf$/),
    ])
    expect(es).toContain('Cómo usar esta hoja')
    expect(en).toContain('How to use this sheet')
    const records = (await call<Patient>('getPatient', { id: patient.id })) as { value: Patient }
    expect(records.value.handouts?.map((h) => h.language)).toEqual(['es', 'en'])
  })

  it('names what has no Spanish yet and prints nothing, until told to print those parts in English', async () => {
    const { call, patient, services } = await setup('es')
    const custom = await call<Exercise>(
      'createExercise',
      exerciseInput({
        name: 'Heel slides with a strap',
        regions: ['knee'],
        position: 'supine',
        type: 'range of motion',
        equipment: ['towel'],
        difficulty: 'easy',
        steps: ['Slide your heel toward you.'],
      }),
    )
    if (!custom.ok) throw new Error(custom.error.message)
    const saved = await call<Patient>('saveProgram', {
      patientId: patient.id,
      program: {
        title: 'Rodilla',
        status: 'current',
        items: [
          { id: 'item-000001', exerciseId: custom.value.id, dosage: { reps: { min: 10, max: 10 } } },
          { id: 'item-000002', exerciseId: 'bridges', dosage: {}, instructionOverride: ['Lift only halfway.'] },
          {
            id: 'item-000003',
            exerciseId: 'clamshells',
            dosage: {},
            instructionOverride: ['Lift only a little.'],
            translations: { es: { instructionOverride: ['Suba la rodilla solo un poco.'] } },
          },
        ],
      },
    })
    if (!saved.ok) throw new Error(saved.error.message)
    const args = {
      patientId: patient.id,
      programId: saved.value.programs[0]!.id,
      layout: 'detailed',
      paper: 'letter',
      logDays: 0,
    }
    const refused = await call('exportHandout', args)
    expect(refused).toMatchObject({ ok: false, error: { field: 'allowEnglish' } })
    const message = (refused as { error: { message: string } }).error.message
    expect(message).toContain('“Heel slides with a strap”')
    expect(message).toContain('the steps changed for “Bridges”')
    expect(message).not.toContain('Clamshells')
    expect(services.dialogs.answers.save).toEqual([])
    const out = join(await mkdtemp(join(tmpdir(), 'hp-spanish-out-')), 'mixed.pdf')
    services.dialogs.answers.save.push(out)
    const allowed = await call<{ warnings: string[] }>('exportHandout', { ...args, allowEnglish: true })
    expect(allowed).toMatchObject({ ok: true, value: { saved: true } })
    expect((allowed as { value: { warnings: string[] } }).value.warnings.join(' ')).toMatch(/^Printed in English: /)
    const text = (await pdfText(await readFile(out))).all
    expect(text).toContain('Slide your heel toward you.')
    expect(text).toContain('Lift only halfway.')
    expect(text).toContain('Suba la rodilla solo un poco.')
    expect(text).toContain('Cómo hacerlo')
  })
})
