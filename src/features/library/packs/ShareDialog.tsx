import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuietApi } from '../../../app/api-context'
import { useLibrary } from '../../../app/library-context'
import { withoutPath } from '../../../core/issues'

/**
 * "Share…": templates and custom exercises chosen here, saved as one pack through the save dialog or published to
 * the clinic's shared folder. A template brings the custom exercises it uses (main adds them); built-in exercises
 * are named by id only, since every Homeplan has them.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const api = useApi()
  // Failures are shown in the dialog, beside what they are about.
  const quiet = useQuietApi()
  const { t } = useTranslation('library')
  const { view } = useLibrary()
  const [title, setTitle] = useState('')
  const [author, setAuthor] = useState('')
  const [templateIds, setTemplateIds] = useState<string[]>([])
  const [exerciseIds, setExerciseIds] = useState<string[]>([])
  const [clinicFolder, setClinicFolder] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  useEffect(() => {
    let live = true
    void api.getSettings().then((r) => live && r.ok && setClinicFolder(r.value.clinicFolder))
    return () => void (live = false)
  }, [api])
  const templates = view?.templates ?? []
  const custom = (view?.exercises ?? []).filter((e) => e.source === 'custom')
  const nothing = templateIds.length === 0 && exerciseIds.length === 0

  const share = async (to: 'file' | 'folder') => {
    if (!title.trim()) return setError(t('packs.share.titleNeeded'))
    setBusy(true)
    const contents = { title, ...(author.trim() ? { author } : {}), templateIds, exerciseIds }
    const result = await (to === 'file' ? quiet.exportLibraryPack(contents) : quiet.publishLibraryPack(contents))
    setBusy(false)
    if (!result.ok) return setError(withoutPath(result.error))
    if (!result.value.saved) return
    onClose()
    notifications.show({
      color: 'teal',
      message: t(to === 'file' ? 'packs.share.saved' : 'packs.share.published', { path: result.value.path }),
    })
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={700}>{t('packs.share.title')}</Text>} size="lg">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label={t('packs.share.packTitle')}
            placeholder={t('packs.share.packTitlePlaceholder')}
            required
            value={title}
            onChange={(e) => (setError(undefined), setTitle(e.currentTarget.value))}
          />
          <TextInput
            label={t('packs.share.author')}
            value={author}
            onChange={(e) => setAuthor(e.currentTarget.value)}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('packs.share.hint')}
        </Text>
        <ScrollArea.Autosize mah={320} type="auto">
          <Group align="flex-start" grow>
            <Checkbox.Group label={t('packs.share.templates')} value={templateIds} onChange={setTemplateIds}>
              <Stack gap={6} mt="xs">
                {templates.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('packs.share.noTemplates')}
                  </Text>
                )}
                {templates.map((template) => (
                  <Checkbox key={template.id} value={template.id} label={template.name} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Checkbox.Group label={t('packs.share.exercises')} value={exerciseIds} onChange={setExerciseIds}>
              <Stack gap={6} mt="xs">
                {custom.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('packs.share.noExercises')}
                  </Text>
                )}
                {custom.map((exercise) => (
                  <Checkbox key={exercise.id} value={exercise.id} label={exercise.name} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Group>
        </ScrollArea.Autosize>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('packs.cancel')}
          </Button>
          {clinicFolder && (
            <Button variant="light" onClick={() => void share('folder')} loading={busy} disabled={nothing}>
              {t('packs.share.publish')}
            </Button>
          )}
          <Button onClick={() => void share('file')} loading={busy} disabled={nothing}>
            {t('packs.share.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
