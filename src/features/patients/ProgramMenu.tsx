import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import type { Patient, Program } from '../../core/patient'

/**
 * A saved program's own actions on the patient's page: rename it, or delete it with an Undo in the notification
 * that says so (the program comes back exactly as it was). `onChanged` gets the patient as saved.
 */
export function ProgramMenu({
  patientId,
  program,
  disabled,
  onChanged,
}: {
  patientId: string
  program: Program
  disabled?: boolean
  onChanged: (patient: Patient) => void
}) {
  const api = useApi()
  const { t } = useTranslation('patients')
  const [renaming, setRenaming] = useState(false)

  const undo = async (notice: string) => {
    notifications.hide(notice)
    const result = await api.restoreProgram({ patientId, program })
    if (!result.ok) return
    onChanged(result.value)
    notifications.show({ color: 'teal', message: t('programs.restored', { title: program.title }) })
  }
  const remove = async () => {
    const result = await api.deleteProgram({ patientId, programId: program.id })
    if (!result.ok) return
    onChanged(result.value)
    const notice = `program-deleted-${program.id}`
    notifications.show({
      id: notice,
      color: 'gray',
      autoClose: 10_000,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">{t('programs.deleted', { title: program.title })}</Text>
          <Button size="compact-sm" variant="light" onClick={() => void undo(notice)}>
            {t('programs.undo')}
          </Button>
        </Group>
      ),
    })
  }

  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            disabled={disabled}
            aria-label={t('programs.actions', { title: program.title })}
          >
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setRenaming(true)}>
            {t('programs.rename')}
          </Menu.Item>
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove()}>
            {t('programs.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {renaming && (
        <RenameProgram
          patientId={patientId}
          program={program}
          onClose={() => setRenaming(false)}
          onRenamed={(patient) => {
            setRenaming(false)
            onChanged(patient)
          }}
        />
      )}
    </>
  )
}

function RenameProgram({
  patientId,
  program,
  onClose,
  onRenamed,
}: {
  patientId: string
  program: Program
  onClose: () => void
  onRenamed: (patient: Patient) => void
}) {
  const api = useApi()
  const { t } = useTranslation('patients')
  const [title, setTitle] = useState(program.title)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const wanted = title.trim()
    if (!wanted) return setError(t('programs.titleRequired'))
    if (wanted === program.title) return onClose()
    setBusy(true)
    const result = await api.renameProgram({ patientId, programId: program.id, revision: program.revision, title })
    setBusy(false)
    if (!result.ok) return
    notifications.show({ color: 'teal', message: t('programs.renamed', { title: wanted }) })
    onRenamed(result.value)
  }

  return (
    <Modal opened onClose={onClose} title={t('programs.renameTitle')}>
      <form onSubmit={(e) => void save(e)}>
        <Stack gap="md">
          <TextInput
            label={t('programs.titleLabel')}
            value={title}
            maxLength={120}
            error={error}
            data-autofocus
            onChange={(e) => (setTitle(e.currentTarget.value), setError(undefined))}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('programs.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('programs.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
