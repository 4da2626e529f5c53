import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PIN_PATTERN } from '../core/settings'
import { useQuietApi } from './api-context'
import { Logo } from './Logo'

/** All a locked window shows: the app's name and a PIN field. The PIN is checked in main (verifyPin). */
export function LockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const api = useQuietApi()
  const { t } = useTranslation('app')
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string>()
  const [checking, setChecking] = useState(false)

  const unlock = async () => {
    if (!PIN_PATTERN.test(pin)) return setError(t('lock.pinFormat'))
    setChecking(true)
    const result = await api.verifyPin({ pin })
    setChecking(false)
    setPin('')
    if (!result.ok) return setError(result.error.message)
    if (result.value.unlocked) return onUnlocked()
    setError(result.value.waitSeconds > 0 ? t('lock.wait', { seconds: result.value.waitSeconds }) : t('lock.wrong'))
  }

  return (
    <Center mih="100vh" p="lg">
      <Paper withBorder radius="lg" p="xl" w={360} component="main">
        <form onSubmit={(e) => (e.preventDefault(), void unlock())} noValidate>
          <Stack align="stretch" gap="md">
            <Stack align="center" gap="xs">
              <Logo size={48} />
              <Title order={1} size="h2">
                Homeplan
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                {t('lock.locked')}
              </Text>
            </Stack>
            <PasswordInput
              label={t('lock.pin')}
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value)}
              error={error}
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              data-autofocus
              autoFocus
            />
            <Button type="submit" loading={checking}>
              {t('lock.unlock')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
