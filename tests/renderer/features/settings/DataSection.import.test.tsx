import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { NO_OPEN_DIALOG, ScriptedDialogs } from '../../../../electron/bridge/dialogs'
import { fail } from '../../../../src/core/result'
import { SettingsPage } from '../../../../src/features/settings/SettingsPage'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

describe('Import patients… where no file can be chosen (the browser version)', () => {
  it('the bridge used by a person refuses the open dialog in words instead of cancelling it silently', async () => {
    await expect(new ScriptedDialogs('/tmp/x', { refuseOpen: true }).open({ title: 'Import' })).rejects.toThrow(
      NO_OPEN_DIALOG,
    )
    const queued = new ScriptedDialogs('/tmp/x', { refuseOpen: true })
    queued.answers.open.push('/tmp/x/a.json')
    expect(await queued.open({ title: 'Import' })).toBe('/tmp/x/a.json')
    expect(await new ScriptedDialogs('/tmp/x').open({ title: 'Import' })).toBeUndefined()
  })

  it('says the desktop app is needed, as a note rather than an error', async () => {
    const api = fakeApi({ importRoster: async () => fail('forbidden', NO_OPEN_DIALOG) })
    const { user } = renderWithApi(<SettingsPage />, { roster: true, api })
    await user.click(await screen.findByRole('button', { name: 'Import patients…' }))
    expect(await screen.findByText(/Choosing a file to import needs the Homeplan desktop app/)).toBeInTheDocument()
    expect(screen.queryByText('Something went wrong')).toBeNull()
  }, 30_000)
})
