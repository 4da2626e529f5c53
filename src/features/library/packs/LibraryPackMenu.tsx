import { Button, Menu } from '@mantine/core'
import { IconChevronDown, IconPackageExport, IconPackageImport } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../../app/api-context'
import { useOpenPack } from '../../../components/packs/use-open-pack'
import { ShareDialog } from './ShareDialog'

/** The library page's "Packs" menu: share templates and exercises as a pack, or open one. */
export function LibraryPackMenu() {
  const { t } = useTranslation('library')
  const quiet = useQuietApi()
  const [sharing, setSharing] = useState(false)
  const { show, dialog } = useOpenPack()
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} />}>
            {t('packs.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPackageExport size={16} />} onClick={() => setSharing(true)}>
            {t('packs.share.menu')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconPackageImport size={16} />}
            onClick={() => void quiet.openLibraryPack().then(show)}
          >
            {t('packs.open')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {sharing && <ShareDialog onClose={() => setSharing(false)} />}
      {dialog}
    </>
  )
}
