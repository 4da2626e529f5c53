import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import { PIN_PATTERN } from '../../core/settings'

/**
 * Removing the clinic PIN (issue 17): asks for the current PIN, which main checks like an unlock try (a wrong one
 * counts towards the wait), and says first that lock after inactivity goes off with it.
 */
export function RemovePinDialog({
  opened,
  onClose,
  onRemoved,
}: {
  opened: boolean
  onClose: () => void
  onRemoved: () => void
}) {
  const api = useQuietApi()
  const { t } = useTranslation('settings')
  const [current, setCurrent] = useState('')
  const [error, setError] = useState<string>()
  const [removing, setRemoving] = useState(false)

  const close = () => {
    setCurrent('')
    setError(undefined)
    onClose()
  }
  const remove = async () => {
    if (!PIN_PATTERN.test(current)) return setError(t('lock.wrongCurrent'))
    setRemoving(true)
    const result = await api.removeLockPin({ current })
    setRemoving(false)
    setCurrent('')
    // Main says why, with the wait after too many wrong PINs ("Try again in 30 s").
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    onRemoved()
  }

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={700}>{t('lock.removeTitle')}</Text>}>
      <form onSubmit={(e) => (e.preventDefault(), void remove())} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('lock.removeBody')}</Text>
          <PasswordInput
            label={t('lock.currentPin')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={error}
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('lock.keepPin')}
            </Button>
            <Button type="submit" color="red" loading={removing}>
              {t('lock.removePin')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
