import { notifications } from '@mantine/notifications'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'

/**
 * At start, a look at the clinic's shared folder (when one is set): new packs there, or why the folder cannot be
 * read, are told once. This look does not count as seen: Settings → Library still marks the packs new.
 */
export function ClinicPacksAtStart() {
  const quiet = useQuietApi()
  const { t } = useTranslation('library')
  const looked = useRef(false)
  useEffect(() => {
    if (looked.current) return
    looked.current = true
    void quiet.listClinicPacks({ remember: false }).then((result) => {
      if (!result.ok || !result.value.folder) return
      const fresh = result.value.packs.filter((p) => p.isNew).length
      if (result.value.problem)
        notifications.show({ color: 'gray', title: t('packs.folderAtStart'), message: result.value.problem })
      else if (fresh) notifications.show({ color: 'teal', message: t('packs.newAtStart', { count: fresh }) })
    })
  }, [quiet, t])
  return null
}
