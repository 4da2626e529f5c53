import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../src/app/App'
import { LockProvider } from '../../../src/app/lock-context'
import { PatientForm } from '../../../src/features/patients/PatientForm'
import type { Patient } from '../../../src/core/patient'
import { patientInput } from '../../support/patients'
import { fakeApi, type FakeApi } from '../fake-api'
import { renderWithApi } from '../render-with-api'
import { handClock } from '../hand-clock'

const PIN = '482916'

async function clinicWithPatient(): Promise<{ api: FakeApi; patient: Patient }> {
  const api = fakeApi()
  await api.setLockPin({ pin: PIN })
  const created = await api.createPatient(patientInput({ firstName: 'Marisol', lastName: 'Quintanilla' }))
  if (!created.ok) throw new Error(created.error.message)
  return { api, patient: created.value }
}

const pressCtrlL = () => fireEvent.keyDown(window, { key: 'l', ctrlKey: true })

async function unlock(pin: string) {
  fireEvent.change(await screen.findByLabelText('Clinic PIN'), { target: { value: pin } })
  await userEvent.click(screen.getByRole('button', { name: 'Unlock' }))
}

describe('the lock', () => {
  beforeEach(() => void (document.title = 'Homeplan'))
  afterEach(() => void (window.location.hash = ''))

  it('on Ctrl+L unmounts every page: no patient data in the DOM or the title; the PIN brings the edit form back as typed', async () => {
    const { api, patient } = await clinicWithPatient()
    window.location.hash = `#/patients/${patient.id}`
    render(<App api={api} />)
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }, { timeout: 10_000 }))
    const dialog = await screen.findByRole('dialog', { name: /Edit Marisol Quintanilla/ })
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^First name/ }), { target: { value: 'Marisela' } })

    pressCtrlL()
    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeInTheDocument()
    expect(document.body.textContent).not.toMatch(/Marisol|Marisela|Quintanilla/)
    expect(document.body.innerHTML).not.toMatch(/Marisol|Marisela|Quintanilla/)
    expect(screen.queryByRole('navigation')).toBeNull()
    expect(document.title).toBe('Homeplan')

    await unlock('111111')
    expect(await screen.findByText('That is not the clinic PIN.')).toBeInTheDocument()
    expect(document.body.textContent).not.toMatch(/Quintanilla/)
    expect(api.verifyPin).toHaveBeenLastCalledWith({ pin: '111111' })

    await unlock(PIN)
    const back = await screen.findByRole('dialog', { name: /Edit Marisol Quintanilla/ }, { timeout: 10_000 })
    expect(within(back).getByRole('textbox', { name: /^First name/ })).toHaveValue('Marisela')
  }, 60_000)

  it('locks with the Lock now button and gives the builder’s unsaved program back after unlock', async () => {
    const { api, patient } = await clinicWithPatient()
    window.location.hash = `#/program/${patient.id}`
    render(<App api={api} />)
    const title = await screen.findByRole('textbox', { name: 'Program title' }, { timeout: 15_000 })
    fireEvent.change(title, { target: { value: 'Knee week 3 for Marisol' } })
    await waitFor(() => expect(window.localStorage.length).toBeGreaterThan(0))
    await userEvent.click(screen.getByRole('button', { name: 'Lock now (Ctrl+L)' }))
    await screen.findByRole('button', { name: 'Unlock' })
    expect(document.body.textContent).not.toMatch(/Marisol|Quintanilla/)
    await unlock(PIN)
    expect(await screen.findByRole('textbox', { name: 'Program title' }, { timeout: 15_000 })).toHaveValue(
      'Knee week 3 for Marisol',
    )
  }, 60_000)

  it('does not lock without a PIN, and shows Lock now only once one is set', async () => {
    const api = fakeApi()
    await api.createPatient(patientInput({ firstName: 'Marisol', lastName: 'Quintanilla' }))
    render(<App api={api} />)
    expect(await screen.findByText(/Quintanilla/, undefined, { timeout: 10_000 })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Lock now/ })).toBeNull()
    pressCtrlL()
    await new Promise((r) => setTimeout(r, 100))
    expect(screen.queryByRole('button', { name: 'Unlock' })).toBeNull()
    expect(document.body.textContent).toMatch(/Quintanilla/)
  }, 20_000)

  it('locks after the idle time set in Settings, on its clock, not before', async () => {
    const api = fakeApi()
    await api.setLockPin({ pin: PIN })
    await api.updateSettings({ lockAfterMinutes: 10 })
    const { clock, time } = handClock()
    renderWithApi(
      <LockProvider clock={clock}>
        <p>Marisol Quintanilla</p>
      </LockProvider>,
      { api },
    )
    // The timer starts once the PIN and the setting are known.
    await waitFor(() => expect(time.timers.map((t) => t.at)).toContain(10 * 60_000))
    time.now = 10 * 60_000 - 1
    act(() => time.timers.find((t) => t.at === 10 * 60_000)!.run())
    expect(screen.getByText('Marisol Quintanilla')).toBeInTheDocument()
    time.now = 10 * 60_000
    act(() => time.timers.at(-1)!.run())
    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeInTheDocument()
    expect(document.body.textContent).not.toMatch(/Quintanilla/)
    await unlock(PIN)
    expect(await screen.findByText('Marisol Quintanilla')).toBeInTheDocument()
  }, 20_000)

  it('tells main when it locks: main refuses data until the PIN, and a window reloaded meanwhile shows the lock screen', async () => {
    const { api } = await clinicWithPatient()
    const shell = () => (
      <LockProvider>
        <p>Marisol Quintanilla</p>
      </LockProvider>
    )
    const first = renderWithApi(shell(), { api })
    await waitFor(() => expect(api.getLockStatus).toHaveBeenCalled())
    // Ctrl+L locks once the window knows a PIN is set.
    await waitFor(
      () => {
        pressCtrlL()
        expect(screen.getByRole('button', { name: 'Unlock' })).toBeInTheDocument()
      },
      { timeout: 5000 },
    )
    await waitFor(() => expect(api.lockNow).toHaveBeenCalled())
    expect(await api.listPatients()).toMatchObject({ ok: false, error: { code: 'locked' } })

    first.unmount()
    renderWithApi(shell(), { api })
    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeInTheDocument()
    expect(document.body.textContent).not.toMatch(/Quintanilla/)
    await unlock(PIN)
    expect(await screen.findByText('Marisol Quintanilla')).toBeInTheDocument()
    expect(await api.listPatients()).toMatchObject({ ok: true })
  }, 30_000)

  it('a window opened while main is locked shows only the lock screen, with no failure pop-up, then the roster after the PIN', async () => {
    const { api } = await clinicWithPatient()
    await api.lockNow()
    render(<App api={api} />)
    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeInTheDocument()
    // The pages' first calls were refused as locked: not reported as failures, and nothing of the roster shown.
    await waitFor(() => expect(api.getSettings).toHaveBeenCalled())
    await new Promise((r) => setTimeout(r, 100))
    expect(document.body.textContent).not.toMatch(/Quintanilla|could not|nothing was read/)
    await unlock(PIN)
    expect(await screen.findByText(/Quintanilla/, undefined, { timeout: 10_000 })).toBeInTheDocument()
  }, 30_000)

  it('keeps a patient form only for the lock: one left any other way opens empty next time', async () => {
    const api = fakeApi()
    const form = () => <PatientForm opened onClose={() => {}} onSaved={() => {}} />
    const first = renderWithApi(form(), { api, roster: true })
    const firstName = () => screen.getByRole('textbox', { name: /^First name/ })
    fireEvent.change(await waitFor(firstName), { target: { value: 'Marisol' } })
    first.unmount()
    renderWithApi(form(), { api, roster: true })
    expect(await waitFor(firstName)).toHaveValue('')
  }, 60_000)

  it('asks who is working when the clinic has therapists, and the unlock names them to main', async () => {
    const { api } = await clinicWithPatient()
    await api.updateSettings({ therapists: [{ name: 'Dana Whitfield', credentials: 'PT' }] })
    render(<App api={api} />)
    expect(await screen.findByText(/Quintanilla/, undefined, { timeout: 10_000 })).toBeInTheDocument()
    pressCtrlL()
    const who = await screen.findByRole('combobox', { name: 'Working as' })
    expect(who).toHaveValue('')
    await userEvent.selectOptions(who, 'Dana Whitfield')
    await unlock(PIN)
    expect(await screen.findByText(/Quintanilla/, undefined, { timeout: 10_000 })).toBeInTheDocument()
    expect(api.verifyPin).toHaveBeenLastCalledWith({ pin: PIN, workingAs: 'Dana Whitfield' })
    expect(await api.getWorkingAs()).toEqual({ ok: true, value: { name: 'Dana Whitfield' } })
  }, 30_000)

  it('offers the OS confirmation (Touch ID) beside the PIN where main says it can, and opens with it', async () => {
    const answers = [false, true]
    const api = fakeApi({}, undefined, { osConfirm: { available: () => true, confirm: async () => answers.shift()! } })
    await api.setLockPin({ pin: PIN })
    await api.createPatient(patientInput({ firstName: 'Marisol', lastName: 'Quintanilla' }))
    render(<App api={api} />)
    expect(await screen.findByText(/Quintanilla/, undefined, { timeout: 10_000 })).toBeInTheDocument()
    pressCtrlL()
    await userEvent.click(await screen.findByRole('button', { name: 'Use Touch ID' }))
    expect(await screen.findByText(/Touch ID did not confirm you/)).toBeInTheDocument()
    expect(document.body.textContent).not.toMatch(/Quintanilla/)
    await userEvent.click(screen.getByRole('button', { name: 'Use Touch ID' }))
    expect(await screen.findByText(/Quintanilla/, undefined, { timeout: 10_000 })).toBeInTheDocument()
  }, 30_000)
})
