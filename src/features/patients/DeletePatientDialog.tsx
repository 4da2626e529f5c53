import { Button, Group, Modal, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useApi } from '../../app/api-context'
import { fullName } from '../../core/names'
import type { Patient } from '../../core/patient'
import { useRoster } from '../../app/roster-context'

/** Asks before a patient is deleted for good, then deletes them once (a double click sends one request). */
export function DeletePatientDialog(props: {
  patient: Patient
  opened: boolean
  onClose: () => void
  onDeleted: () => void
}) {
  const { patient, opened, onClose } = props
  const api = useApi()
  const roster = useRoster()
  /** Set while a delete is on its way, so a double click cannot send a second one. */
  const [removing, setRemoving] = useState(false)
  const name = fullName(patient)
  const remove = () => {
    if (removing) return
    setRemoving(true)
    void api.deletePatient({ id: patient.id }).then(async (r) => {
      setRemoving(false)
      if (!r.ok) return
      onClose()
      notifications.show({ color: 'teal', message: `${name} was deleted.` })
      await roster.refresh()
      props.onDeleted()
    })
  }
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Delete {name}?</Text>}>
      <Text size="sm">
        This permanently removes {name} and{' '}
        {patient.programs.length === 1 ? 'their program' : `all ${patient.programs.length} of their programs`} from the
        roster on this computer. Backups taken before now still contain them until those backups expire.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Keep {patient.firstName}
        </Button>
        <Button color="red" loading={removing} onClick={remove}>
          Delete {name}
        </Button>
      </Group>
    </Modal>
  )
}
