import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RosterList } from '../../../../src/features/patients/RosterList'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

const bodyRows = () => within(screen.getAllByRole('rowgroup')[1]!).queryAllByRole('row')

describe('the roster list at start', () => {
  it('shows the first screen before the whole roster arrives; search covers everyone once it has', async () => {
    // The whole list is held back until the test lets it go, as a 50,000-patient list would take its time.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const api = fakeApi()
    const whole = api.listPatients
    Object.assign(api, { listPatients: async () => (await held, whole()) })
    for (let i = 0; i < 60; i++) {
      await api.createPatient(
        patientInput({ firstName: 'Pat', lastName: `Zed${String(59 - i).padStart(2, '0')}`, chartNumber: `C-${i}` }),
      )
    }
    await api.createPatient(
      patientInput({ firstName: 'Old', lastName: 'Aaron', chartNumber: 'C-X', status: 'discharged' }),
    )
    renderWithApi(<RosterList onNew={() => {}} />, { api, roster: true })

    // Active patients by name, the first 50, while the whole list is still held back.
    expect(await screen.findByRole('link', { name: 'Zed00, Pat' })).toBeInTheDocument()
    expect(bodyRows()).toHaveLength(50)
    expect(within(bodyRows()[49]!).getByRole('link')).toHaveTextContent('Zed49, Pat')
    expect(screen.queryByRole('link', { name: 'Aaron, Old' })).toBeNull()
    expect(screen.getByText('61 on this computer')).toBeInTheDocument()
    expect(api.listFirstPatients).toHaveBeenCalledWith({ limit: 50 })

    // A search needs everyone: it says so rather than searching the first screen only.
    fireEvent.change(screen.getByRole('textbox', { name: 'Search patients' }), { target: { value: 'zed59' } })
    expect(await screen.findByText('Loading all 61 patients…')).toBeInTheDocument()
    expect(bodyRows()).toHaveLength(0)

    release()
    expect(await screen.findByRole('link', { name: 'Zed59, Pat' })).toBeInTheDocument()
    expect(bodyRows()).toHaveLength(1)
    expect(screen.queryByText(/Loading all/)).toBeNull()
  }, 30_000)
})
