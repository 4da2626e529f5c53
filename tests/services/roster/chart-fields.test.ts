import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../electron/services/roster/format'
import type { Method, PreviewResult } from '../../../src/core/contract'
import { dispatch } from '../../../src/core/dispatch'
import type { Patient, PatientSummary } from '../../../src/core/patient'
import type { Result } from '../../../src/core/result'
import { patientInput } from '../../support/patients'
import { previewText } from '../../support/pdf'
import { testServices } from '../../support/services'

async function setup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-chart-'))
  const services = testServices(dataDir)
  const value = async <T = unknown>(method: Method, arg?: unknown): Promise<T> => {
    const result = (await dispatch(services.handlers, method, arg)) as Result<T>
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  return { dataDir, dialogs: services.dialogs, value }
}

const chart = {
  precautions: 'NO HIP FLEXION PAST 90 DEGREES.\nAvoid crossing the legs.',
  onsetDate: '2026-05-04',
  onsetKind: 'onset' as const,
  nextAppointment: '2099-07-01',
  memberId: 'XJH 123-456',
  authorisedVisits: 12,
}

describe('the chart fields in the roster service (issue 19, item 5)', () => {
  it('survive an export of the patient and an import into another roster, member ID in the summary too', async () => {
    const a = await setup()
    const anna = await a.value<Patient>('createPatient', patientInput(chart))
    expect(anna).toMatchObject(chart)
    const one = await a.value<{ path: string }>('exportPatient', { id: anna.id })

    const b = await setup()
    b.dialogs.answers.open.push(one.path)
    expect(await b.value('importRoster')).toMatchObject({ imported: 1 })
    const [summary] = await b.value<PatientSummary[]>('listPatients')
    expect(summary).toMatchObject({ firstName: 'Anna', memberId: 'XJH 123-456' })
    expect(await b.value<Patient>('getPatient', { id: summary!.id })).toMatchObject(chart)
  })

  it(`imports a version-${SCHEMA_VERSION} export written before the chart fields existed, unchanged`, async () => {
    const { value, dialogs, dataDir } = await setup()
    const record = {
      ...patientInput(),
      id: 'patient-old001',
      revision: 2,
      createdAt: '2025-01-02T03:04:05.000Z',
      updatedAt: '2025-01-02T03:04:05.000Z',
      programs: [],
    }
    const file = join(dataDir, 'old-export.json')
    await writeFile(
      file,
      JSON.stringify({ format: 'homeplan-roster-export', schemaVersion: SCHEMA_VERSION, patients: [record] }),
    )
    dialogs.answers.open.push(file)
    expect(await value('importRoster')).toMatchObject({ imported: 1 })
    const [summary] = await value<PatientSummary[]>('listPatients')
    expect(summary).not.toHaveProperty('memberId', expect.anything())
    const loaded = await value<Patient>('getPatient', { id: summary!.id })
    expect(loaded).toMatchObject({ firstName: record.firstName, lastName: record.lastName })
    for (const field of Object.keys(chart)) expect(loaded).not.toHaveProperty(field)
  })

  it('never prints the precautions on the handout', async () => {
    const { value } = await setup()
    await value('updateSettings', { clinic: { name: 'Riverside Physical Therapy', layout: 'detailed' } })
    const patient = await value<Patient>('createPatient', patientInput(chart))
    for (const layout of ['detailed', 'compact', 'large'] as const) {
      const preview = await value<PreviewResult>('previewHandout', {
        patientId: patient.id,
        program: {
          title: 'Hips',
          status: 'current',
          items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { reps: { min: 10, max: 10 } } }],
        },
        layout,
        paper: 'letter',
        logDays: 7,
      })
      if ('cancelled' in preview) throw new Error('cancelled')
      const printed = (await previewText(preview)).all.replace(/\s+/g, ' ')
      expect(printed).toContain('Bridges')
      expect(printed).toContain('Anna')
      expect(printed.toUpperCase()).not.toContain('HIP FLEXION')
      expect(printed).not.toContain('crossing the legs')
      expect(printed).not.toContain('XJH')
    }
  }, 60_000)
})
