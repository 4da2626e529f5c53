import { render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../../../src/app/App'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'

afterEach(() => {
  window.location.hash = ''
  window.localStorage.clear()
})

describe('a patient’s programs', () => {
  it('show a load saved without a unit in the clinic’s unit (pounds on US Letter paper)', async () => {
    const api = fakeApi()
    const settings = await api.updateSettings({ paperSize: 'letter' })
    const patient = await api.createPatient(patientInput())
    if (!settings.ok || !patient.ok) throw new Error('setup failed')
    const saved = await api.saveProgram({
      patientId: patient.value.id,
      program: {
        title: 'Week 1',
        status: 'current',
        items: [
          { id: 'item-000001', exerciseId: 'bridges', dosage: { reps: { min: 10, max: 10 }, resistance: { load: 5 } } },
        ],
      },
    })
    if (!saved.ok) throw new Error(saved.error.message)
    window.location.hash = `#/patients/${patient.value.id}`
    render(<App api={api} />)
    const card = await screen.findByLabelText('Program Week 1', {}, { timeout: 30_000 })
    expect(await within(card).findByText(/10 reps · 5 lb$/)).toBeInTheDocument()
    expect(card).not.toHaveTextContent('5 kg')
  }, 60_000)
})
