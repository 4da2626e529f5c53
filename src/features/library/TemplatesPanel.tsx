import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconEdit, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import type { Template } from '../../core/exercise'
import { useLibrary } from '../../app/library-context'

/** Program templates by folder: rename, move to another folder, describe, delete. */
export function TemplatesPanel() {
  const { t, i18n } = useTranslation('library')
  const api = useApi()
  const { view, byId, refresh } = useLibrary()
  const [editing, setEditing] = useState<Template | null>(null)
  const [deleting, setDeleting] = useState<Template | null>(null)
  const [error, setError] = useState<string>()
  const byFolderAndName = (a: Pick<Template, 'folder' | 'name'>, b: Pick<Template, 'folder' | 'name'>) =>
    (a.folder ?? '').localeCompare(b.folder ?? '', i18n.language) || a.name.localeCompare(b.name, i18n.language)
  const templates = [...(view?.templates ?? [])].sort(byFolderAndName)
  const starters = [...(view?.starterTemplates ?? [])].sort(byFolderAndName)
  if (templates.length === 0 && starters.length === 0) return null
  /** Folder, name with description, and exercises: the same columns for saved and starter templates. */
  const cells = (template: Pick<Template, 'folder' | 'name' | 'description' | 'items'>) => (
    <>
      <Table.Td c="dimmed">{template.folder ?? '—'}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {template.name}
        </Text>
        {template.description && (
          <Text size="xs" c="dimmed">
            {template.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{template.items.map((i) => byId.get(i.exerciseId)?.name ?? i.exerciseId).join(', ')}</Text>
      </Table.Td>
    </>
  )

  const save = async (edited: Template) => {
    const { id, createdAt: _c, updatedAt: _u, ...template } = edited
    const result = await api.saveTemplate({
      id,
      template: {
        ...template,
        folder: template.folder?.trim() || undefined,
        description: template.description?.trim() || undefined,
      },
    })
    if (!result.ok) return setError(result.error.message)
    setEditing(null)
    await refresh()
  }

  return (
    <Paper withBorder radius="lg" p="md" mt="xl">
      {templates.length > 0 && (
        <>
          <Title order={3} size="h4" mb="sm">
            {t('templates.title')}
          </Title>
          <Table aria-label={t('templates.title')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('templates.folder')}</Table.Th>
                <Table.Th>{t('templates.template')}</Table.Th>
                <Table.Th>{t('templates.exercises')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.map((template) => (
                <Table.Tr key={template.id}>
                  {cells(template)}
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label={t('templates.renameOrMove')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('templates.editNamed', { name: template.name })}
                          onClick={() => (setError(undefined), setEditing(template))}
                        >
                          <IconEdit size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('templates.delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('templates.deleteNamed', { name: template.name })}
                          onClick={() => setDeleting(template)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {starters.length > 0 && (
        <>
          <Title order={3} size="h4" mt={templates.length ? 'lg' : 0} mb={4}>
            {t('templates.starters')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('templates.startersHint')}
          </Text>
          <Table aria-label={t('templates.starters')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('templates.folder')}</Table.Th>
                <Table.Th>{t('templates.template')}</Table.Th>
                <Table.Th>{t('templates.exercises')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {starters.map((template) => (
                <Table.Tr key={template.id}>{cells(template)}</Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Modal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={<Text fw={700}>{t('templates.editTitle')}</Text>}
      >
        {editing && (
          <Stack gap="sm">
            <TextInput
              label={t('templates.name')}
              value={editing.name}
              onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })}
              error={error}
            />
            <TextInput
              label={t('templates.folder')}
              value={editing.folder ?? ''}
              onChange={(e) => setEditing({ ...editing, folder: e.currentTarget.value })}
            />
            <Textarea
              label={t('templates.description')}
              autosize
              minRows={2}
              value={editing.description ?? ''}
              onChange={(e) => setEditing({ ...editing, description: e.currentTarget.value })}
            />
            <Text size="xs" c="dimmed">
              {t('templates.changeExercises')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                {t('templates.cancel')}
              </Button>
              <Button onClick={() => void save(editing)}>{t('templates.save')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        title={<Text fw={700}>{t('templates.confirmDelete', { name: deleting?.name })}</Text>}
      >
        <Text size="sm">{t('templates.notAffected')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('templates.keep')}
          </Button>
          <Button
            color="red"
            onClick={() =>
              deleting &&
              void api.deleteTemplate({ id: deleting.id }).then(async (r) => {
                setDeleting(null)
                if (r.ok) notifications.show({ color: 'teal', message: t('templates.deleted') })
                await refresh()
              })
            }
          >
            {t('templates.deleteTemplate')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  )
}
