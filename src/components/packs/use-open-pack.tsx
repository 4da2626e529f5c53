import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PackOpened } from '../../core/pack'
import type { Result } from '../../core/result'
import { PackPreviewDialog, type OpenedPack } from './PackPreviewDialog'

/**
 * What opening a pack answered (from a file or the clinic's shared folder): its preview, or the refusal said as a
 * notification. `dialog` is the preview, to be placed in the page.
 */
export function useOpenPack() {
  const { t } = useTranslation('library')
  const [pack, setPack] = useState<OpenedPack | null>(null)
  const show = (result: Result<PackOpened>) => {
    if (result.ok) {
      if (!result.value.cancelled) setPack(result.value)
      return
    }
    notifications.show(
      result.error.code === 'forbidden'
        ? { color: 'gray', message: t('packs.needsDesktop'), autoClose: 8000 }
        : { color: 'red', title: t('packs.notOpened'), message: result.error.message, autoClose: false },
    )
  }
  const dialog = pack && <PackPreviewDialog key={pack.token} pack={pack} onClose={() => setPack(null)} />
  return { show, dialog }
}
