import { SegmentedControl, Select, Stack, Text, Textarea, TextInput, type TextInputProps } from '@mantine/core'
import type { ParseKeys, TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Dates } from '../../app/use-dates'
import type { EveryField } from '../../app/use-zod-form'
import type { Weekday } from '../../core/dosage'
import type { PatientInput } from '../../core/patient'
import { AppointmentField, coverageText } from './AppointmentField'
import { ageOn, statusKey } from './format'
import { timeKeys, type PatientFormApi } from './patient-draft'
import { useTherapistSuggestions } from '../../app/roster-context'
import {
  AuthorisedVisitsInput,
  MemberIdInput,
  NextAppointmentInput,
  NoInput,
  OnsetInput,
  PrecautionsInput,
} from './chart-fields'
import { asHandoutLanguage, handoutLanguages, languageNames } from '../../core/languages'

type Name = keyof PatientInput
interface InputProps {
  form: PatientFormApi
  name: Name
}

type Label = ParseKeys<'patients'>
/** What a field's value is shown with: the screen's words, dates and day names. */
export interface Words {
  t: TFunction<'patients'>
  dates: Dates
  dayName: (day: Weekday) => string
}

/** How the patient's page shows a field; several for a group of fields (the appointment). */
interface Detail {
  /** The catalogue key of its name. */
  label: Label
  /** Left out: the value as typed. */
  show?: (patient: PatientInput, words: Words) => ReactNode
  /** Across the whole card, below the others. */
  wide?: boolean
}

export interface PatientFieldView {
  Input: (props: InputProps) => ReactNode
  /** Across the whole form, below the grid of short fields. */
  wide?: boolean
  /** In the form's Chart section (with `wide`: across it, below the others). */
  chart?: boolean
  /** None: the page's title shows it (names, status). */
  details?: readonly Detail[]
}

const text = (label: Label, extra: TextInputProps & { 'data-autofocus'?: boolean } = {}) =>
  function TextField({ form, name }: InputProps) {
    const { t } = useTranslation('patients')
    return <TextInput label={t(label)} {...extra} {...form.getInputProps(name)} />
  }

/** Short text: the form's input and the page's line share a name, unless the page needs a shorter one. */
const shortText = (label: Label, detail = label, extra?: TextInputProps): PatientFieldView => ({
  Input: text(label, extra),
  details: [{ label: detail }],
})

function StatusInput({ form }: InputProps) {
  const { t } = useTranslation('patients')
  return (
    <Select
      label={t('fields.status')}
      allowDeselect={false}
      data={Object.entries(statusKey).map(([value, key]) => ({ value, label: t(key) }))}
      {...form.getInputProps('status')}
    />
  )
}

function PatientTypeInput({ form }: InputProps) {
  const { t } = useTranslation('patients')
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('fields.patientIs')}
      </Text>
      <SegmentedControl
        data={[
          { value: 'new', label: t('fields.new') },
          { value: 'existing', label: t('fields.existing') },
        ]}
        aria-label={t('fields.newOrExisting')}
        {...form.getInputProps('patientType')}
      />
    </Stack>
  )
}

/** The therapist, with the names already on the roster offered as you type. */
function TherapistInput({ form }: InputProps) {
  const therapists = useTherapistSuggestions()
  const { t } = useTranslation('patients')
  return (
    <>
      <TextInput label={t('fields.therapist')} list="hp-therapists" {...form.getInputProps('therapist')} />
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
  const { t } = useTranslation('patients')
  return (
    <Select
      label={t('fields.handoutLanguage')}
      data={handoutLanguages.map((value) => ({ value, label: languageNames[value] }))}
      allowDeselect={false}
      value={form.values.handoutLanguage ?? 'en'}
      onChange={(value) => form.setFieldValue('handoutLanguage', asHandoutLanguage(value))}
    />
  )
}

function NotesInput({ form, name }: InputProps) {
  const { t } = useTranslation('patients')
  return <Textarea label={t('fields.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps(name)} />
}

const today = () => new Date().toISOString().slice(0, 10)
function DateOfBirthInput(props: InputProps) {
  return text('fields.dateOfBirth', { type: 'date', max: today() } as TextInputProps)(props)
}

/**
 * Every field of the patient form, in the order the form shows them, with how the patient's page shows each.
 * The compiler refuses a field of the schema (src/core/patient.ts) that is missing here: see docs/adding-a-field.md.
 */
export const patientFieldViews = {
  firstName: { Input: text('fields.firstName', { required: true, 'data-autofocus': true }) },
  lastName: { Input: text('fields.lastName', { required: true }) },
  preferredName: { Input: text('fields.preferredName') },
  dateOfBirth: {
    Input: DateOfBirthInput,
    details: [
      {
        label: 'fields.dateOfBirth',
        show: (p, { t, dates }) =>
          p.dateOfBirth && t('fields.dateOfBirthAge', { date: dates.date(p.dateOfBirth), age: ageOn(p.dateOfBirth) }),
      },
    ],
  },
  chartNumber: shortText('fields.chartNumber', 'fields.chartNumberShort'),
  status: { Input: StatusInput },
  phone: shortText('fields.phone', 'fields.phone', { type: 'tel' }),
  email: shortText('fields.email', 'fields.email', { type: 'email' }),
  patientType: { Input: PatientTypeInput },
  condition: shortText('fields.condition', 'fields.conditionShort'),
  referringProvider: shortText('fields.referringProvider'),
  therapist: { Input: TherapistInput, details: [{ label: 'fields.therapistShort' }] },
  handoutLanguage: {
    Input: HandoutLanguageInput,
    details: [{ label: 'fields.handoutLanguage', show: (p) => languageNames[p.handoutLanguage ?? 'en'] }],
  },
  appointment: {
    Input: AppointmentField,
    wide: true,
    details: [
      { label: 'fields.coverage', show: (p, { t }) => coverageText(p.appointment.coverage, t) },
      {
        label: 'fields.preferredDays',
        show: (p, { dayName }) => p.appointment.days.map(dayName).join(', '),
      },
      {
        label: 'fields.timeOfDay',
        show: (p, { t }) => p.appointment.timesOfDay.map((time) => t(timeKeys[time])).join(', '),
      },
    ],
  },
  notes: { Input: NotesInput, wide: true, details: [{ label: 'fields.notes', wide: true }] },
  // The chart (issue 19), in a section of its own on the form.
  onsetDate: {
    Input: OnsetInput,
    chart: true,
    details: [
      {
        label: 'chart.onsetShort',
        show: (p, { t, dates }) =>
          p.onsetDate &&
          t('chart.onsetText', {
            kind: p.onsetKind === 'onset' ? t('chart.onset') : t('chart.surgery'),
            date: dates.date(p.onsetDate),
          }),
      },
    ],
  },
  onsetKind: { Input: NoInput, chart: true },
  nextAppointment: {
    Input: NextAppointmentInput,
    chart: true,
    details: [{ label: 'chart.nextAppointment', show: (p, { dates }) => dates.date(p.nextAppointment) }],
  },
  memberId: { Input: MemberIdInput, chart: true, details: [{ label: 'chart.memberId' }] },
  authorisedVisits: { Input: AuthorisedVisitsInput, chart: true, details: [{ label: 'chart.authorisedVisits' }] },
  precautions: {
    Input: PrecautionsInput,
    chart: true,
    wide: true,
    details: [{ label: 'chart.precautions', wide: true }],
  },
} satisfies EveryField<PatientInput, PatientFieldView>

/** The fields in the form's order, typed by name. */
export const patientFieldList = Object.entries(patientFieldViews) as [Name, PatientFieldView][]
