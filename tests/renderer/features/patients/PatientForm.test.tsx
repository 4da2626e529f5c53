import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../../../src/app/App'
import type { Patient } from '../../../../src/core/patient'
import { PatientForm } from '../../../../src/features/patients/PatientForm'
import { patientInput } from '../../../support/patients'
import { fakeApi, type FakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

/** The form as the app mounts it, open. */
const renderForm = (
  api: FakeApi,
  { onClose = () => {}, onSaved = () => {} }: { onClose?: () => void; onSaved?: (p: Patient) => void } = {},
) => renderWithApi(<PatientForm opened onClose={onClose} onSaved={onSaved} />, { api, roster: true })

const field = (name: string) => screen.getByRole('textbox', { name: new RegExp(`^${name}`) })
/** Typing a whole value at once (userEvent.type is a keystroke at a time, too slow for a busy test machine). */
const fill = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })

afterEach(() => {
  window.location.hash = ''
})

describe('the patient form', () => {
  it('shows a duplicate chart number once, by the chart field', async () => {
    const api = fakeApi()
    await api.createPatient(patientInput({ firstName: 'Anna', lastName: 'Kowalski', chartNumber: 'MRN-1001' }))
    renderForm(api)
    fill(field('First name'), 'Tom')
    fill(field('Last name'), 'Lee')
    fill(field('Chart / MRN number'), 'MRN-1001')
    await userEvent.click(screen.getByRole('button', { name: 'Add patient' }))
    expect(await screen.findByText('Chart number MRN-1001 is already used by Anna Kowalski.')).toBeInTheDocument()
    // Give a pop-up time to appear if one were shown.
    await new Promise((r) => setTimeout(r, 300))
    expect(screen.getAllByText(/is already used by/)).toHaveLength(1)
    expect(field('Chart / MRN number')).toHaveAccessibleDescription(/already used by Anna Kowalski/)
  }, 20_000)

  it('warns about a patient with the same name and birth date, and adds them anyway when asked', async () => {
    const api = fakeApi()
    await api.createPatient(
      patientInput({ firstName: 'Anna', lastName: 'Kowalski', dateOfBirth: '1956-03-14', chartNumber: 'MRN-1001' }),
    )
    const onSaved = vi.fn()
    renderForm(api, { onSaved })
    await waitFor(() => expect(api.listPatients).toHaveBeenCalled())
    fill(field('First name'), 'anna')
    fill(field('Last name'), 'Kowalski ')
    fill(screen.getByLabelText('Date of birth'), '1956-03-14')
    await userEvent.click(screen.getByRole('button', { name: 'Add patient' }))
    expect(
      await screen.findByText(/A patient named Anna Kowalski born .*1956 already exists\. Add anyway\?/),
    ).toBeInTheDocument()
    expect(api.createPatient).toHaveBeenCalledTimes(1)
    await userEvent.click(screen.getByRole('button', { name: 'Add anyway' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(api.createPatient).toHaveBeenCalledTimes(2)
  }, 20_000)

  it('asks before Esc discards a half-filled new patient, and closes at once when nothing was typed', async () => {
    const onClose = vi.fn()
    const { unmount } = renderForm(fakeApi(), { onClose })
    fill(field('First name'), 'Tom')
    await userEvent.keyboard('{Escape}')
    expect(await screen.findByText('Discard this new patient?')).toBeInTheDocument()
    expect(onClose).not.toHaveBeenCalled()
    await userEvent.click(screen.getByRole('button', { name: 'Keep editing' }))
    expect(field('First name')).toHaveValue('Tom')
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Discard' }))
    expect(onClose).toHaveBeenCalledTimes(1)
    unmount()

    const onEmptyClose = vi.fn()
    renderForm(fakeApi(), { onClose: onEmptyClose })
    await userEvent.click(field('First name'))
    await userEvent.keyboard('{Escape}')
    expect(onEmptyClose).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('Discard this new patient?')).not.toBeInTheDocument()
  }, 20_000)

  it('offers the roster’s therapists when editing a patient, as when adding one', async () => {
    const api = fakeApi()
    await api.createPatient(patientInput({ chartNumber: 'MRN-1', therapist: 'Sam Park, PT' }))
    const created = await api.createPatient(patientInput({ firstName: 'Tom', lastName: 'Lee', chartNumber: 'MRN-2' }))
    if (!created.ok) throw new Error('setup failed')
    window.location.hash = `#/patients/${created.value.id}`
    render(<App api={api} />)
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }))
    const dialog = await screen.findByRole('dialog')
    const therapist = within(dialog).getByRole('combobox', { name: 'Assigned therapist' })
    const options = document.getElementById(therapist.getAttribute('list')!)!.querySelectorAll('option')
    expect([...options].map((o) => o.value)).toEqual(['Sam Park, PT'])
    // Saving an edit still names the revision it was opened at.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() =>
      expect(api.updatePatient).toHaveBeenCalledWith(
        expect.objectContaining({ id: created.value.id, revision: created.value.revision }),
      ),
    )
    // The save finishes (and the form closes) before the test ends, so nothing updates a torn-down page.
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  }, 20_000)
})
