import { ActionIcon, Button, Group, Image, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import { z } from 'zod'
import { useApi } from '../../app/api-context'
import type { AllPlaced, EveryField, ZodForm } from '../../app/use-zod-form'
import { handoutLayouts, layoutLabels } from '../../core/handout-options'
import { settingsPatchSchema, type Settings } from '../../core/settings'

const clinic = settingsPatchSchema.shape.clinic.unwrap()
/**
 * What the clinic form edits: the clinic and the therapists, as updateSettings takes them. The clinic's name is
 * required here only: settings start without one, but a handout is headed by it.
 */
export const clinicFormSchema = z.strictObject({
  clinic: clinic.extend({ name: clinic.shape.name.min(1, 'Enter the clinic’s name: it heads every handout.') }),
  therapists: settingsPatchSchema.shape.therapists.unwrap(),
})
export type ClinicFormValues = z.input<typeof clinicFormSchema>
export type ClinicFormApi = ZodForm<typeof clinicFormSchema>
type Clinic = ClinicFormValues['clinic']
type Therapist = ClinicFormValues['therapists'][number]

export type ClinicInput = (props: { form: ClinicFormApi; onSaved: (s: Settings) => void }) => ReactNode

const text =
  (name: 'name' | 'address' | 'phone' | 'website', label: string, placeholder: string): ClinicInput =>
  ({ form }) => <TextInput label={label} placeholder={placeholder} {...form.getInputProps(`clinic.${name}`)} />

function LogoInput({ form, onSaved }: Parameters<ClinicInput>[0]) {
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
        Logo
      </Text>
      {file && logo && <Image src={logo} h={40} w="auto" fit="contain" alt="Clinic logo" />}
      <Button size="xs" variant="default" onClick={() => choose(false)}>
        {file ? 'Change logo…' : 'Choose logo (PNG or JPEG)…'}
      </Button>
      {file && (
        <Button size="xs" variant="subtle" color="red" onClick={() => choose(true)}>
          Remove
        </Button>
      )}
    </Group>
  )
}

/** The clinic's fields; the compiler refuses a field of the schema (src/core/settings.ts) missing here. */
export const clinicInputs = {
  name: text('name', 'Clinic name', 'e.g. Riverside Physical Therapy'),
  phone: text('phone', 'Phone patients should call', 'e.g. (206) 555-0142'),
  address: text('address', 'Address', 'Street, city'),
  website: text('website', 'Website', 'e.g. riversidept.example'),
  closingMessage: ({ form }) => (
    <Textarea
      label="Closing message on every handout"
      autosize
      minRows={2}
      placeholder="e.g. If your pain has not eased after two weeks, book a visit."
      {...form.getInputProps('clinic.closingMessage')}
    />
  ),
  logo: LogoInput,
  translations: ({ form }) => (
    <Stack gap="xs">
      <TextInput
        label="Clinic name on Spanish handouts"
        placeholder="Left empty: the clinic name above"
        {...form.getInputProps('clinic.translations.es.name')}
        value={form.values.clinic.translations?.es?.name ?? ''}
      />
      <Textarea
        label="Closing message on Spanish handouts"
        description="A Spanish handout prints this instead of the closing message above; without it, the export asks first."
        autosize
        minRows={2}
        {...form.getInputProps('clinic.translations.es.closingMessage')}
        value={form.values.clinic.translations?.es?.closingMessage ?? ''}
      />
    </Stack>
  ),
  layout: ({ form }) => (
    <Group>
      <Text size="sm" fw={500}>
        Usual layout
      </Text>
      <SegmentedControl
        aria-label="Usual layout"
        data={handoutLayouts.map((layout) => ({ value: layout, label: layoutLabels[layout] }))}
        {...form.getInputProps('clinic.layout')}
      />
    </Group>
  ),
} satisfies EveryField<Clinic, ClinicInput>

type TherapistInput = (props: { form: ClinicFormApi; index: number }) => ReactNode
/** Kept as they are: no input sets a therapist's phone or email yet (a handout prints the phone when the clinic has none). */
const keptAsIs = null

/** A therapist's fields, in a row; the compiler refuses a field of the schema missing here. */
export const therapistInputs = {
  name: ({ form, index }) => (
    <TextInput
      label={index === 0 ? 'Name' : undefined}
      aria-label={`Therapist ${index + 1} name`}
      {...form.getInputProps(`therapists.${index}.name`)}
    />
  ),
  credentials: ({ form, index }) => (
    <TextInput
      label={index === 0 ? 'Credentials' : undefined}
      aria-label={`Therapist ${index + 1} credentials`}
      placeholder="e.g. PT, DPT"
      {...form.getInputProps(`therapists.${index}.credentials`)}
    />
  ),
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
        aria-label={`Remove therapist ${name || index + 1}`}
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
