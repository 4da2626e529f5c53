import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SettingsPage } from '../../../../src/features/settings/SettingsPage'
import { renderWithApi } from '../../render-with-api'

describe('patient names in file names and PDF titles, in Settings → Handouts', () => {
  it('starts at initials and date, and saves full names when chosen', async () => {
    const { api, user } = renderWithApi(<SettingsPage />, { roster: true })
    await screen.findByRole('radiogroup', { name: 'Patient names in file names and PDF titles' })
    expect(screen.getByRole('radio', { name: 'Initials and date' })).toBeChecked()

    await user.click(screen.getByRole('radio', { name: 'Full name' }))
    expect(api.updateSettings).toHaveBeenLastCalledWith({ namesInFiles: 'full' })
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Full name' })).toBeChecked())
    const saved = await api.getSettings()
    expect(saved.ok && saved.value).toMatchObject({ namesInFiles: 'full' })
  }, 30_000)
})
