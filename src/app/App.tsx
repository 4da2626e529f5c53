import { MantineProvider } from '@mantine/core'
import { Notifications, notifications } from '@mantine/notifications'
import { useMemo } from 'react'
import type { Api } from '../core/contract'
import type { AppError } from '../core/result'
import { createApiClient } from './api-client'
import { ApiProvider } from './api-context'
import { Shell } from './Shell'
import { theme } from './theme'
import '../i18n/ui'

function reportError(error: AppError) {
  notifications.show({ color: 'red', title: 'Something went wrong', message: error.message, autoClose: 8000 })
}

const missingApi: AppError = {
  code: 'internal',
  message: 'Homeplan’s data service is not connected. Restart the app; if this persists, reinstall it.',
}

/** The root: theme, notifications, the API client, then the shell. */
export function App({ api = window.api }: { api?: Api }) {
  const client = useMemo(() => (api ? createApiClient(api, reportError) : undefined), [api])
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" />
      {client ? (
        <ApiProvider api={client} quiet={api}>
          <Shell />
        </ApiProvider>
      ) : (
        <p role="alert" style={{ padding: 24 }}>
          {missingApi.message}
        </p>
      )}
    </MantineProvider>
  )
}
