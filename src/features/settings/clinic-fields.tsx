import { ActionIcon, Button, Group, Image, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useApi } from '../../app/api-context'
import type { AllPlaced, EveryField, ZodForm } from '../../app/use-zod-form'
import { handoutLayouts, type HandoutLayout } from '../../core/handout-options'
import { settingsPatchSchema, type Settings } from '../../core/settings'
import { uiI18n } from '../../i18n/ui'

const clinic = settingsPatchSchema.shape.clinic.unwrap()
/**
 * What the clinic form edits: the clinic and the therapists, as updateSettings takes them. The clinic's name is
 * required here only: settings start without one, but a handout is headed by it.
 */
export const clinicFormSchema = z.strictObject({
  // Worded when the form is checked, so in the screens' language of that moment.
  clinic: clinic.extend({ name: clinic.shape.name.min(1, { error: () => uiI18n.t('settings:fields.nameRequired') }) }),
  therapists: settingsPatchSchema.shape.therapists.unwrap(),
})
export type ClinicFormValues = z.input<typeof clinicFormSchema>
export type ClinicFormApi = ZodForm<typeof clinicFormSchema>
type Clinic = ClinicFormValues['clinic']
type Therapist = ClinicFormValues['therapists'][number]

export type ClinicInput = (props: { form: ClinicFormApi; onSaved: (s: Settings) => void }) => ReactNode

/** The clinic's one-line fields: each one's label and placeholder. */
const textFields = {
  name: ['fields.name', 'fields.namePlaceholder'],
  phone: ['fields.phone', 'fields.phonePlaceholder'],
  address: ['fields.address', 'fields.addressPlaceholder'],
  website: ['fields.website', 'fields.websitePlaceholder'],
} as const

function TextField({ form, name }: { form: ClinicFormApi; name: keyof typeof textFields }) {
  const { t } = useTranslation('settings')
  const [label, placeholder] = textFields[name]
  return <TextInput label={t(label)} placeholder={t(placeholder)} {...form.getInputProps(`clinic.${name}`)} />
}
const text =
  (name: keyof typeof textFields): ClinicInput =>
  ({ form }) => <TextField form={form} name={name} />

function LogoInput({ form, onSaved }: Parameters<ClinicInput>[0]) {
  const { t } = useTranslation('settings')
  const api = useApi()
  const file = form.getValues().clinic.logo
  const [logo, setLogo] = useState<string>()
  useEffect(() => {
    if (file) void api.getMedia({ file }).then((r) => r.ok && setLogo(r.value))
  }, [api, file])
  // The logo is saved at once; only it changes in the form, so what else was typed is kept.
  const choose = (remove: boolean) =>
    void api.setClinicLogo({ remove }).then((r) => {
      if (!r.ok) return
      form.setFieldValue('clinic.logo', r.value.clinic.logo)
      onSaved(r.value)
    })
  return (
    <Group gap="sm">
      <Text size="sm" fw={500}>
        {t('fields.logo')}
      </Text>
      {file && logo && <Image src={logo} h={40} w="auto" fit="contain" alt={t('fields.logoAlt')} />}
      <Button size="xs" variant="default" onClick={() => choose(false)}>
        {file ? t('fields.changeLogo') : t('fields.chooseLogo')}
      </Button>
      {file && (
        <Button size="xs" variant="subtle" color="red" onClick={() => choose(true)}>
          {t('fields.removeLogo')}
        </Button>
      )}
    </Group>
  )
}

function ClosingMessageInput({ form }: Parameters<ClinicInput>[0]) {
  const { t } = useTranslation('settings')
  return (
    <Textarea
      label={t('fields.closingMessage')}
      autosize
      minRows={2}
      placeholder={t('fields.closingMessagePlaceholder')}
      {...form.getInputProps('clinic.closingMessage')}
    />
  )
}

/** The clinic's name and closing message as Spanish handouts print them. */
function SpanishWordsInput({ form }: Parameters<ClinicInput>[0]) {
  const { t } = useTranslation('settings')
  return (
    <Stack gap="xs">
      <TextInput
        label={t('fields.spanishName')}
        placeholder={t('fields.spanishNamePlaceholder')}
        {...form.getInputProps('clinic.translations.es.name')}
        value={form.values.clinic.translations?.es?.name ?? ''}
      />
      <Textarea
        label={t('fields.spanishClosing')}
        description={t('fields.spanishClosingHelp')}
        autosize
        minRows={2}
        {...form.getInputProps('clinic.translations.es.closingMessage')}
        value={form.values.clinic.translations?.es?.closingMessage ?? ''}
      />
    </Stack>
  )
}

