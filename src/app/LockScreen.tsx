import { Button, NativeSelect, PasswordInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from '../core/encryption'
import { PIN_PATTERN } from '../core/settings'
import { useQuietApi } from './api-context'
import { GateCard } from './GateCard'

/**
 * All a locked window shows: the app's name and a PIN field, or with the data folder encrypted the clinic
 * passphrase's. Both are checked in main (verifyPin, unlockData).
 */
export function LockScreen({ onUnlocked, passphrase }: { onUnlocked: () => void; passphrase?: boolean }) {
  const api = useQuietApi()
  const { t } = useTranslation('app')
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string>()
  const [checking, setChecking] = useState(false)
  const [therapists, setTherapists] = useState<string[]>([])
  const [osConfirm, setOsConfirm] = useState(false)
  /** Whom the access log names after unlock ('' = this computer); undefined until main has said. */
  const [who, setWho] = useState<string>()

  useEffect(() => {
    let live = true
    void api.getLockStatus().then((r) => {
      if (!live || !r.ok) return
      setTherapists(r.value.therapists)
      setOsConfirm(r.value.osConfirm && !passphrase)
      setWho(r.value.workingAs ?? '')
    })
    return () => void (live = false)
  }, [api, passphrase])
  const workingAs = who === undefined || therapists.length === 0 ? {} : { workingAs: who === '' ? null : who }

  const unlockWithPassphrase = async () => {
    if (pin.length < PASSPHRASE_MIN) return setError(t('lock.wrongPassphrase'))
    setChecking(true)
    const result = await api.unlockData({ passphrase: pin, ...workingAs })
    setChecking(false)
    setPin('')
    if (!result.ok) return setError(result.error.message)
    onUnlocked()
  }

  const unlockWithOs = async () => {
    setChecking(true)
    const result = await api.unlockWithOs(workingAs)
    setChecking(false)
    if (!result.ok) return setError(result.error.message)
    if (result.value.unlocked) return onUnlocked()
    setError(t('lock.notConfirmed'))
  }

  const unlock = async () => {
    if (passphrase) return unlockWithPassphrase()
    if (!PIN_PATTERN.test(pin)) return setError(t('lock.pinFormat'))
    setChecking(true)
    const result = await api.verifyPin({ pin, ...workingAs })
    setChecking(false)
    setPin('')
    if (!result.ok) return setError(result.error.message)
    if (result.value.unlocked) return onUnlocked()
    setError(result.value.waitSeconds > 0 ? t('lock.wait', { seconds: result.value.waitSeconds }) : t('lock.wrong'))
  }

  return (
    <GateCard
      width={360}
      message={passphrase ? t('lock.lockedSealed') : t('lock.locked')}
      onSubmit={() => void unlock()}
    >
      <PasswordInput
        label={passphrase ? t('lock.passphrase') : t('lock.pin')}
        value={pin}
        onChange={(e) => setPin(e.currentTarget.value)}
        error={error}
        inputMode={passphrase ? 'text' : 'numeric'}
        autoComplete="off"
        maxLength={passphrase ? PASSPHRASE_MAX : 12}
        data-autofocus
        autoFocus
      />
      {therapists.length > 0 && who !== undefined && (
        <NativeSelect
          label={t('lock.workingAs')}
          description={t('lock.workingAsHint')}
          value={who}
          onChange={(e) => setWho(e.currentTarget.value)}
          data={[
            { value: '', label: t('lock.thisComputer') },
            ...therapists.map((name) => ({ value: name, label: name })),
          ]}
        />
      )}
      <Button type="submit" loading={checking}>
        {t('lock.unlock')}
      </Button>
      {osConfirm && (
        <Button variant="default" onClick={() => void unlockWithOs()} disabled={checking}>
          {t('lock.useOs')}
        </Button>
      )}
    </GateCard>
  )
}
