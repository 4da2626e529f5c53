import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SettingsPage } from '../../../../src/features/settings/SettingsPage'
import { renderWithApi } from '../../render-with-api'

describe('the load unit, in Settings → Handouts', () => {
  it('follows the paper size until chosen (pounds on US Letter, kilograms on A4), then keeps the choice', async () => {
    const { api, user } = renderWithApi(<SettingsPage />, { roster: true })
    await screen.findByRole('radiogroup', { name: 'Load unit' })
    expect(screen.getByRole('radio', { name: 'Pounds (lb)' })).toBeChecked()

    await user.click(screen.getByRole('radio', { name: 'A4' }))
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Kilograms (kg)' })).toBeChecked())
    expect(api.updateSettings).toHaveBeenLastCalledWith({ paperSize: 'a4' })

    await user.click(screen.getByRole('radio', { name: 'Pounds (lb)' }))
    expect(api.updateSettings).toHaveBeenLastCalledWith({ loadUnit: 'lb' })
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Pounds (lb)' })).toBeChecked())
    const saved = await api.getSettings()
    expect(saved.ok && saved.value).toMatchObject({ paperSize: 'a4', loadUnit: 'lb' })
  }, 30_000)
})
