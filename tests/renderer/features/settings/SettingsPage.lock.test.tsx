import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { notifications } from '@mantine/notifications'
import { beforeEach, describe, expect, it } from 'vitest'
import { SettingsPage } from '../../../../src/features/settings/SettingsPage'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('lock after inactivity, in Settings', () => {
  // Pop-ups are kept app-wide: one from the last test would answer for this one's.
  beforeEach(() => notifications.clean())

  it('explains that a PIN is needed first, sets one, then saves the idle time', async () => {
    const { api, user } = renderWithApi(<SettingsPage />, { roster: true })
    await screen.findByRole('radiogroup', { name: 'Lock after' })
    expect(screen.getByText(/Locking needs a clinic PIN first/)).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: '5 minutes' })).toBeDisabled()
    expect(screen.getByRole('radio', { name: 'Off' })).toBeChecked()

    fill('Clinic PIN (4–12 digits)', '12ab')
    fill('Repeat the PIN', '12ab')
    await user.click(screen.getByRole('button', { name: 'Set PIN' }))
    expect(await screen.findByText('The PIN is 4 to 12 digits.')).toBeInTheDocument()
    fill('Clinic PIN (4–12 digits)', '2580')
    fill('Repeat the PIN', '2581')
    await user.click(screen.getByRole('button', { name: 'Set PIN' }))
    expect(await screen.findByText('The two PINs are not the same.')).toBeInTheDocument()
    expect(api.setLockPin).not.toHaveBeenCalled()

    fill('Repeat the PIN', '2580')
    await user.click(screen.getByRole('button', { name: 'Set PIN' }))
    expect(await screen.findByText('Clinic PIN saved.')).toBeInTheDocument()
    expect(api.setLockPin).toHaveBeenLastCalledWith({ pin: '2580' })
    expect(screen.queryByText(/Locking needs a clinic PIN first/)).toBeNull()

    await user.click(screen.getByRole('radio', { name: '5 minutes' }))
    expect(api.updateSettings).toHaveBeenLastCalledWith({ lockAfterMinutes: 5 })
    await waitFor(() => expect(screen.getByRole('radio', { name: '5 minutes' })).toBeChecked())
    const saved = await api.getSettings()
    expect(saved.ok && saved.value.lockAfterMinutes).toBe(5)
  }, 60_000)

  it('asks for the current PIN to change it and says when it is wrong', async () => {
    const api = fakeApi()
    await api.setLockPin({ pin: '2580' })
    const { user } = renderWithApi(<SettingsPage />, { api, roster: true })
    await screen.findByLabelText('Current PIN')
    fill('Current PIN', '9999')
    fill('New PIN (4–12 digits)', '1357')
    fill('Repeat the PIN', '1357')
    await user.click(screen.getByRole('button', { name: 'Change PIN' }))
    expect(await screen.findByText('That is not the current PIN.')).toBeInTheDocument()
    fill('Current PIN', '2580')
    await user.click(screen.getByRole('button', { name: 'Change PIN' }))
    expect(await screen.findByText('Clinic PIN saved.')).toBeInTheDocument()
    // Saved: the fields are emptied.
    await waitFor(() => expect(screen.getByLabelText('Current PIN')).toHaveValue(''))
    expect(api.setLockPin).toHaveBeenLastCalledWith({ pin: '1357', current: '2580' })
    const check = await api.verifyPin({ pin: '1357' })
    expect(check.ok && check.value).toEqual({ unlocked: true })
  }, 60_000)

  it('removes the PIN only with the current one, saying first that lock after inactivity goes off too', async () => {
    const api = fakeApi()
    await api.setLockPin({ pin: '2580' })
    await api.updateSettings({ lockAfterMinutes: 10 })
    const { user } = renderWithApi(<SettingsPage />, { api, roster: true })
    await waitFor(() => expect(screen.getByRole('radio', { name: '10 minutes' })).toBeChecked())
    await user.click(screen.getByRole('button', { name: 'Remove PIN…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove the clinic PIN?' })
    expect(dialog).toHaveTextContent(/lock after inactivity is turned off too/)
    fireEvent.change(within(dialog).getByLabelText('Current PIN'), { target: { value: '9999' } })
    await user.click(within(dialog).getByRole('button', { name: 'Remove PIN' }))
    expect(await within(dialog).findByText('That is not the current PIN.')).toBeInTheDocument()
    expect(await api.getLockStatus()).toMatchObject({ ok: true, value: { pinSet: true } })

    fireEvent.change(within(dialog).getByLabelText('Current PIN'), { target: { value: '2580' } })
    await user.click(within(dialog).getByRole('button', { name: 'Remove PIN' }))
    expect(await screen.findByText('Clinic PIN removed. Lock after inactivity is off.')).toBeInTheDocument()
    expect(api.removeLockPin).toHaveBeenLastCalledWith({ current: '2580' })
    expect(await screen.findByText(/Locking needs a clinic PIN first/)).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Off' })).toBeChecked()
    expect(screen.queryByRole('button', { name: 'Remove PIN…' })).toBeNull()
    const saved = await api.getSettings()
    expect(saved.ok && saved.value.lockAfterMinutes).toBe(0)
    expect(await api.getLockStatus()).toMatchObject({ ok: true, value: { pinSet: false } })
  }, 60_000)
})
