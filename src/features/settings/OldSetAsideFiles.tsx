import { Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { momentIn } from '../../app/locale-dates'
import { formatBytes } from '../../core/bytes'
import type { SetAsideFile } from '../../core/contract'

/**
 * Settings → Data: files Homeplan set aside as unreadable more than 30 days ago (the backup window). They hold
 * patient data, so they are listed (name, size, date: never their content) and removed only after asking.
 * Nothing shows while there are none.
 */
export function OldSetAsideFiles({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation('settings')
  const api = useApi()
  const [files, setFiles] = useState<SetAsideFile[]>([])
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const load = useCallback(() => api.listOldSetAside().then((r) => (r.ok ? r.value : [])), [api])
  useEffect(() => {
    let live = true
    void load().then((list) => live && setFiles(list))
    return () => void (live = false)
  }, [load])
  if (files.length === 0) return null

  const remove = async () => {
    setBusy(true)
    const result = await api.removeOldSetAside({ names: files.map((f) => f.name) })
    setBusy(false)
    setAsking(false)
    setFiles(await load())
    onChanged()
    if (!result.ok) return
    const { removed, failed } = result.value
    notifications.show({
      color: failed.length ? 'yellow' : 'teal',
      message: failed.length
        ? t('setAside.someLeft', { count: failed.length, files: failed.join(', ') })
        : t('setAside.removed', { count: removed.length }),
    })
  }

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('setAside.title', { count: files.length })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('setAside.description')}
      </Text>
      <List size="sm" spacing={2}>
        {files.map((f) => (
          <List.Item key={f.name}>
            {t('setAside.file', {
              name: f.name,
              size: formatBytes(f.bytes),
              when: momentIn(i18n.language, f.setAsideAt),
            })}
          </List.Item>
        ))}
      </List>
      <Group>
        <Button variant="light" color="red" size="xs" onClick={() => setAsking(true)}>
          {t('setAside.remove', { count: files.length })}
        </Button>
      </Group>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('setAside.confirmTitle', { count: files.length })}
      >
        <Text size="sm">{t('setAside.confirmBody', { count: files.length })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setAsking(false)}>
            {t('setAside.keep')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void remove()}>
            {t('setAside.confirm', { count: files.length })}
          </Button>
        </Group>
      </Modal>
    </Stack>
  )
}
