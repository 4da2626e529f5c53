import {
  ActionIcon,
  Button,
  Group,
  Image,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useApi } from '../../app/api-context'
import { clinicSchema, therapistSchema, type Settings } from '../../core/settings'

/** The clinic and therapists that every handout names, and what happens after an export. */
export function ClinicSection({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const api = useApi()
  const [clinic, setClinic] = useState(settings.clinic)
  const [therapists, setTherapists] = useState(settings.therapists)
  const [error, setError] = useState<string>()
  const [logo, setLogo] = useState<string>()
  useEffect(() => {
    if (clinic.logo) void api.getMedia({ file: clinic.logo }).then((r) => r.ok && setLogo(r.value))
  }, [api, clinic.logo])
  const field = (key: 'name' | 'address' | 'phone' | 'website', label: string, placeholder: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={clinic[key] ?? ''}
      onChange={(e) => {
        const value = e.currentTarget.value
        setClinic((c) => ({ ...c, [key]: value || undefined }))
      }}
    />
  )
  const save = async () => {
    const checked = clinicSchema.safeParse(clinic)
    const people = therapists.filter((t) => t.name.trim()).map((t) => therapistSchema.safeParse(t))
    const bad = [checked, ...people].find((r) => !r.success)
    if (bad && !bad.success) return setError(bad.error.issues[0]?.message)
    if (!clinic.name.trim()) return setError('Enter the clinic’s name: it heads every handout.')
    const result = await api.updateSettings({ clinic: checked.data!, therapists: people.map((p) => p.data!) })
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    notifications.show({ color: 'teal', message: 'Clinic details saved.' })
    onSaved(result.value)
  }
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2}>
        {field('name', 'Clinic name', 'e.g. Riverside Physical Therapy')}
        {field('phone', 'Phone patients should call', 'e.g. (206) 555-0142')}
        {field('address', 'Address', 'Street, city')}
        {field('website', 'Website', 'e.g. riversidept.example')}
      </SimpleGrid>
      <Textarea
        label="Closing message on every handout"
        autosize
        minRows={2}
        placeholder="e.g. If your pain has not eased after two weeks, book a visit."
        value={clinic.closingMessage ?? ''}
        onChange={(e) => {
          const value = e.currentTarget.value
          setClinic((c) => ({ ...c, closingMessage: value || undefined }))
        }}
      />
      <Group gap="sm">
        <Text size="sm" fw={500}>
          Logo
        </Text>
        {clinic.logo && logo && <Image src={logo} h={40} w="auto" fit="contain" alt="Clinic logo" />}
        <Button
          size="xs"
          variant="default"
          onClick={() =>
            void api.setClinicLogo({ remove: false }).then((r) => r.ok && (setClinic(r.value.clinic), onSaved(r.value)))
          }
        >
          {clinic.logo ? 'Change logo…' : 'Choose logo (PNG or JPEG)…'}
        </Button>
        {clinic.logo && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() =>
              void api
                .setClinicLogo({ remove: true })
                .then((r) => r.ok && (setClinic(r.value.clinic), onSaved(r.value)))
            }
          >
            Remove
          </Button>
        )}
      </Group>
      <Group>
        <Text size="sm" fw={500}>
          Usual layout
        </Text>
        <SegmentedControl
          aria-label="Usual layout"
          value={clinic.layout}
          onChange={(v) => setClinic((c) => ({ ...c, layout: v as Settings['clinic']['layout'] }))}
          data={[
            { value: 'detailed', label: 'Detailed' },
            { value: 'compact', label: 'Compact' },
            { value: 'large', label: 'Large print' },
          ]}
        />
      </Group>
      <Text size="sm" fw={600} mt="xs">
        Therapists
      </Text>
      {therapists.map((t, i) => (
        <Group key={i} gap="xs" align="flex-end">
          <TextInput
            label={i === 0 ? 'Name' : undefined}
            aria-label={`Therapist ${i + 1} name`}
            value={t.name}
            onChange={(e) => {
              const name = e.currentTarget.value
              setTherapists((all) => all.map((x, j) => (j === i ? { ...x, name } : x)))
            }}
          />
          <TextInput
            label={i === 0 ? 'Credentials' : undefined}
            aria-label={`Therapist ${i + 1} credentials`}
            placeholder="e.g. PT, DPT"
            value={t.credentials ?? ''}
            onChange={(e) => {
              const credentials = e.currentTarget.value || undefined
              setTherapists((all) => all.map((x, j) => (j === i ? { ...x, credentials } : x)))
            }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove therapist ${t.name || i + 1}`}
            onClick={() => setTherapists((all) => all.filter((_, j) => j !== i))}
            mb={4}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setTherapists((all) => [...all, { name: '' }])}
        >
          Add a therapist
        </Button>
      </Group>
      <Switch
        label="Open each handout after exporting it"
        checked={settings.openAfterExport}
        onChange={(e) => {
          const openAfterExport = e.currentTarget.checked
          void api.updateSettings({ openAfterExport }).then((r) => r.ok && onSaved(r.value))
        }}
      />
      <Switch
        label="Print the clinician shorthand under each dose (e.g. “10–15 reps · hold 5 s”)"
        checked={settings.clinicianShorthand === true}
        onChange={(e) => {
          const clinicianShorthand = e.currentTarget.checked
          void api.updateSettings({ clinicianShorthand }).then((r) => r.ok && onSaved(r.value))
        }}
      />
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
      <Group>
        <Button onClick={() => void save()}>Save clinic details</Button>
      </Group>
    </Stack>
  )
}
