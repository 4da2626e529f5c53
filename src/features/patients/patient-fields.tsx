import { SegmentedControl, Select, Stack, Text, Textarea, TextInput, type TextInputProps } from '@mantine/core'
import type { ReactNode } from 'react'
import type { EveryField } from '../../app/use-zod-form'
import type { PatientInput } from '../../core/patient'
import { AppointmentField, coverageText } from './AppointmentField'
import { formatDate } from '../../core/dates'
import { dayLabels } from '../../core/dosage'
import { ageOn } from './format'
import { timeLabels, type PatientFormApi } from './patient-draft'
import { useTherapistSuggestions } from '../../app/roster-context'
import { handoutLanguages, languageNames } from '../../core/languages'

type Name = keyof PatientInput
interface InputProps {
  form: PatientFormApi
  name: Name
}

/** How the patient's page shows a field; several for a group of fields (the appointment). */
interface Detail {
  label: string
  /** Left out: the value as typed. */
  show?: (patient: PatientInput) => ReactNode
  /** Across the whole card, below the others. */
  wide?: boolean
}

export interface PatientFieldView {
  Input: (props: InputProps) => ReactNode
  /** Across the whole form, below the grid of short fields. */
  wide?: boolean
  /** None: the page's title shows it (names, status). */
  details?: readonly Detail[]
}

const text =
  (label: string, extra: TextInputProps & { 'data-autofocus'?: boolean } = {}) =>
  ({ form, name }: InputProps) => <TextInput label={label} {...extra} {...form.getInputProps(name)} />

/** Short text: the form's input and the page's line share a name, unless the page needs a shorter one. */
const shortText = (label: string, detail = label, extra?: TextInputProps): PatientFieldView => ({
  Input: text(label, extra),
  details: [{ label: detail }],
})

function StatusInput({ form }: InputProps) {
  return (
    <Select
      label="Status"
      allowDeselect={false}
      data={[
        { value: 'active', label: 'Active' },
        { value: 'discharged', label: 'Discharged' },
        { value: 'archived', label: 'Archived' },
      ]}
      {...form.getInputProps('status')}
    />
  )
}

function PatientTypeInput({ form }: InputProps) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Patient is
      </Text>
      <SegmentedControl
        data={[
          { value: 'new', label: 'New' },
          { value: 'existing', label: 'Existing' },
        ]}
        aria-label="New or existing patient"
        {...form.getInputProps('patientType')}
      />
    </Stack>
  )
}

/** The therapist, with the names already on the roster offered as you type. */
function TherapistInput({ form }: InputProps) {
  const therapists = useTherapistSuggestions()
  return (
    <>
      <TextInput label="Assigned therapist" list="hp-therapists" {...form.getInputProps('therapist')} />
      <datalist id="hp-therapists">
        {therapists.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </>
  )
}

/** The language the patient's handouts print in (the export can still choose another for one handout). */
function HandoutLanguageInput({ form }: InputProps) {
  return (
    <Select
      label="Handout language"
      data={handoutLanguages.map((value) => ({ value, label: languageNames[value] }))}
      allowDeselect={false}
      value={form.values.handoutLanguage ?? 'en'}
      onChange={(value) => form.setFieldValue('handoutLanguage', value === 'es' ? 'es' : 'en')}
    />
  )
}

const today = () => new Date().toISOString().slice(0, 10)
function DateOfBirthInput(props: InputProps) {
  return text('Date of birth', { type: 'date', max: today() } as TextInputProps)(props)
}

/**
 * Every field of the patient form, in the order the form shows them, with how the patient's page shows each.
 * The compiler refuses a field of the schema (src/core/patient.ts) that is missing here: see docs/adding-a-field.md.
 */
export const patientFieldViews = {
  firstName: { Input: text('First name', { required: true, 'data-autofocus': true }) },
  lastName: { Input: text('Last name', { required: true }) },
  preferredName: { Input: text('Preferred name') },
  dateOfBirth: {
    Input: DateOfBirthInput,
    details: [
      {
        label: 'Date of birth',
        show: (p) => p.dateOfBirth && `${formatDate(p.dateOfBirth)} (age ${ageOn(p.dateOfBirth)})`,
      },
    ],
  },
  chartNumber: shortText('Chart / MRN number', 'Chart / MRN'),
  status: { Input: StatusInput },
  phone: shortText('Phone', 'Phone', { type: 'tel' }),
  email: shortText('Email', 'Email', { type: 'email' }),
  patientType: { Input: PatientTypeInput },
  condition: shortText('Condition / diagnosis', 'Condition'),
  referringProvider: shortText('Referring provider'),
  therapist: { Input: TherapistInput, details: [{ label: 'Therapist' }] },
  handoutLanguage: {
    Input: HandoutLanguageInput,
    details: [{ label: 'Handout language', show: (p) => languageNames[p.handoutLanguage ?? 'en'] }],
  },
  appointment: {
    Input: AppointmentField,
    wide: true,
    details: [
      { label: 'Coverage', show: (p) => coverageText(p.appointment.coverage) },
      { label: 'Preferred days', show: (p) => p.appointment.days.map((d) => dayLabels[d]).join(', ') },
      { label: 'Time of day', show: (p) => p.appointment.timesOfDay.map((t) => timeLabels[t]).join(', ') },
    ],
  },
  notes: {
    Input: ({ form, name }) => (
      <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps(name)} />
    ),
    wide: true,
    details: [{ label: 'Notes', wide: true }],
  },
} satisfies EveryField<PatientInput, PatientFieldView>

/** The fields in the form's order, typed by name. */
export const patientFieldList = Object.entries(patientFieldViews) as [Name, PatientFieldView][]
