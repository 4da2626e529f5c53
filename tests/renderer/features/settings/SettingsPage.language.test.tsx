import { screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { SettingsPage } from '../../../../src/features/settings/SettingsPage'
import { systemLanguage, uiI18n } from '../../../../src/i18n/ui'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

afterEach(async () => {
  await uiI18n.changeLanguage('en')
})

/** No English text of the settings' own chrome anywhere on the page. */
const noEnglish = (...texts: string[]) => {
  for (const text of texts) expect(screen.queryAllByText(text, { exact: false }), text).toHaveLength(0)
}

describe('the language of the screens, in Settings', () => {
  it('saves the language chosen and shows the screens in it at once, then follows the system again', async () => {
    const { api, user } = renderWithApi(<SettingsPage />, { roster: true })
    const choice = await screen.findByRole('radiogroup', { name: 'Language of the screens' })
    // None saved yet: the system's.
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked()

    await user.click(screen.getByRole('radio', { name: 'Español' }))
    expect(api.updateSettings).toHaveBeenLastCalledWith({ language: 'es' })
    await waitFor(() => expect(uiI18n.language).toBe('es'))
    expect(await screen.findByRole('heading', { name: 'Configuración' })).toBeInTheDocument()
    expect(choice).toHaveAccessibleName('Idioma de las pantallas')
    expect(screen.getByRole('radio', { name: 'Español' })).toBeChecked()
    expect(screen.getByRole('button', { name: 'Guardar datos de la clínica' })).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Letra grande' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Hacer copia ahora' })).toBeInTheDocument()
    noEnglish(
      'Settings',
      'Appearance',
      'Colour scheme',
      'Save clinic details',
      'Back up now',
      'Large print',
      'Clinic name',
    )
    const saved = await api.getSettings()
    expect(saved.ok && saved.value.language).toBe('es')

    await user.click(screen.getByRole('radio', { name: 'Sistema' }))
    expect(api.updateSettings).toHaveBeenLastCalledWith({ language: 'system' })
    await waitFor(() => expect(uiI18n.language).toBe(systemLanguage()))
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeInTheDocument()
  })

  it('shows the saved language chosen when the page opens', async () => {
    const api = fakeApi()
    const updated = await api.updateSettings({ language: 'en' })
    if (!updated.ok) throw new Error(updated.error.message)
    renderWithApi(<SettingsPage />, { api, roster: true })
    expect(await screen.findByRole('radio', { name: 'English' })).toBeChecked()
    expect(screen.getByRole('radio', { name: 'System' })).not.toBeChecked()
  })

  it('words the clinic name’s required message in Spanish when the screens are', async () => {
    await uiI18n.changeLanguage('es')
    const { user } = renderWithApi(<SettingsPage />, { roster: true })
    await user.click(await screen.findByRole('button', { name: 'Guardar datos de la clínica' }))
    expect(await screen.findByText('Escriba el nombre de la clínica: encabeza cada hoja.')).toBeInTheDocument()
    noEnglish('Enter the clinic’s name')
  })
})
