import { screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Patient } from '../../../../src/core/patient'
import type { ProgramDraft } from '../../../../src/features/program/draft'
import { ProgramHeader } from '../../../../src/features/program/ProgramHeader'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

const draft: ProgramDraft = { title: 'Hips', items: [] }

function Harness(props: { patient: Patient; programId?: string; dirty?: boolean; onSave?: () => void }) {
  const [value, setValue] = useState(draft)
  return (
    <ProgramHeader
      patient={props.patient}
      programId={props.programId}
      draft={value}
      onDraft={setValue}
      problems={new Map(value.title ? [] : [['title', 'Give the program a title.']])}
      dirty={props.dirty ?? false}
      onTemplate={() => {}}
      onExported={() => {}}
      onSave={props.onSave ?? (() => {})}
    />
  )
}

async function setup() {
  const api = fakeApi()
  const updated = await api.updateSettings({ therapists: [{ name: 'Dana Ruiz' }] })
  if (!updated.ok) throw new Error(updated.error.message)
  const created = await api.createPatient(patientInput())
  if (!created.ok) throw new Error(created.error.message)
  return { api, patient: created.value }
}

describe('the builder’s header', () => {
  it('offers the clinic’s therapists and shows the title’s problem by the field', async () => {
    const { api, patient } = await setup()
    const { user } = renderWithApi(<Harness patient={patient} />, { api, library: true })
    await user.click(screen.getByLabelText('Prescribing therapist', { selector: 'input' }))
    expect(
      await screen.findByRole('option', { name: 'Dana Ruiz', hidden: true }, { timeout: 10_000 }),
    ).toBeInTheDocument()
    await user.clear(screen.getByRole('textbox', { name: 'Program title' }))
    expect(screen.getByRole('textbox', { name: 'Program title' })).toHaveAccessibleDescription(
      'Give the program a title.',
    )
  })

  it('says to save first while the program is new or changed, and to add an exercise when it is empty', async () => {
    const { api, patient } = await setup()
    const onSave = vi.fn()
    const { user, rerender } = renderWithApi(<Harness patient={patient} onSave={onSave} />, { api, library: true })
    await user.click(screen.getByRole('button', { name: 'Export PDF…' }))
    expect(
      await screen.findByText('Save the program first: the handout prints the saved version.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Save program' }))
    expect(onSave).toHaveBeenCalledTimes(1)
    rerender(<Harness patient={patient} programId="prog-1" />)
    expect(await screen.findByText('Add at least one exercise.', {}, { timeout: 10_000 })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Saved' })).toBeDisabled()
  })
})
