import { Button, Checkbox, Group, Modal, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { fullName } from '../../core/names'
import type { Patient } from '../../core/patient'
import { useRoster } from '../../app/roster-context'
import { clearDraftsOf } from '../../app/draft-keys'

/**
 * Asks before a patient is deleted for good, then deletes them once (a double click sends one request), with their
 * unsaved builder drafts on this computer and, if ticked, their copies in the backups.
 */
export function DeletePatientDialog(props: {
  patient: Patient
  opened: boolean
  onClose: () => void
  onDeleted: () => void
}) {
  const { patient, opened, onClose } = props
  const api = useApi()
  const roster = useRoster()
  const { t } = useTranslation('patients')
  /** Set while a delete is on its way, so a double click cannot send a second one. */
  const [removing, setRemoving] = useState(false)
  const [purgeBackups, setPurgeBackups] = useState(false)
  const name = fullName(patient)
  const remove = () => {
    if (removing) return
    setRemoving(true)
    void api.deletePatient({ id: patient.id, ...(purgeBackups ? { purgeBackups } : {}) }).then(async (r) => {
      setRemoving(false)
      if (!r.ok) return
      clearDraftsOf(patient.id)
      onClose()
      notifications.show({ color: 'teal', message: t('delete.deleted', { name }) })
      const left = [...(r.value.backups?.unreadable ?? []), ...(r.value.backups?.failed ?? [])]
      if (left.length)
        notifications.show({
          color: 'yellow',
          autoClose: false,
          message: t('delete.backupsLeft', { count: left.length, files: left.join(', ') }),
        })
      await roster.refresh()
      props.onDeleted()
    })
  }
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>{t('delete.title', { name })}</Text>}>
      <Text size="sm">{t('delete.body', { name, count: patient.programs.length })}</Text>
      <Checkbox
        mt="md"
        label={t('delete.purgeBackups', { firstName: patient.firstName })}
        description={t('delete.purgeBackupsHint')}
        checked={purgeBackups}
        onChange={(e) => setPurgeBackups(e.currentTarget.checked)}
      />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('delete.keep', { firstName: patient.firstName })}
        </Button>
        <Button color="red" loading={removing} onClick={remove}>
          {t('delete.confirm', { name })}
        </Button>
      </Group>
    </Modal>
  )
}
