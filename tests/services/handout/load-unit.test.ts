import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Method, PreviewResult } from '../../../src/core/contract'
import { dispatch } from '../../../src/core/dispatch'
import type { Patient } from '../../../src/core/patient'
import type { Result } from '../../../src/core/result'
import type { SettingsPatch } from '../../../src/core/settings'
import { patientInput } from '../../support/patients'
import { previewText } from '../../support/pdf'
import { testServices } from '../../support/services'

describe('a load saved without a unit, on the handout', () => {
  it('prints in the clinic’s unit: pounds on US Letter, kilograms on A4, the unit chosen in Settings over either', async () => {
    const services = testServices(await mkdtemp(join(tmpdir(), 'hp-load-unit-')))
    const call = async <T>(method: Method, arg?: unknown) => {
      const result = (await dispatch(services.handlers, method, arg)) as Result<T>
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
      return result.value
    }
    await call('updateSettings', {
      clinic: { name: 'Riverside Physical Therapy', phone: '(206) 555-0142', layout: 'detailed' },
    })
    const patient = await call<Patient>('createPatient', patientInput())
    const printed = async (settings: SettingsPatch) => {
      await call('updateSettings', settings)
      const preview = await call<PreviewResult>('previewHandout', {
        patientId: patient.id,
        program: {
          title: 'Hips',
          status: 'current',
          items: [
            {
              id: 'item-000001',
              exerciseId: 'bridges',
              dosage: { reps: { min: 10, max: 10 }, resistance: { load: 5 } },
            },
          ],
        },
        layout: 'detailed',
        paper: 'letter',
        logDays: 0,
      })
      if ('cancelled' in preview) throw new Error('cancelled')
      return (await previewText(preview)).all.replace(/\s+/g, ' ')
    }
    expect(await printed({ paperSize: 'letter' })).toContain('Use 5 lb.')
    const a4 = await printed({ paperSize: 'a4' })
    expect(a4).toContain('Use 5 kg.')
    expect(a4).not.toContain('5 lb')
    expect(await printed({ paperSize: 'a4', loadUnit: 'lb' })).toContain('Use 5 lb.')
  }, 60_000)
})
