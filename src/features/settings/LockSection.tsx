import { Alert, Button, Group, PasswordInput, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import { useEncryption } from '../../app/encryption-context'
import { useLock } from '../../app/lock-context'
import { lockAfterChoices, PIN_PATTERN, type LockAfter } from '../../core/settings'
import { RemovePinDialog } from './RemovePinDialog'

/** A PIN typed as digits, hidden, never remembered by the browser. */
function PinField(props: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  return (
    <PasswordInput
      w={210}
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      inputMode="numeric"
      autoComplete="off"
      maxLength={12}
    />
  )
}

/**
 * Lock after inactivity (issue 17): the idle time, and the clinic PIN that opens the locked window. Without a PIN
 * the time cannot be chosen (nothing could open the window again); changing the PIN asks for the current one.
 */
export function LockSection({
  lockAfter,
  onLockAfter,
}: {
  lockAfter: LockAfter | undefined
  onLockAfter: (minutes: LockAfter) => Promise<void>
}) {
  const api = useQuietApi()
  const lock = useLock()
  const { t } = useTranslation('settings')
  const [pinSet, setPinSet] = useState<boolean>()
  const [current, setCurrent] = useState('')
  const [pin, setPin] = useState('')
  const [repeat, setRepeat] = useState('')
  const [errors, setErrors] = useState<{ current?: string; pin?: string; repeat?: string }>({})
  const [saving, setSaving] = useState(false)
  const [removing, setRemoving] = useState(false)
  // An encrypted folder's passphrase opens a locked window too: no PIN needed then.
  const sealed = useEncryption().status?.on === true

  useEffect(() => {
    let live = true
    void api.getLockStatus().then((r) => live && r.ok && setPinSet(r.value.pinSet))
    return () => void (live = false)
  }, [api])

  const savePin = async () => {
    if (!PIN_PATTERN.test(pin)) return setErrors({ pin: t('lock.pinFormat') })
    if (repeat !== pin) return setErrors({ repeat: t('lock.pinsDiffer') })
    if (pinSet && !PIN_PATTERN.test(current)) return setErrors({ current: t('lock.wrongCurrent') })
    setSaving(true)
    const result = await api.setLockPin(pinSet ? { pin, current } : { pin })
    setSaving(false)
    if (!result.ok) {
      return setErrors(
        result.error.field === 'current' ? { current: t('lock.wrongCurrent') } : { pin: result.error.message },
      )
    }
    setErrors({})
    setCurrent('')
    setPin('')
    setRepeat('')
    setPinSet(true)
    lock.configure({ pinSet: true })
    notifications.show({ color: 'teal', message: t('lock.pinSaved') })
  }

  const pinRemoved = () => {
    setRemoving(false)
    setPinSet(false)
    lock.configure({ pinSet: false, lockAfterMinutes: 0 })
    // Main turned the idle time off with the PIN; this brings the page's copy of the settings along.
    void onLockAfter(0)
    notifications.show({ color: 'teal', message: t('lock.pinRemoved') })
  }

  if (pinSet === undefined || lockAfter === undefined) return <Skeleton h={120} />
  const choices = lockAfterChoices.map((minutes) => ({
    value: String(minutes),
    label: minutes === 0 ? t('lock.off') : t('lock.minutes', { count: minutes }),
  }))
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('lock.after')}
        </Text>
        <SegmentedControl
          aria-label={t('lock.after')}
          value={String(pinSet || sealed ? lockAfter : 0)}
          disabled={!pinSet && !sealed}
          onChange={(value) => {
            const minutes = Number(value) as LockAfter
            void onLockAfter(minutes).then(() => lock.configure({ lockAfterMinutes: minutes }))
          }}
          data={choices}
        />
      </div>
      {!pinSet && !sealed && (
        <Alert color="blue" variant="light">
          {t('lock.needsPin')}
        </Alert>
      )}
      <form onSubmit={(e) => (e.preventDefault(), void savePin())} noValidate>
        <Group align="flex-start" gap="sm">
          {pinSet && (
            <PinField label={t('lock.currentPin')} value={current} onChange={setCurrent} error={errors.current} />
          )}
          <PinField
            label={pinSet ? t('lock.newPin') : t('lock.pin')}
            value={pin}
            onChange={setPin}
            error={errors.pin}
          />
          <PinField label={t('lock.repeatPin')} value={repeat} onChange={setRepeat} error={errors.repeat} />
        </Group>
        <Group mt="sm" gap="sm">
          <Button type="submit" loading={saving}>
            {pinSet ? t('lock.changePin') : t('lock.setPin')}
          </Button>
          {pinSet && (
            <Button variant="default" color="red" onClick={() => setRemoving(true)}>
              {t('lock.removePinOpen')}
            </Button>
          )}
        </Group>
      </form>
      <RemovePinDialog opened={removing} onClose={() => setRemoving(false)} onRemoved={pinRemoved} />
    </Stack>
  )
}
