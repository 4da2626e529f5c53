import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { handoutLayouts, layoutLabels } from '../../../../src/core/handout-options'
import type { Settings, SettingsPatch } from '../../../../src/core/settings'
import { ClinicSection } from '../../../../src/features/settings/ClinicSection'
import { makePng } from '../../../support/images'
import { fakeApi, type FakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

const settingsOf = async (api: FakeApi, patch?: SettingsPatch) => {
  const result = patch ? await api.updateSettings(patch) : await api.getSettings()
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** The section as the settings page shows it, with the saved settings. */
const renderSection = (api: FakeApi, settings: Settings, onSaved = vi.fn()) =>
  renderWithApi(<ClinicSection settings={settings} onSaved={onSaved} />, { api })

const box = (name: string) => screen.getByRole('textbox', { name })
/** Typing a whole value at once (userEvent.type is a keystroke at a time, too slow for a busy test machine). */
const fill = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })
/** Give a pop-up time to appear if one were shown. */
const settle = () => new Promise((r) => setTimeout(r, 300))

describe('the clinic section of the settings', () => {
  it('saves exactly what was typed, leaving out emptied fields and empty therapist rows', async () => {
    const api = fakeApi()
    const settings = await settingsOf(api, {
      clinic: { name: 'Riverside PT', address: '1 Main St', layout: 'detailed' },
      therapists: [{ name: 'Sam Park', credentials: 'PT', phone: '555-0100' }],
    })
    const onSaved = vi.fn()
    const { user } = renderSection(api, settings, onSaved)
    expect(box('Clinic name')).toHaveValue('Riverside PT')
    fill(box('Clinic name'), ' Riverside Physical Therapy ')
    fill(box('Address'), '  ')
    fill(box('Phone patients should call'), '(206) 555-0142')
    await user.click(screen.getByRole('radio', { name: 'Large print' }))
    await user.click(screen.getByRole('button', { name: 'Add a therapist' }))
    fill(box('Therapist 2 name'), 'Ana Ruiz')
    fill(box('Therapist 2 credentials'), 'DPT')
    await user.click(screen.getByRole('button', { name: 'Add a therapist' }))
    await user.click(screen.getByRole('button', { name: 'Save clinic details' }))
    expect(await screen.findByText('Clinic details saved.')).toBeInTheDocument()
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      clinic: { name: 'Riverside Physical Therapy', phone: '(206) 555-0142', layout: 'large' },
      // The phone the form does not show is kept.
      therapists: [
        { name: 'Sam Park', credentials: 'PT', phone: '555-0100' },
        { name: 'Ana Ruiz', credentials: 'DPT' },
      ],
    })
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ clinic: expect.objectContaining({ layout: 'large' }) }),
    )
    // The empty row is gone, as it is from what was saved.
    expect(screen.queryByRole('textbox', { name: 'Therapist 3 name' })).toBeNull()
  }, 20_000)

  it('shows each problem by its own field and saves nothing', async () => {
    const api = fakeApi()
    const { user } = renderSection(api, await settingsOf(api))
    await user.click(screen.getByRole('button', { name: 'Add a therapist' }))
    fill(box('Therapist 1 credentials'), 'PT')
    fill(box('Website'), 'riverside\u202Ept')
    await user.click(screen.getByRole('button', { name: 'Save clinic details' }))
    expect(await screen.findByText('Enter the clinic’s name: it heads every handout.')).toBeInTheDocument()
    expect(box('Clinic name')).toHaveAccessibleDescription('Enter the clinic’s name: it heads every handout.')
    expect(box('Website')).toHaveAccessibleDescription('Website cannot contain hidden text-direction characters.')
    // Credentials without a name were dropped without a word before.
    expect(box('Therapist 1 name')).toHaveAccessibleDescription('Enter the therapist’s name.')
    expect(api.updateSettings).not.toHaveBeenCalled()
  }, 20_000)

  it('puts a refusal from the main process by the field it names, once', async () => {
    const api = fakeApi({
      updateSettings: async () => ({
        ok: false,
        error: { code: 'invalid_argument', field: 'clinic.website', message: 'clinic.website: Website is too long.' },
      }),
    })
    const onSaved = vi.fn()
    const { user } = renderSection(api, {
      ...(await settingsOf(api)),
      clinic: { name: 'Riverside', layout: 'compact' },
    })
    await user.click(screen.getByRole('button', { name: 'Save clinic details' }))
    expect(await screen.findByText('Website is too long.')).toBeInTheDocument()
    await settle()
    expect(screen.getAllByText(/too long/)).toHaveLength(1)
    expect(box('Website')).toHaveAccessibleDescription('Website is too long.')
    expect(onSaved).not.toHaveBeenCalled()
  }, 20_000)

  it('offers the layouts of the core vocabulary, the saved one chosen', async () => {
    const api = fakeApi()
    renderSection(api, await settingsOf(api, { clinic: { name: 'Riverside', layout: 'compact' } }))
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([...handoutLayouts])
    for (const layout of handoutLayouts)
      expect(screen.getByRole('radio', { name: layoutLabels[layout] })).toHaveAttribute('value', layout)
    expect(screen.getByRole('radio', { name: 'Compact' })).toBeChecked()
  }, 20_000)

  it('keeps what was typed when a logo is chosen, and saves both', async () => {
    const api = fakeApi()
    const png = join(api.dataDir, 'logo.png')
    writeFileSync(png, makePng())
    api.dialogs.answers.open.push(png)
    const onSaved = vi.fn()
    const { user } = renderSection(
      api,
      await settingsOf(api, { clinic: { name: 'Riverside', layout: 'detailed' } }),
      onSaved,
    )
    fill(box('Website'), 'riversidept.example')
    await user.click(screen.getByRole('button', { name: 'Choose logo (PNG or JPEG)…' }))
    expect(await screen.findByRole('img', { name: 'Clinic logo' })).toBeInTheDocument()
    const logo = onSaved.mock.calls[0]![0].clinic.logo as string
    expect(logo).toMatch(/\S/)
    // Choosing the logo used to put back the saved clinic, throwing away the website typed.
    expect(box('Website')).toHaveValue('riversidept.example')
    await user.click(screen.getByRole('button', { name: 'Save clinic details' }))
    await waitFor(() =>
      expect(api.updateSettings).toHaveBeenLastCalledWith({
        clinic: { name: 'Riverside', website: 'riversidept.example', logo, layout: 'detailed' },
        therapists: [],
      }),
    )
  }, 20_000)

  it('shows a problem with a field it has no input for (a therapist’s phone) above the button', async () => {
    const api = fakeApi()
    const settings = await settingsOf(api)
    const { user } = renderSection(api, {
      ...settings,
      clinic: { name: 'Riverside', layout: 'detailed' },
      therapists: [{ name: 'Sam Park', phone: '555\u202E0100' }],
    })
    await user.click(screen.getByRole('button', { name: 'Save clinic details' }))
    expect(await screen.findByText('Phone cannot contain hidden text-direction characters.')).toBeInTheDocument()
    expect(api.updateSettings).not.toHaveBeenCalled()
  }, 20_000)
})
