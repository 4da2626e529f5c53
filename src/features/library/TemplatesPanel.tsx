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
import { useApi } from '../../app/api-context'
import type { Template } from '../../core/exercise'
import { useLibrary } from '../../app/library-context'

/** Program templates by folder: rename, move to another folder, describe, delete. */
export function TemplatesPanel() {
  const api = useApi()
  const { view, byId, refresh } = useLibrary()
  const [editing, setEditing] = useState<Template | null>(null)
  const [deleting, setDeleting] = useState<Template | null>(null)
  const [error, setError] = useState<string>()
  const templates = [...(view?.templates ?? [])].sort(
    (a, b) => (a.folder ?? '').localeCompare(b.folder ?? '') || a.name.localeCompare(b.name),
  )
  const starters = [...(view?.starterTemplates ?? [])].sort(
    (a, b) => (a.folder ?? '').localeCompare(b.folder ?? '') || a.name.localeCompare(b.name),
  )
  if (templates.length === 0 && starters.length === 0) return null
  /** Folder, name with description, and exercises: the same columns for saved and starter templates. */
  const cells = (t: Pick<Template, 'folder' | 'name' | 'description' | 'items'>) => (
    <>
      <Table.Td c="dimmed">{t.folder ?? '—'}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {t.name}
        </Text>
        {t.description && (
          <Text size="xs" c="dimmed">
            {t.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t.items.map((i) => byId.get(i.exerciseId)?.name ?? i.exerciseId).join(', ')}</Text>
      </Table.Td>
    </>
  )

  const save = async (t: Template) => {
    const { id, createdAt: _c, updatedAt: _u, ...template } = t
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
            Program templates
          </Title>
          <Table aria-label="Program templates" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Folder</Table.Th>
                <Table.Th>Template</Table.Th>
                <Table.Th>Exercises</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.map((t) => (
                <Table.Tr key={t.id}>
                  {cells(t)}
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label="Rename or move">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Edit template ${t.name}`}
                          onClick={() => (setError(undefined), setEditing(t))}
                        >
                          <IconEdit size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Delete">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete template ${t.name}`}
                          onClick={() => setDeleting(t)}
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
            Starter templates
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Ready-made programs with usual doses. Apply one in the builder, adjust it for the patient, and save it as
            your own template if you like.
          </Text>
          <Table aria-label="Starter templates" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Folder</Table.Th>
                <Table.Th>Template</Table.Th>
                <Table.Th>Exercises</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {starters.map((t) => (
                <Table.Tr key={t.id}>{cells(t)}</Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={<Text fw={700}>Edit template</Text>}>
        {editing && (
          <Stack gap="sm">
            <TextInput
              label="Template name"
              value={editing.name}
              onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })}
              error={error}
            />
            <TextInput
              label="Folder"
              value={editing.folder ?? ''}
              onChange={(e) => setEditing({ ...editing, folder: e.currentTarget.value })}
            />
            <Textarea
              label="Description"
              autosize
              minRows={2}
              value={editing.description ?? ''}
              onChange={(e) => setEditing({ ...editing, description: e.currentTarget.value })}
            />
            <Text size="xs" c="dimmed">
              To change its exercises, apply it in the builder, adjust, and save it as a template again.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                Cancel
              </Button>
              <Button onClick={() => void save(editing)}>Save</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        title={<Text fw={700}>Delete “{deleting?.name}”?</Text>}
      >
        <Text size="sm">Programs already made from it are not affected.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDeleting(null)}>
            Keep it
          </Button>
          <Button
            color="red"
            onClick={() =>
              deleting &&
              void api.deleteTemplate({ id: deleting.id }).then(async (r) => {
                setDeleting(null)
                if (r.ok) notifications.show({ color: 'teal', message: 'Template deleted.' })
                await refresh()
              })
            }
          >
            Delete template
          </Button>
        </Group>
      </Modal>
    </Paper>
  )
}
