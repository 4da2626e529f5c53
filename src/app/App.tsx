import { MantineProvider } from '@mantine/core'
import { Notifications, notifications } from '@mantine/notifications'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Api } from '../core/contract'
import type { AppError } from '../core/result'
import { createApiClient } from './api-client'
import { ApiProvider } from './api-context'
import { EncryptionGate } from './encryption-context'
import { LockProvider, mainIsLocked } from './lock-context'
import { Shell } from './Shell'
import { theme } from './theme'
import { uiI18n } from '../i18n/ui'

function reportError(error: AppError) {
  if (error.code === 'locked') return mainIsLocked()
  notifications.show({ color: 'red', title: uiI18n.t('app:app.failed'), message: error.message, autoClose: 8000 })
}

function MissingApi() {
  const { t } = useTranslation('app')
  return (
    <p role="alert" style={{ padding: 24 }}>
      {t('app.noApi')}
    </p>
  )
}

/** The root: theme, notifications, the API client, the encrypted folder's passphrase and the lock (issue 17), then the shell. */
export function App({ api = window.api }: { api?: Api }) {
  const client = useMemo(() => (api ? createApiClient(api, reportError) : undefined), [api])
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" />
      {client ? (
        <ApiProvider api={client} quiet={api}>
          <EncryptionGate>
            <LockProvider>
              <Shell />
            </LockProvider>
          </EncryptionGate>
        </ApiProvider>
      ) : (
        <MissingApi />
      )}
    </MantineProvider>
  )
}
