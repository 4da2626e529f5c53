import {
  Alert,
  Button,
  Chip,
  Fieldset,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useState } from 'react'
import { useQuietApi } from '../../app/api-context'
import { weekdays } from '../../core/dosage'
import { patientInputSchema, timesOfDay, type Patient, type PatientSummary } from '../../core/patient'
import { formatDate } from './format'
import {
  dayLabels,
  draftOf,
  fieldsWithErrors,
  inputOf,
  samePerson,
  timeLabels,
  touched,
  type Coverage,
  type Draft,
} from './patient-draft'
import { useRoster, useTherapistSuggestions } from './roster-context'

interface Props {
  opened: boolean
  patient?: Patient
  onClose: () => void
  onSaved: (patient: Patient) => void
}

/**
 * Create or edit a patient. Checked here as you save, and again by the main process. A refusal is shown once,
 * by the field it concerns (or above the buttons), never also as a pop-up.
 */
export function PatientForm({ opened, patient, onClose, onSaved }: Props) {
  const api = useQuietApi()
  const roster = useRoster()
  const therapists = useTherapistSuggestions()
  const [draft, setDraft] = useState<Draft>(() => draftOf(patient))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const [twin, setTwin] = useState<PatientSummary>()
  const [askDiscard, setAskDiscard] = useState(false)
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }))
      // A field's error goes away as soon as it is being corrected.
      setErrors((e) => (e[key] ? { ...e, [key]: '' } : e))
      setTwin(undefined)
    }
  const text = (key: keyof Draft & string, label: string, extra: object = {}) => (
    <TextInput
      label={label}
      value={draft[key] as string}
      onChange={(e) => set(key)(e.currentTarget.value as never)}
      error={errors[key]}
      {...extra}
    />
  )
  // Esc, the close button and Cancel all come here: a half-filled new patient is not thrown away without asking.
  const requestClose = () => (!patient && touched(draft) ? setAskDiscard(true) : onClose())

  const submit = async (anyway = false) => {
    const input = inputOf(draft)
    const checked = patientInputSchema().safeParse(input)
    if (!checked.success) {
      const found: Record<string, string> = {}
      for (const issue of checked.error.issues) {
        const key =
          issue.path[0] === 'appointment'
            ? issue.path.at(-1) === 'payer'
              ? 'payer'
              : 'appointment'
            : String(issue.path[0])
        found[key] ??= issue.message
      }
      return setErrors(found)
    }
    const other = anyway ? undefined : samePerson(checked.data, roster.patients ?? [], patient?.id)
    if (other) return setTwin(other)
    setTwin(undefined)
    setSaving(true)
    const result = patient
      ? await api.updatePatient({ id: patient.id, revision: patient.revision, patient: checked.data })
      : await api.createPatient(checked.data)
    setSaving(false)
    if (!result.ok) {
      const field = result.error.field?.split('.').at(-1)
      return setErrors(
        field && fieldsWithErrors.has(field) ? { [field]: result.error.message } : { form: result.error.message },
      )
    }
    setErrors({})
    onSaved(result.value)
  }

  return (
    <Modal
      opened={opened}
      onClose={requestClose}
      size="xl"
      title={
        <Text fw={700} size="lg">
          {patient ? `Edit ${patient.firstName} ${patient.lastName}` : 'New patient'}
        </Text>
      }
    >
      <form onSubmit={(e) => (e.preventDefault(), void submit())} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={3}>
            {text('firstName', 'First name', { required: true, 'data-autofocus': true })}
            {text('lastName', 'Last name', { required: true })}
            {text('preferredName', 'Preferred name')}
          </SimpleGrid>
          <SimpleGrid cols={3}>
            {text('dateOfBirth', 'Date of birth', { type: 'date', max: new Date().toISOString().slice(0, 10) })}
            {text('chartNumber', 'Chart / MRN number')}
            <Select
              label="Status"
              value={draft.status}
              onChange={(v) => v && set('status')(v as Draft['status'])}
              allowDeselect={false}
              data={[
                { value: 'active', label: 'Active' },
                { value: 'discharged', label: 'Discharged' },
                { value: 'archived', label: 'Archived' },
              ]}
            />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            {text('phone', 'Phone', { type: 'tel' })}
            {text('email', 'Email', { type: 'email' })}
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Patient is
              </Text>
              <SegmentedControl
                value={draft.patientType}
                onChange={(v) => set('patientType')(v as Draft['patientType'])}
                data={[
                  { value: 'new', label: 'New' },
                  { value: 'existing', label: 'Existing' },
                ]}
                aria-label="New or existing patient"
              />
            </Stack>
          </SimpleGrid>
          <SimpleGrid cols={3}>
            {text('condition', 'Condition / diagnosis')}
            {text('referringProvider', 'Referring provider')}
            {text('therapist', 'Assigned therapist', { list: 'hp-therapists' })}
          </SimpleGrid>
          <datalist id="hp-therapists">
            {therapists.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <Fieldset legend="Appointment preferences">
            <Stack gap="sm">
              <Group gap="xs" aria-label="Preferred days">
                <Text size="sm" w={110}>
                  Days
                </Text>
                <Chip.Group multiple value={draft.days} onChange={set('days')}>
                  {weekdays.map((d) => (
                    <Chip key={d} value={d} size="sm">
                      {dayLabels[d]}
                    </Chip>
                  ))}
                </Chip.Group>
              </Group>
              <Group gap="xs">
                <Text size="sm" w={110}>
                  Time of day
                </Text>
                <Chip.Group multiple value={draft.timesOfDay} onChange={set('timesOfDay')}>
                  {timesOfDay.map((t) => (
                    <Chip key={t} value={t} size="sm">
                      {timeLabels[t]}
                    </Chip>
                  ))}
                </Chip.Group>
              </Group>
              <Group gap="xs" align="flex-start">
                <Text size="sm" w={110} mt={6}>
                  Coverage
                </Text>
                <SegmentedControl
                  value={draft.coverage}
                  onChange={(v) => set('coverage')(v as Coverage)}
                  aria-label="Coverage"
                  data={[
                    { value: 'none', label: 'Not set' },
                    { value: 'insurance', label: 'Insurance' },
                    { value: 'self-pay', label: 'Self-pay' },
                    { value: 'other', label: 'Other' },
                  ]}
                />
                {draft.coverage === 'insurance' &&
                  text('payer', 'Payer name', {
                    placeholder: 'e.g. Premera',
                    'aria-label': 'Payer name',
                    label: undefined,
                  })}
                {draft.coverage === 'other' &&
                  text('coverageDetail', 'Coverage detail', {
                    placeholder: 'e.g. workers’ comp',
                    'aria-label': 'Coverage detail',
                    label: undefined,
                  })}
              </Group>
              {errors['appointment'] && (
                <Text c="red" size="sm">
                  {errors['appointment']}
                </Text>
              )}
            </Stack>
          </Fieldset>
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            maxRows={6}
            value={draft.notes}
            onChange={(e) => set('notes')(e.currentTarget.value)}
            error={errors['notes']}
          />
          {errors['form'] && (
            <Alert color="red" variant="light">
              {errors['form']}
            </Alert>
          )}
          {twin && (
            <Alert color="yellow" variant="light" title="This may be the same person">
              <Text size="sm">
                A patient named {twin.firstName} {twin.lastName} born {formatDate(twin.dateOfBirth)} already exists.{' '}
                {patient ? 'Save anyway?' : 'Add anyway?'}
              </Text>
              <Group gap="xs" mt="xs">
                <Button size="xs" onClick={() => void submit(true)} loading={saving}>
                  {patient ? 'Save anyway' : 'Add anyway'}
                </Button>
                <Button size="xs" variant="default" onClick={() => setTwin(undefined)}>
                  Go back
                </Button>
              </Group>
            </Alert>
          )}
          {askDiscard && (
            <Alert color="orange" variant="light" title="Discard this new patient?">
              <Text size="sm">What you typed here will not be saved.</Text>
              <Group gap="xs" mt="xs">
                <Button size="xs" variant="default" onClick={() => setAskDiscard(false)} data-autofocus>
                  Keep editing
                </Button>
                <Button size="xs" color="red" onClick={onClose}>
                  Discard
                </Button>
              </Group>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={requestClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {patient ? 'Save changes' : 'Add patient'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