function LayoutInput({ form }: Parameters<ClinicInput>[0]) {
  const { t } = useTranslation('settings')
  const names: Record<HandoutLayout, string> = {
    detailed: t('fields.detailed'),
    compact: t('fields.compact'),
    large: t('fields.large'),
  }
  return (
    <Group>
      <Text size="sm" fw={500}>
        {t('fields.layout')}
      </Text>
      <SegmentedControl
        aria-label={t('fields.layout')}
        data={handoutLayouts.map((layout) => ({ value: layout, label: names[layout] }))}
        {...form.getInputProps('clinic.layout')}
      />
    </Group>
  )
}

/** The clinic's fields; the compiler refuses a field of the schema (src/core/settings.ts) missing here. */
export const clinicInputs = {
  name: text('name'),
  phone: text('phone'),
  address: text('address'),
  website: text('website'),
  closingMessage: ClosingMessageInput,
  logo: LogoInput,
  translations: SpanishWordsInput,
  layout: LayoutInput,
} satisfies EveryField<Clinic, ClinicInput>

type TherapistInput = (props: { form: ClinicFormApi; index: number }) => ReactNode
/** Kept as they are: no input sets a therapist's phone or email yet (a handout prints the phone when the clinic has none). */
const keptAsIs = null

function TherapistName({ form, index }: Parameters<TherapistInput>[0]) {
  const { t } = useTranslation('settings')
  return (
    <TextInput
      label={index === 0 ? t('therapist.name') : undefined}
      aria-label={t('therapist.nameOf', { number: index + 1 })}
      {...form.getInputProps(`therapists.${index}.name`)}
    />
  )
}

function TherapistCredentials({ form, index }: Parameters<TherapistInput>[0]) {
  const { t } = useTranslation('settings')
  return (
    <TextInput
      label={index === 0 ? t('therapist.credentials') : undefined}
      aria-label={t('therapist.credentialsOf', { number: index + 1 })}
      placeholder={t('therapist.credentialsPlaceholder')}
      {...form.getInputProps(`therapists.${index}.credentials`)}
    />
  )
}

/** A therapist's fields, in a row; the compiler refuses a field of the schema missing here. */
export const therapistInputs = {
  name: TherapistName,
  credentials: TherapistCredentials,
  phone: keptAsIs,
  email: keptAsIs,
} satisfies EveryField<Therapist, TherapistInput | typeof keptAsIs>

type ShownTherapistField = {
  [K in keyof Therapist]-?: (typeof therapistInputs)[K] extends null ? never : K
}[keyof Therapist]
const therapistRow = ['name', 'credentials'] as const satisfies readonly ShownTherapistField[]
// A therapist's field with an input but no place in the row is a compile error here, naming the field.
const everyFieldPlaced: AllPlaced<ShownTherapistField, (typeof therapistRow)[number]> = true
void everyFieldPlaced

/** One therapist's row: its inputs and a button that takes the row away. */
export function TherapistRow({ form, index }: { form: ClinicFormApi; index: number }) {
  const { t } = useTranslation('settings')
  const { name } = form.getValues().therapists[index]!
  return (
    <Group gap="xs" align="flex-end">
      {therapistRow.map((field) => {
        const Input = therapistInputs[field]
        return <Input key={field} form={form} index={index} />
      })}
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('therapist.remove', { name: name || index + 1 })}
        onClick={() => form.removeListItem('therapists', index)}
        mb={4}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  )
}

/** A row nobody typed in: left out when saving, as it always was. */
export const isBlank = (therapist: Therapist) =>
  Object.values(therapist).every((value) => typeof value !== 'string' || value.trim() === '')

/** The clinic's fields whose input shows its own problem (the logo's buttons show none). */
const clinicShown = new Set<string>(Object.keys(clinicInputs).filter((key) => key !== 'logo'))
const therapistShown = new Set<string>(therapistRow)

/** A problem no input shows (a therapist's phone, the list's length): shown above the button. */
export function unshownProblem(errors: Record<string, unknown>): string | undefined {
  const found = Object.entries(errors).find(([path]) => {
    const [group, a, b] = path.split('.')
    return !(
      (group === 'clinic' && clinicShown.has(a ?? '')) ||
      (group === 'therapists' && b !== undefined && therapistShown.has(b))
    )
  })
  return typeof found?.[1] === 'string' ? found[1] : undefined
}
