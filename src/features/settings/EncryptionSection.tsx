import { Alert, Badge, Button, Checkbox, Group, Modal, PasswordInput, Skeleton, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import { useEncryption } from '../../app/encryption-context'
import { PASSPHRASE_MIN } from '../../core/encryption'
import { ChangePassphraseDialog } from './ChangePassphraseDialog'

type Dialog = 'on' | 'off' | undefined

/**
 * Encryption at rest (issue 17): turn it on with a new clinic passphrase (what a lost passphrase means is said before,
 * and agreed to), turn it off with the passphrase, and whether this computer remembers the key.
 */
export function EncryptionSection() {
  const api = useQuietApi()
  const { status, update } = useEncryption()
  const { t } = useTranslation('settings')
  const [dialog, setDialog] = useState<Dialog>()
  const [working, setWorking] = useState(false)
  const [changing, setChanging] = useState(false)

  if (!status) return <Skeleton h={60} />
  const forget = async () => {
    const result = await api.forgetDataKey()
    if (result.ok) update(result.value)
  }
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color={status.on ? 'teal' : 'gray'} variant="light" tt="none">
          {status.on ? t('encryption.isOn') : t('encryption.isOff')}
        </Badge>
        {status.remembered && (
          <Text size="sm" c="dimmed">
            {t('encryption.remembered')}
          </Text>
        )}
      </Group>
      <Group gap="sm">
        {status.on ? (
          <>
            <Button variant="default" onClick={() => setChanging(true)}>
              {t('encryption.change')}
            </Button>
            <Button variant="default" onClick={() => setDialog('off')}>
              {t('encryption.turnOff')}
            </Button>
          </>
        ) : (
          <Button onClick={() => setDialog('on')}>{t('encryption.turnOn')}</Button>
        )}
        {status.remembered && (
          <Button variant="subtle" onClick={() => void forget()}>
            {t('encryption.forget')}
          </Button>
        )}
      </Group>
      <ChangePassphraseDialog opened={changing} onClose={() => setChanging(false)} onChanged={update} />
      <PassphraseDialog
        mode={dialog}
        canRemember={status.canRemember}
        working={working}
        onClose={() => setDialog(undefined)}
        onSubmit={async (passphrase, remember) => {
          setWorking(true)
          const result =
            dialog === 'on'
              ? await api.turnOnEncryption({ passphrase, remember })
              : await api.turnOffEncryption({ passphrase })
          setWorking(false)
          if (!result.ok) return result.error.message
          update(result.value)
          setDialog(undefined)
          notifications.show({
            color: 'teal',
            message: result.value.on ? t('encryption.done') : t('encryption.undone'),
          })
          return undefined
        }}
      />
    </Stack>
  )
}

function PassphraseDialog(props: {
  mode: Dialog
  canRemember: boolean
  working: boolean
  onClose: () => void
  /** Resolves to the refusal to show, or undefined when done. */
  onSubmit: (passphrase: string, remember: boolean) => Promise<string | undefined>
}) {
  const { t } = useTranslation('settings')
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [understood, setUnderstood] = useState(false)
  const [remember, setRemember] = useState(false)
  const [errors, setErrors] = useState<{ passphrase?: string; repeat?: string; understood?: string }>({})
  const turningOn = props.mode === 'on'

  const close = () => {
    setPassphrase('')
    setRepeat('')
    setUnderstood(false)
    setErrors({})
    props.onClose()
  }
  const submit = async () => {
    if (passphrase.length < PASSPHRASE_MIN)
      return setErrors({ passphrase: t('encryption.short', { min: PASSPHRASE_MIN }) })
    if (turningOn && repeat !== passphrase) return setErrors({ repeat: t('encryption.differ') })
    if (turningOn && !understood) return setErrors({ understood: t('encryption.mustUnderstand') })
    const refused = await props.onSubmit(passphrase, turningOn && remember)
    if (refused) return setErrors({ passphrase: refused })
    close()
  }
  return (
    <Modal
      opened={props.mode !== undefined}
      onClose={close}
      title={turningOn ? t('encryption.onTitle') : t('encryption.offTitle')}
      size="lg"
    >
      <form onSubmit={(e) => (e.preventDefault(), void submit())} noValidate>
        <Stack gap="sm">
          <Text size="sm">{turningOn ? t('encryption.onExplain') : t('encryption.offExplain')}</Text>
          {turningOn && (
            <Alert color="orange" variant="light" title={t('encryption.lostTitle')}>
              {t('encryption.lostExplain')}
            </Alert>
          )}
          <PasswordInput
            label={t('encryption.passphrase')}
            description={turningOn ? t('encryption.passphraseHint', { min: PASSPHRASE_MIN }) : undefined}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={errors.passphrase}
            autoComplete="off"
            data-autofocus
          />
          {turningOn && (
            <PasswordInput
              label={t('encryption.repeat')}
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={errors.repeat}
              autoComplete="off"
            />
          )}
          {turningOn && (
            <Checkbox
              label={t('encryption.understood')}
              checked={understood}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
              error={errors.understood}
            />
          )}
          {turningOn && props.canRemember && (
            <Checkbox
              label={t('encryption.rememberHere')}
              checked={remember}
              onChange={(e) => setRemember(e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={props.working}>
              {t('encryption.cancel')}
            </Button>
            <Button type="submit" loading={props.working} color={turningOn ? undefined : 'red'}>
              {turningOn ? t('encryption.confirmOn') : t('encryption.confirmOff')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
