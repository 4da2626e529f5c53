import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../../../src/app/App'
import type { Patient } from '../../../../src/core/patient'
import { PatientDetailsCard } from '../../../../src/features/patients/PatientDetailsCard'
import { PatientForm } from '../../../../src/features/patients/PatientForm'
import { RosterList } from '../../../../src/features/patients/RosterList'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

// pdf.js cannot draw in jsdom (the builder's preview).
vi.mock('../../../../src/features/program/pdf-pages', () => ({
  openPdf: vi.fn(async () => ({ count: 1, aspect: 11 / 8.5, draw: async () => true, destroy: () => {} })),
}))

const fill = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })

const chart = {
  precautions: 'No hip flexion past 90°.\nNo adduction past midline.',
  onsetDate: '2026-05-04',
  onsetKind: 'onset' as const,
  nextAppointment: '2026-07-01',
  memberId: 'XJH 123-456',
  authorisedVisits: 12,
}

afterEach(() => {
  vi.useRealTimers()
  window.location.hash = ''
  window.localStorage.clear()
})

describe('the chart fields (issue 19, item 5)', () => {
  it('are typed in the form’s Chart section, saved, shown on the page, and come back into the form to edit', async () => {
    const onSaved = vi.fn()
    const { unmount, api } = renderWithApi(<PatientForm opened onClose={() => {}} onSaved={onSaved} />, {
      roster: true,
    })
    fill(screen.getByRole('textbox', { name: /^First name/ }), 'Tom')
    fill(screen.getByRole('textbox', { name: /^Last name/ }), 'Lee')
    const section = screen.getByRole('group', { name: 'Chart' })
    fill(within(section).getByRole('textbox', { name: /^Precautions \/ contraindications/ }), chart.precautions)
    fill(within(section).getByLabelText('Date of surgery or onset'), chart.onsetDate)
    await userEvent.click(within(section).getByText('Onset'))
    fill(within(section).getByLabelText('Next appointment'), chart.nextAppointment)
    fill(within(section).getByRole('textbox', { name: 'Insurance member ID' }), chart.memberId)
    fill(within(section).getByRole('textbox', { name: 'Authorised visits' }), '12')
    await userEvent.click(screen.getByRole('button', { name: 'Add patient' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(api.createPatient).toHaveBeenCalledWith(expect.objectContaining(chart))
    const saved = onSaved.mock.calls[0]![0] as Patient
    expect(saved).toMatchObject(chart)
    unmount()

    // The page shows each of them.
    const page = renderWithApi(<PatientDetailsCard patient={saved} />)
    expect(screen.getByText('Onset: May 4, 2026')).toBeInTheDocument()
    expect(screen.getByText('Jul 1, 2026')).toBeInTheDocument()
    expect(screen.getByText('XJH 123-456')).toBeInTheDocument()
    expect(screen.getByText('12')).toBeInTheDocument()
    expect(screen.getByText(/No hip flexion past 90°\.\s+No adduction past midline\./)).toBeInTheDocument()
    page.unmount()

    // Editing: the form opens with them, and an emptied field is saved as not given.
    const onEdited = vi.fn()
    renderWithApi(<PatientForm opened patient={saved} onClose={() => {}} onSaved={onEdited} />, { api, roster: true })
    const again = screen.getByRole('group', { name: 'Chart' })
    expect(within(again).getByRole('textbox', { name: 'Insurance member ID' })).toHaveValue('XJH 123-456')
    expect(within(again).getByRole('textbox', { name: 'Authorised visits' })).toHaveValue('12')
    expect(within(again).getByLabelText('Date of surgery or onset')).toHaveValue('2026-05-04')
    expect(within(again).getByLabelText('Next appointment')).toHaveValue('2026-07-01')
    fill(within(again).getByRole('textbox', { name: 'Insurance member ID' }), '')
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(onEdited).toHaveBeenCalledTimes(1))
    const edited = onEdited.mock.calls[0]![0] as Patient
    const { memberId: _emptied, ...kept } = chart
    expect(edited).not.toHaveProperty('memberId')
    expect(edited).toMatchObject(kept)
  }, 60_000)

  it('refuses a surgery date in the future by the field, and keeps the visit count within 1–200', async () => {
    const { api } = renderWithApi(<PatientForm opened onClose={() => {}} onSaved={() => {}} />, { roster: true })
    fill(screen.getByRole('textbox', { name: /^First name/ }), 'Tom')
    fill(screen.getByRole('textbox', { name: /^Last name/ }), 'Lee')
    const section = screen.getByRole('group', { name: 'Chart' })
    // Surgery or onset is chosen with a date, not alone.
    expect(within(section).getByRole('radio', { name: 'Onset' })).toBeDisabled()
    fill(within(section).getByLabelText('Date of surgery or onset'), '2999-01-01')
    expect(within(section).getByRole('radio', { name: 'Onset' })).toBeEnabled()
    fill(within(section).getByRole('textbox', { name: 'Authorised visits' }), '250')
    await userEvent.click(screen.getByRole('button', { name: 'Add patient' }))
    expect(await screen.findByText('The date of surgery or onset cannot be in the future.')).toBeInTheDocument()
    // The visit count cannot be typed past 200: the input brings it back to the most allowed as it is left.
    expect(within(section).getByRole('textbox', { name: 'Authorised visits' })).toHaveValue('200')
    expect(api.createPatient).not.toHaveBeenCalled()
  }, 30_000)

  it('finds a patient by insurance member ID in the roster search, typed with or without its spaces and dashes', async () => {
    const api = fakeApi()
    await api.createPatient(patientInput({ firstName: 'Anna', lastName: 'Kowalski', chartNumber: 'C-1', ...chart }))
    await api.createPatient(patientInput({ firstName: 'Tom', lastName: 'Lee', chartNumber: 'C-2', memberId: 'QQ-9' }))
    renderWithApi(<RosterList onNew={() => {}} />, { api, roster: true })
    expect(await screen.findByRole('link', { name: 'Lee, Tom' })).toBeInTheDocument()
    const search = screen.getByRole('textbox', { name: 'Search patients' })
    for (const query of ['xjh 123-456', 'XJH123456']) {
      fill(search, query)
      await waitFor(() => expect(screen.queryByRole('link', { name: 'Lee, Tom' })).toBeNull())
      expect(screen.getByRole('link', { name: 'Kowalski, Anna' })).toBeInTheDocument()
    }
  }, 30_000)

  it('shows the precautions as a banner at the top of the builder and the weeks since surgery by the title', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 5, 15, 10, 0) })
    const api = fakeApi()
    const created = await api.createPatient(patientInput({ ...chart, onsetKind: 'surgery', onsetDate: '2026-05-04' }))
    const plain = await api.createPatient(patientInput({ firstName: 'Tom', lastName: 'Lee', chartNumber: 'C-2' }))
    if (!created.ok || !plain.ok) throw new Error('setup failed')
    window.location.hash = `#/program/${created.value.id}`
    const { unmount } = render(<App api={api} />)
    const banner = await screen.findByTestId('precautions', {}, { timeout: 30_000 })
    expect(banner).toHaveTextContent('Precautions: No hip flexion past 90°.')
    expect(banner).toHaveTextContent('For you only: not printed on the handout.')
    // 2026-05-04 to 2026-06-15 is 42 days.
    expect(screen.getByText('6 weeks since surgery')).toBeInTheDocument()
    unmount()

    window.location.hash = `#/program/${plain.value.id}`
    render(<App api={api} />)
    expect(await screen.findByRole('textbox', { name: 'Program title' }, { timeout: 30_000 })).toBeInTheDocument()
    expect(screen.queryByTestId('precautions')).toBeNull()
    expect(screen.queryByText(/since surgery|since onset/)).toBeNull()
  }, 90_000)
})
