import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../../src/app/App'
import { patientInput } from '../../support/patients'
import { fakeApi } from '../fake-api'

const PASSPHRASE = 'blue heron quiet river'

describe('an encrypted data folder at start', () => {
  afterEach(() => void (window.location.hash = ''))

  it('shows only the passphrase screen, says a wrong passphrase, and opens the app with the right one', async () => {
    const first = fakeApi()
    await first.createPatient(patientInput({ firstName: 'Marisol', lastName: 'Quintanilla' }))
    const on = await first.turnOnEncryption({ passphrase: PASSPHRASE, remember: false })
    expect(on.ok).toBe(true)

    // The app started again on the same folder.
    const api = fakeApi({}, first.dataDir)
    render(<App api={api} />)
    const field = await screen.findByLabelText('Clinic passphrase', {}, { timeout: 10_000 })
    expect(screen.getByText(/No one can open this data without it/)).toBeInTheDocument()
    expect(document.body.textContent).not.toContain('Quintanilla')
    expect(api.listPatients).not.toHaveBeenCalled()

    fireEvent.change(field, { target: { value: 'not the clinic passphrase' } })
    await userEvent.click(screen.getByRole('button', { name: 'Open' }))
    expect(
      await screen.findByText(/That passphrase does not open this data folder/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
    fireEvent.change(field, { target: { value: PASSPHRASE } })
    await userEvent.click(screen.getByRole('button', { name: 'Open' }))
    expect(await screen.findByText(/Quintanilla/, {}, { timeout: 20_000 })).toBeInTheDocument()
    expect(screen.queryByLabelText('Clinic passphrase')).toBeNull()
  }, 60_000)

  it('with the folder encrypted, Ctrl+L locks the window without a PIN and the passphrase opens it', async () => {
    const api = fakeApi()
    await api.createPatient(patientInput({ firstName: 'Marisol', lastName: 'Quintanilla' }))
    await api.turnOnEncryption({ passphrase: PASSPHRASE, remember: false })
    render(<App api={api} />)
    expect(await screen.findByText(/Quintanilla/, {}, { timeout: 20_000 })).toBeInTheDocument()
    fireEvent.keyDown(window, { key: 'l', ctrlKey: true })
    const field = await screen.findByLabelText('Clinic passphrase')
    expect(screen.getByText('Homeplan is locked. Enter the clinic passphrase to continue.')).toBeInTheDocument()
    expect(document.body.textContent).not.toContain('Quintanilla')
    fireEvent.change(field, { target: { value: PASSPHRASE } })
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByText(/Quintanilla/, {}, { timeout: 20_000 })).toBeInTheDocument()
  }, 60_000)
})
