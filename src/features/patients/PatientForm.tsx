import { Alert, Button, Fieldset, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import { isLocked } from '../../app/lock-context'
import { fieldsOf, useZodForm } from '../../app/use-zod-form'
import { fullName } from '../../core/names'
import type { Patient, PatientSummary } from '../../core/patient'
import { DiscardNewPatient, SamePersonWarning } from './PatientFormAlerts'
import { forgetForm, keepForm, keptForm, newPatient, patientFormSchema, samePerson } from './patient-draft'
import { patientFieldList } from './patient-fields'
import { useRoster } from '../../app/roster-context'

interface Props {
  opened: boolean
  patient?: Patient
  onClose: () => void
  onSaved: (patient: Patient) => void
}

const grid = patientFieldList.filter(([, view]) => !view.wide && !view.chart)
const wide = patientFieldList.filter(([, view]) => view.wide && !view.chart)
const chartGrid = patientFieldList.filter(([, view]) => view.chart && !view.wide)
const chartWide = patientFieldList.filter(([, view]) => view.chart && view.wide)

/**
 * Create or edit a patient. Checked here as you save, and again by the main process. A refusal is shown once,
 * by the field it concerns (or above the buttons), never also as a pop-up.
 */
export function PatientForm({ opened, patient, onClose, onSaved }: Props) {
  const api = useQuietApi()
  const roster = useRoster()
  const { t } = useTranslation('patients')
  const [saving, setSaving] = useState(false)
  const [twin, setTwin] = useState<PatientSummary>()
  const [askDiscard, setAskDiscard] = useState(false)
  const draftKey = patient?.id ?? 'new'
  const form = useZodForm(patientFormSchema, {
    initialValues: patient ? fieldsOf(patientFormSchema, patient) : newPatient,
    argument: patient ? 'patient' : undefined,
    onValuesChange: (values) => {
      setTwin(undefined)
      keepForm(draftKey, values)
    },
  })
  // Reopened after the lock: what was typed comes back (as a change, so a new patient still asks before discarding).
  // Kept only for the lock: a form unmounted otherwise (leaving the page) is not kept.
  useEffect(() => {
    const kept = keptForm(draftKey)
    if (kept) form.setValues(kept)
    return () => void (isLocked() || forgetForm(draftKey))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the form opens
  }, [draftKey])
  const close = () => {
    forgetForm(draftKey)
    onClose()
  }
  // Esc, the close button and Cancel all come here: a half-filled new patient is not thrown away without asking.
  const requestClose = () => (!patient && form.isDirty() ? setAskDiscard(true) : close())

  const submit = async (anyway = false) => {
    const input = form.check()
    if (!input) return
    const other = anyway ? undefined : samePerson(input, roster.patients ?? [], patient?.id)
    if (other) return setTwin(other)
    setTwin(undefined)
    setSaving(true)
    const result = patient
      ? await api.updatePatient({ id: patient.id, revision: patient.revision, patient: input })
      : await api.createPatient(input)
    setSaving(false)
    if (!result.ok) return form.showError(result.error)
    forgetForm(draftKey)
    onSaved(result.value)
  }

  return (
    <Modal
      opened={opened}
      onClose={requestClose}
      size="xl"
      title={
        <Text fw={700} size="lg">
          {patient ? t('form.editTitle', { name: fullName(patient) }) : t('form.newTitle')}
        </Text>
      }
    >
      <form onSubmit={(e) => (e.preventDefault(), void submit())} noValidate>
        <Stack gap="md">
          {/* Four across where there is room: at three, 13 fields took five rows and on a 900 px screen the buttons
              sat under the notifications in the corner. */}
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {grid.map(([name, { Input }]) => (
              <Input key={name} form={form} name={name} />
            ))}
          </SimpleGrid>
          {wide.map(([name, { Input }]) => (
            <Input key={name} form={form} name={name} />
          ))}
          <Fieldset legend={t('chart.legend')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {chartGrid.map(([name, { Input }]) => (
                  <Input key={name} form={form} name={name} />
                ))}
              </SimpleGrid>
              {chartWide.map(([name, { Input }]) => (
                <Input key={name} form={form} name={name} />
              ))}
            </Stack>
          </Fieldset>
          {form.formError && (
            <Alert color="red" variant="light">
              {form.formError}
            </Alert>
          )}
          {twin && (
            <SamePersonWarning
              twin={twin}
              editing={!!patient}
              saving={saving}
              onConfirm={() => void submit(true)}
              onBack={() => setTwin(undefined)}
            />
          )}
          {askDiscard && <DiscardNewPatient onKeep={() => setAskDiscard(false)} onDiscard={close} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={requestClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {patient ? t('form.save') : t('form.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
