import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Patient } from '../../../../src/core/patient'
import { DeletePatientDialog } from '../../../../src/features/patients/DeletePatientDialog'
import { loadDraft, saveDraft } from '../../../../src/features/program/draft'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'
import { patientInput } from '../../../support/patients'

const draft = { title: 'Hip plan', items: [] }

async function setup() {
  const api = fakeApi()
  const created = await api.createPatient(patientInput({ firstName: 'Maria', lastName: 'Garcia' }))
  const other = await api.createPatient(patientInput({ firstName: 'Tom', lastName: 'Berg', chartNumber: 'MRN-2' }))
  if (!created.ok || !other.ok) throw new Error('could not create the patients')
  const patient: Patient = created.value
  saveDraft(patient.id, undefined, draft)
  saveDraft(patient.id, 'program-000001', draft)
  saveDraft(other.value.id, undefined, draft)
  const onDeleted = vi.fn()
  const rendered = renderWithApi(
    <DeletePatientDialog patient={patient} opened onClose={() => {}} onDeleted={onDeleted} />,
    { api, roster: true },
  )
  return { ...rendered, patient, other: other.value, onDeleted }
}

describe('DeletePatientDialog', () => {
  it('deletes the patient’s drafts on this computer with them, and no one else’s', async () => {
    const { user, api, patient, other, onDeleted } = await setup()
    await user.click(await screen.findByRole('button', { name: 'Delete Maria Garcia' }))
    await waitFor(() => expect(onDeleted).toHaveBeenCalled())
    expect(api.deletePatient).toHaveBeenCalledWith({ id: patient.id })
    expect(loadDraft(patient.id, undefined)).toBeUndefined()
    expect(loadDraft(patient.id, 'program-000001')).toBeUndefined()
    expect(loadDraft(other.id, undefined)).toMatchObject(draft)
  }, 30_000)

  it('takes them out of the backups too when that box is ticked', async () => {
    const { user, api, patient, onDeleted } = await setup()
    const box = await screen.findByRole('checkbox', { name: 'Also remove Maria from the backups' })
    expect(box).not.toBeChecked()
    await user.click(box)
    await user.click(screen.getByRole('button', { name: 'Delete Maria Garcia' }))
    await waitFor(() => expect(onDeleted).toHaveBeenCalled())
    expect(api.deletePatient).toHaveBeenCalledWith({ id: patient.id, purgeBackups: true })
    const result = await (api.deletePatient as unknown as { mock: { results: { value: Promise<unknown> }[] } }).mock
      .results[0]!.value
    expect(result).toMatchObject({ ok: true, value: { id: patient.id, backups: { unreadable: [], failed: [] } } })
  }, 30_000)
})
