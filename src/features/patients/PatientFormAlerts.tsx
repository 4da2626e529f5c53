import { Alert, Button, Group, Text } from '@mantine/core'
import type { PatientSummary } from '../../core/patient'
import { formatDate } from '../../core/dates'
import { fullName } from '../../core/names'

/** Another patient has the same name and date of birth: probably the same person. */
export function SamePersonWarning(props: {
  twin: PatientSummary
  editing: boolean
  saving: boolean
  onConfirm: () => void
  onBack: () => void
}) {
  const { twin, editing } = props
  return (
    <Alert color="yellow" variant="light" title="This may be the same person">
      <Text size="sm">
        A patient named {fullName(twin)} born {formatDate(twin.dateOfBirth)} already exists.{' '}
        {editing ? 'Save anyway?' : 'Add anyway?'}
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" onClick={props.onConfirm} loading={props.saving}>
          {editing ? 'Save anyway' : 'Add anyway'}
        </Button>
        <Button size="xs" variant="default" onClick={props.onBack}>
          Go back
        </Button>
      </Group>
    </Alert>
  )
}

/** Closing a half-filled new patient asks first. */
export function DiscardNewPatient({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  return (
    <Alert color="orange" variant="light" title="Discard this new patient?">
      <Text size="sm">What you typed here will not be saved.</Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" variant="default" onClick={onKeep} data-autofocus>
          Keep editing
        </Button>
        <Button size="xs" color="red" onClick={onDiscard}>
          Discard
        </Button>
      </Group>
    </Alert>
  )
}
