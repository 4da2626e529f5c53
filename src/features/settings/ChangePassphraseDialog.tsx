import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import { PASSPHRASE_MIN, type EncryptionStatus } from '../../core/encryption'

type Errors = { current?: string; passphrase?: string; repeat?: string }

/**
 * A new clinic passphrase (someone who knew the old one left, or it was written down somewhere it should not be).
 * The current one is asked for; what a change does not do (old copies of the folder still open with the old one) is
 * said before it is made.
 */
export function ChangePassphraseDialog(props: {
  opened: boolean
  onClose: () => void
  onChanged: (status: EncryptionStatus) => void
}) {
  const api = useQuietApi()
  const { t } = useTranslation('settings')
  const [current, setCurrent] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [working, setWorking] = useState(false)

  const close = () => {
    setCurrent('')
    setPassphrase('')
    setRepeat('')
    setErrors({})
    props.onClose()
  }
  const submit = async () => {
    const short = t('encryption.short', { min: PASSPHRASE_MIN })
    if (current.length < PASSPHRASE_MIN) return setErrors({ current: short })
    if (passphrase.length < PASSPHRASE_MIN) return setErrors({ passphrase: short })
    if (repeat !== passphrase) return setErrors({ repeat: t('encryption.differ') })
    setWorking(true)
    const result = await api.changePassphrase({ current, passphrase })
    setWorking(false)
    if (!result.ok)
      return setErrors(
        result.error.code === 'wrong_passphrase'
          ? { current: result.error.message }
          : { passphrase: result.error.message },
      )
    props.onChanged(result.value)
    notifications.show({ color: 'teal', message: t('encryption.changed') })
    close()
  }
  const field = (label: string, value: string, set: (v: string) => void, error: string | undefined) => (
    <PasswordInput
      label={label}
      value={value}
      onChange={(e) => set(e.currentTarget.value)}
      error={error}
      autoComplete="off"
    />
  )
  return (
    <Modal opened={props.opened} onClose={close} title={t('encryption.changeTitle')} size="lg">
      <form onSubmit={(e) => (e.preventDefault(), void submit())} noValidate>
        <Stack gap="sm">
          <Alert color="blue" variant="light">
            {t('encryption.changeExplain')}
          </Alert>
          {field(t('encryption.current'), current, setCurrent, errors.current)}
          {field(t('encryption.newPassphrase'), passphrase, setPassphrase, errors.passphrase)}
          {field(t('encryption.repeat'), repeat, setRepeat, errors.repeat)}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={working}>
              {t('encryption.cancel')}
            </Button>
            <Button type="submit" loading={working}>
              {t('encryption.confirmChange')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
