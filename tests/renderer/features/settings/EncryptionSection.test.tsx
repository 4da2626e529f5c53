import { notifications } from '@mantine/notifications'
import { fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { EncryptionGate } from '../../../../src/app/encryption-context'
import { SettingsPage } from '../../../../src/features/settings/SettingsPage'
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
})
