import { notifications } from '@mantine/notifications'
import { fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { EncryptionGate } from '../../../../src/app/encryption-context'
import { SettingsPage } from '../../../../src/features/settings/SettingsPage'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

const PASSPHRASE = 'blue heron quiet river'
const fill = (scope: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } })

describe('encryption in Settings', () => {
  beforeEach(() => notifications.clean())

  it('says what a lost passphrase means before turning it on, checks the entry, then turns it on and off', async () => {
    const { api, user } = renderWithApi(
      <EncryptionGate>
        <SettingsPage />
      </EncryptionGate>,
      { roster: true },
    )
    expect(await screen.findByText('Not encrypted', {}, { timeout: 10_000 })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Turn on encryption…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Encrypt the data folder' })
    expect(within(dialog).getByText('A lost passphrase cannot be recovered')).toBeInTheDocument()

    fill(dialog, 'Clinic passphrase', 'short')
    await user.click(within(dialog).getByRole('button', { name: 'Encrypt' }))
    expect(await within(dialog).findByText('The passphrase is at least 10 characters.')).toBeInTheDocument()
    fill(dialog, 'Clinic passphrase', PASSPHRASE)
    fill(dialog, 'Type it again', `${PASSPHRASE}s`)
    await user.click(within(dialog).getByRole('button', { name: 'Encrypt' }))
    expect(await within(dialog).findByText('The two passphrases differ.')).toBeInTheDocument()
    fill(dialog, 'Type it again', PASSPHRASE)
    await user.click(within(dialog).getByRole('button', { name: 'Encrypt' }))
    expect(await within(dialog).findByText(/Tick this to confirm/)).toBeInTheDocument()
    expect(api.turnOnEncryption).not.toHaveBeenCalled()

    await user.click(within(dialog).getByRole('checkbox', { name: /a lost passphrase means/ }))
    // No keychain in the browser bridge or here: the choice is not offered.
    expect(within(dialog).queryByRole('checkbox', { name: /Remember on this computer/ })).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Encrypt' }))
    expect(await screen.findByText('The data folder is encrypted.', {}, { timeout: 20_000 })).toBeInTheDocument()
    expect(api.turnOnEncryption).toHaveBeenCalledWith({ passphrase: PASSPHRASE, remember: false })
    expect(screen.getByText('Encrypted')).toBeInTheDocument()
    const on = await api.getEncryption()
    expect(on.ok && on.value.on).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Turn off encryption…' }))
    const off = await screen.findByRole('dialog', { name: 'Turn off encryption' })
    fill(off, 'Clinic passphrase', 'not the clinic passphrase')
    await user.click(within(off).getByRole('button', { name: 'Turn off encryption' }))
    expect(
      await within(off).findByText(/That passphrase does not open this data folder/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
    fill(off, 'Clinic passphrase', PASSPHRASE)
    await user.click(within(off).getByRole('button', { name: 'Turn off encryption' }))
    expect(
      await screen.findByText('The data folder is no longer encrypted.', {}, { timeout: 20_000 }),
    ).toBeInTheDocument()
    expect(screen.getByText('Not encrypted')).toBeInTheDocument()
  }, 60_000)

  it('changes the passphrase after asking for the current one, and says what a change does not do', async () => {
    const api = fakeApi()
    await api.turnOnEncryption({ passphrase: PASSPHRASE, remember: false })
    const { user } = renderWithApi(
      <EncryptionGate>
        <SettingsPage />
      </EncryptionGate>,
      { api, roster: true },
    )
    await user.click(await screen.findByRole('button', { name: 'Change passphrase…' }, { timeout: 10_000 }))
    const dialog = await screen.findByRole('dialog', { name: 'Change the clinic passphrase' })
    expect(within(dialog).getByText(/still opens with the old passphrase/)).toBeInTheDocument()
    const NEW = 'grey owl winter lantern'
    fill(dialog, 'Current passphrase', 'not the clinic passphrase')
    fill(dialog, 'New passphrase', NEW)
    fill(dialog, 'Type it again', `${NEW}x`)
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }))
    expect(await within(dialog).findByText('The two passphrases differ.')).toBeInTheDocument()
    fill(dialog, 'Type it again', NEW)
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }))
    expect(
      await within(dialog).findByText(/That passphrase does not open this data folder/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
    fill(dialog, 'Current passphrase', PASSPHRASE)
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }))
    expect(await screen.findByText('The clinic passphrase was changed.', {}, { timeout: 10_000 })).toBeInTheDocument()
    expect(api.changePassphrase).toHaveBeenLastCalledWith({ current: PASSPHRASE, passphrase: NEW })
  }, 60_000)
})
