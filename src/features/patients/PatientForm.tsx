import { Button, Chip, Fieldset, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useApi } from '../../app/api-context'
import { weekdays } from '../../core/dosage'
import { patientInputSchema, timesOfDay, type Patient, type PatientInput } from '../../core/patient'

type Coverage = 'insurance' | 'self-pay' | 'other' | 'none'
type Draft = Record<'firstName' | 'lastName' | 'preferredName' | 'dateOfBirth' | 'chartNumber' | 'phone' | 'email' | 'condition' | 'referringProvider' | 'therapist' | 'notes' | 'payer' | 'coverageDetail', string> & {
  status: PatientInput['status']
  patientType: PatientInput['patientType']
  days: string[]
  timesOfDay: string[]
  coverage: Coverage
}

const dayLabels: Record<(typeof weekdays)[number], string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' }
const timeLabels: Record<(typeof timesOfDay)[number], string> = { morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' }

function draftOf(p?: Patient): Draft {
  const c = p?.appointment.coverage
  return {
    firstName: p?.firstName ?? '', lastName: p?.lastName ?? '', preferredName: p?.preferredName ?? '', dateOfBirth: p?.dateOfBirth ?? '',
    chartNumber: p?.chartNumber ?? '', phone: p?.phone ?? '', email: p?.email ?? '', condition: p?.condition ?? '',
    referringProvider: p?.referringProvider ?? '', therapist: p?.therapist ?? '', notes: p?.notes ?? '',
    status: p?.status ?? 'active', patientType: p?.patientType ?? 'new',
    days: p?.appointment.days ?? [], timesOfDay: p?.appointment.timesOfDay ?? [],
    coverage: c?.kind ?? 'none', payer: c?.kind === 'insurance' ? c.payer : '', coverageDetail: c?.kind === 'other' ? (c.detail ?? '') : '',
  }
}

/** Empty text fields are left out rather than saved as "". */
function inputOf(d: Draft): unknown {
  const opt = (v: string) => (v.trim() === '' ? undefined : v)
  const coverage = d.coverage === 'insurance' ? { kind: 'insurance', payer: d.payer } : d.coverage === 'self-pay' ? { kind: 'self-pay' } : d.coverage === 'other' ? { kind: 'other', detail: opt(d.coverageDetail) } : null
  return {
    firstName: d.firstName, lastName: d.lastName, preferredName: opt(d.preferredName), dateOfBirth: opt(d.dateOfBirth),
    chartNumber: opt(d.chartNumber), phone: opt(d.phone), email: opt(d.email), condition: opt(d.condition),
    referringProvider: opt(d.referringProvider), therapist: opt(d.therapist), status: d.status, patientType: d.patientType,
    appointment: { days: d.days, timesOfDay: d.timesOfDay, coverage }, notes: opt(d.notes),
  }
}

interface Props {
  opened: boolean
  patient?: Patient
  therapists: string[]
  onClose: () => void
  onSaved: (patient: Patient) => void
}

/** Create or edit a patient. Checked here as you save, and again by the main process. */
export function PatientForm({ opened, patient, therapists, onClose, onSaved }: Props) {
  const api = useApi()
  const [draft, setDraft] = useState<Draft>(() => draftOf(patient))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    // A field's error goes away as soon as it is being corrected.
    setErrors((e) => (e[key] ? { ...e, [key]: '' } : e))
  }
  const text = (key: keyof Draft & string, label: string, extra: object = {}) => (
    <TextInput label={label} value={draft[key] as string} onChange={(e) => set(key)(e.currentTarget.value as never)} error={errors[key]} {...extra} />
  )

  const submit = async () => {
    const input = inputOf(draft)
    const checked = patientInputSchema().safeParse(input)
    if (!checked.success) {
      const found: Record<string, string> = {}
      for (const issue of checked.error.issues) {
        const key = issue.path[0] === 'appointment' ? (issue.path.at(-1) === 'payer' ? 'payer' : 'appointment') : String(issue.path[0])
        found[key] ??= issue.message
      }
      return setErrors(found)
    }
    setSaving(true)
    const result = patient ? await api.updatePatient({ id: patient.id, revision: patient.revision, patient: checked.data }) : await api.createPatient(checked.data)
    setSaving(false)
    if (!result.ok) return setErrors(result.error.field ? { [result.error.field.split('.').at(-1)!]: result.error.message } : {})
    setErrors({})
    onSaved(result.value)
  }

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Text fw={700} size="lg">{patient ? `Edit ${patient.firstName} ${patient.lastName}` : 'New patient'}</Text>}>
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
            <Select label="Status" value={draft.status} onChange={(v) => v && set('status')(v as Draft['status'])} allowDeselect={false}
              data={[{ value: 'active', label: 'Active' }, { value: 'discharged', label: 'Discharged' }, { value: 'archived', label: 'Archived' }]} />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            {text('phone', 'Phone', { type: 'tel' })}
            {text('email', 'Email', { type: 'email' })}
            <Stack gap={4}>
              <Text size="sm" fw={500}>Patient is</Text>
              <SegmentedControl value={draft.patientType} onChange={(v) => set('patientType')(v as Draft['patientType'])}
                data={[{ value: 'new', label: 'New' }, { value: 'existing', label: 'Existing' }]} aria-label="New or existing patient" />
            </Stack>
          </SimpleGrid>
          <SimpleGrid cols={3}>
            {text('condition', 'Condition / diagnosis')}
            {text('referringProvider', 'Referring provider')}
            {text('therapist', 'Assigned therapist', { list: 'hp-therapists' })}
          </SimpleGrid>
          <datalist id="hp-therapists">{therapists.map((t) => <option key={t} value={t} />)}</datalist>
          <Fieldset legend="Appointment preferences">
            <Stack gap="sm">
              <Group gap="xs" aria-label="Preferred days">
                <Text size="sm" w={110}>Days</Text>
                <Chip.Group multiple value={draft.days} onChange={set('days')}>
                  {weekdays.map((d) => <Chip key={d} value={d} size="sm">{dayLabels[d]}</Chip>)}
                </Chip.Group>
              </Group>
              <Group gap="xs">
                <Text size="sm" w={110}>Time of day</Text>
                <Chip.Group multiple value={draft.timesOfDay} onChange={set('timesOfDay')}>
                  {timesOfDay.map((t) => <Chip key={t} value={t} size="sm">{timeLabels[t]}</Chip>)}
                </Chip.Group>
              </Group>
              <Group gap="xs" align="flex-start">
                <Text size="sm" w={110} mt={6}>Coverage</Text>
                <SegmentedControl value={draft.coverage} onChange={(v) => set('coverage')(v as Coverage)} aria-label="Coverage"
                  data={[{ value: 'none', label: 'Not set' }, { value: 'insurance', label: 'Insurance' }, { value: 'self-pay', label: 'Self-pay' }, { value: 'other', label: 'Other' }]} />
                {draft.coverage === 'insurance' && text('payer', 'Payer name', { placeholder: 'e.g. Premera', 'aria-label': 'Payer name', label: undefined })}
                {draft.coverage === 'other' && text('coverageDetail', 'Coverage detail', { placeholder: 'e.g. workers’ comp', 'aria-label': 'Coverage detail', label: undefined })}
              </Group>
              {errors['appointment'] && <Text c="red" size="sm">{errors['appointment']}</Text>}
            </Stack>
          </Fieldset>
          <Textarea label="Notes" autosize minRows={2} maxRows={6} value={draft.notes} onChange={(e) => set('notes')(e.currentTarget.value)} error={errors['notes']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={saving}>{patient ? 'Save changes' : 'Add patient'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
