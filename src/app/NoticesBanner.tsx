import { Alert, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Notice } from '../core/contract'
import { useApi } from './api-context'

/** What the app must tell the user that no action of theirs asked for (a settings or library file kept aside). */
export function NoticesBanner() {
  const api = useApi()
  const { t } = useTranslation('app')
  const [notices, setNotices] = useState<Notice[]>([])
  useEffect(() => {
    let live = true
    // Settings and the library are read on first use; asking for both first means their notices are in.
    void Promise.all([api.getSettings(), api.getLibrary()])
      .then(() => api.listNotices())
      .then((result) => {
        if (live && result.ok) setNotices(result.value)
      })
    return () => void (live = false)
  }, [api])
  if (notices.length === 0) return null
  return (
    <Stack gap="sm" mb="lg" data-testid="notices">
      {notices.map((notice) => (
        <Alert
          key={notice.id}
          color="yellow"
          icon={<IconAlertTriangle />}
          title={t('notices.title')}
          withCloseButton
          closeButtonLabel={t('notices.dismiss')}
          onClose={() =>
            void api.dismissNotice({ id: notice.id }).then((result) => result.ok && setNotices(result.value))
          }
        >
          {notice.message}
        </Alert>
      ))}
    </Stack>
  )
}
