import { Button, Group, Menu, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconTemplate } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import type { Template } from '../../core/exercise'
import type { ProgramItem } from '../../core/patient'
import { templateItemsOf } from '../../core/template'
import { useLibrary } from '../../app/library-context'
import { useNameInLanguage } from '../../app/use-name-in-language'

type Applicable = Pick<Template, 'name' | 'items' | 'folder' | 'translations'> & { id: string }

/** One menu section per folder, in folder order, each template with its number of exercises. */
function TemplateGroups({
  templates,
  label,
  onApply,
}: {
  templates: readonly Applicable[]
  label: (folder: string) => string
  onApply: (template: Applicable) => void
}) {
  const nameIn = useNameInLanguage()
  const folders = [...new Set(templates.map((t) => t.folder ?? ''))].sort()
  return folders.map((folder) => (
    <div key={label(folder)}>
      <Menu.Label>{label(folder)}</Menu.Label>
      {templates
        .filter((t) => (t.folder ?? '') === folder)
        .map((t) => (
          <Menu.Item key={t.id} onClick={() => onApply(t)}>
            {nameIn(t)}{' '}
            <Text span size="xs" c="dimmed">
              ({t.items.length})
            </Text>
          </Menu.Item>
        ))}
    </div>
  ))
}

/** "Apply a template" (grouped by folder) and "Save as template". */
export function TemplateControls({
  items,
  onApply,
}: {
  items: ProgramItem[]
  onApply: (template: Pick<Template, 'name' | 'items'>) => void
}) {
  const { t } = useTranslation('program')
  const api = useApi()
  const { view, refresh } = useLibrary()
  const [saving, setSaving] = useState(false)
  const [form, setForm] = useState({ name: '', folder: '', description: '' })
  const [error, setError] = useState<string>()
  const templates = view?.templates ?? []
  const starters = view?.starterTemplates ?? []

  const save = async () => {
    const result = await api.saveTemplate({
      template: {
        name: form.name,
        ...(form.folder.trim() ? { folder: form.folder } : {}),
        ...(form.description.trim() ? { description: form.description } : {}),
        items: templateItemsOf(items),
      },
    })
    if (!result.ok) return setError(result.error.message)
    await refresh()
    setSaving(false)
    notifications.show({ color: 'teal', message: t('templates.saved', { name: result.value.name }) })
  }

  return (
    <Group gap="xs">
      <Menu position="bottom-end" width={280}>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconTemplate size={16} />}
            disabled={templates.length + starters.length === 0}
          >
            {t('templates.apply')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown mah={420} style={{ overflowY: 'auto' }}>
          <TemplateGroups templates={templates} label={(folder) => folder || t('templates.other')} onApply={onApply} />
          {starters.length > 0 && templates.length > 0 && <Menu.Divider />}
          <TemplateGroups
            templates={starters}
            label={(folder) => t('templates.starter', { folder: folder || t('templates.general') })}
            onApply={onApply}
          />
        </Menu.Dropdown>
      </Menu>
      <Button
        variant="default"
        disabled={items.length === 0}
        onClick={() => (setForm({ name: '', folder: '', description: '' }), setError(undefined), setSaving(true))}
      >
        {t('templates.saveAs')}
      </Button>
      <Modal opened={saving} onClose={() => setSaving(false)} title={<Text fw={700}>{t('templates.saveTitle')}</Text>}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('templates.saveHelp')}
          </Text>
          <TextInput
            label={t('templates.name')}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            data-autofocus
            error={error}
          />
          <TextInput
            label={t('templates.folder')}
            placeholder={t('templates.folderPlaceholder')}
            value={form.folder}
            onChange={(e) => setForm({ ...form, folder: e.currentTarget.value })}
          />
          <Textarea
            label={t('templates.description')}
            autosize
            minRows={2}
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSaving(false)}>
              {t('templates.cancel')}
            </Button>
            <Button onClick={() => void save()}>{t('templates.save')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  )
}
