import { Button, Checkbox, PasswordInput, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PASSPHRASE_MIN, type EncryptionStatus } from '../core/encryption'
import { useQuietApi } from './api-context'
import { GateCard } from './GateCard'

/**
 * What the window shows while the data folder is encrypted and its key is not in memory: the passphrase field and
 * what to do when it is lost (nothing can open the data without it). The passphrase is checked in main.
 */
export function UnsealScreen({
  canRemember,
  onOpened,
}: {
  canRemember: boolean
  onOpened: (status: EncryptionStatus) => void
}) {
  const api = useQuietApi()
  const { t } = useTranslation('app')
  const [passphrase, setPassphrase] = useState('')
  const [remember, setRemember] = useState(false)
  const [error, setError] = useState<string>()
  const [checking, setChecking] = useState(false)

  const open = async () => {
    if (passphrase.length < PASSPHRASE_MIN) return setError(t('unseal.tooShort', { min: PASSPHRASE_MIN }))
    setChecking(true)
    const result = await api.unlockData({ passphrase, ...(canRemember ? { remember } : {}) })
    setChecking(false)
    if (!result.ok) return setError(result.error.message)
    setPassphrase('')
    onOpened(result.value)
  }

  return (
    <GateCard width={420} message={t('unseal.intro')} onSubmit={() => void open()}>
      <PasswordInput
        label={t('unseal.passphrase')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
        error={error}
        autoComplete="off"
        data-autofocus
        autoFocus
      />
      {canRemember && (
        <Checkbox
          label={t('unseal.remember')}
          checked={remember}
          onChange={(e) => setRemember(e.currentTarget.checked)}
        />
      )}
      <Button type="submit" loading={checking}>
        {t('unseal.open')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('unseal.lost')}
      </Text>
    </GateCard>
  )
}
