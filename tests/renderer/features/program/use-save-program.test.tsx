import { notifications } from '@mantine/notifications'
import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Patient } from '../../../../src/core/patient'
import { useLibrary } from '../../../../src/app/library-context'
import { loadDraft, saveDraft, type ProgramDraft } from '../../../../src/features/program/draft'
import { useSaveProgram } from '../../../../src/features/program/use-save-program'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

afterEach(() => {
  window.localStorage.clear()
  // The pop-ups are kept in one store for the whole file.
  act(() => notifications.clean())
})

const ok = <T,>(result: { ok: true; value: T } | { ok: false; error: { message: string } }) => {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** The builder's Save button, as far as saving goes: the hook, once the library has loaded. */
function SaveButton(props: {
  patient: Patient
  programId: string | undefined
  draft: ProgramDraft
  onSaved: (patient: Patient, programId: string) => void
}) {
  const save = useSaveProgram(props.patient, props.programId, props.onSaved)
  const { byId } = useLibrary()
  if (byId.size === 0) return null
  return <button onClick={() => void save(props.draft)}>Save program</button>
}

async function setup(
  draft: ProgramDraft,
  opts: { programs?: ProgramDraft[]; open?: (programIds: string[]) => string | undefined } = {},
) {
  const api = fakeApi()
  let patient = ok(await api.createPatient(patientInput()))
  for (const program of opts.programs ?? [])
    patient = ok(await api.saveProgram({ patientId: patient.id, program: { ...program, status: 'current' } }))
  const programId = opts.open?.(patient.programs.map((p) => p.id))
  // What the builder keeps locally while the program is edited.
  saveDraft(patient.id, programId, draft)
  const saved: { patient: Patient; programId: string; rosterReads: number }[] = []
  const onSaved = vi.fn((p: Patient, id: string) =>
    saved.push({ patient: p, programId: id, rosterReads: vi.mocked(api.listPatients).mock.calls.length }),
  )
  const view = renderWithApi(<SaveButton patient={patient} programId={programId} draft={draft} onSaved={onSaved} />, {
    api,
    library: true,
    roster: true,
  })
  const button = await screen.findByRole('button', { name: 'Save program' }, { timeout: 10_000 })
  return { ...view, api, patient, programId, onSaved, saved, save: () => view.user.click(button) }
}

const hips: ProgramDraft = {
  title: 'Hips',
  goals: '   ',
  items: [
    {
      id: 'item-1',
      exerciseId: 'bridges',
      dosage: { sets: 2, reps: { min: 10, max: 10 } },
      instructionOverride: ['  Lift slowly. ', ' '],
    },
    { id: 'item-2', exerciseId: 'clamshells', dosage: { reps: { min: 15, max: 15 } }, instructionOverride: [' '] },
  ],
}

describe('saving the program being built', () => {
  it('says what to fix, naming the exercise, and saves nothing while the draft has a problem', async () => {
    const draft = { ...hips, items: [hips.items[0]!, { ...hips.items[1]!, dosage: { reps: { min: 15, max: 10 } } }] }
    const { api, patient, onSaved, save } = await setup(draft)
    await save()
    expect(
      await screen.findByText(
        'Not saved yet. Exercise 2 (Clamshells): The upper end of the reps range must not be below the lower end.',
      ),
    ).toBeInTheDocument()
    expect(api.saveProgram).not.toHaveBeenCalled()
    expect(onSaved).not.toHaveBeenCalled()
    expect(loadDraft(patient.id, undefined)).toMatchObject({ title: 'Hips' })
  })

  it('saves a new program as the patient’s current one, tidied, then says so, clears the draft and refreshes the roster', async () => {
    const { api, patient, saved, save } = await setup(hips)
    const rosterReads = vi.mocked(api.listPatients).mock.calls.length
    await save()
    expect(await screen.findByText('Saved “Hips” to Anna Łukasiewicz’s history.')).toBeInTheDocument()
    expect(api.saveProgram).toHaveBeenCalledOnce()
    const [request] = vi.mocked(api.saveProgram).mock.calls[0]!
    // A new program: no program or revision to check against. Blank goals and blank steps are left out.
    expect(request).toEqual({
      patientId: patient.id,
      program: {
        title: 'Hips',
        status: 'current',
        items: [
          { ...hips.items[0], instructionOverride: ['Lift slowly.'] },
          { id: 'item-2', exerciseId: 'clamshells', dosage: { reps: { min: 15, max: 15 } } },
        ],
      },
    })
    await waitFor(() => expect(saved).toHaveLength(1))
    const [{ patient: after, programId, rosterReads: readsBeforeOnSaved }] = saved as [(typeof saved)[0]]
    expect(after.programs).toHaveLength(1)
    expect(programId).toBe(after.programs[0]!.id)
    // The roster was read again before the builder was told (it lists the new program).
    expect(readsBeforeOnSaved).toBeGreaterThan(rosterReads)
    expect(loadDraft(patient.id, undefined)).toBeUndefined()
  })

  it('saves an opened program in place, at the revision it was opened at, and hands back that program', async () => {
    const earlier: ProgramDraft = { title: 'Knees', items: [hips.items[1]!] }
    const { api, patient, programId, saved, save } = await setup(
      { ...hips, title: 'Knees, week 2' },
      { programs: [earlier, hips], open: ([first]) => first },
    )
    const opened = patient.programs.find((p) => p.id === programId)!
    await save()
    expect(await screen.findByText('Saved “Knees, week 2” to Anna Łukasiewicz’s history.')).toBeInTheDocument()
    expect(api.saveProgram).toHaveBeenLastCalledWith(
      expect.objectContaining({ patientId: patient.id, programId, revision: opened.revision }),
    )
    await waitFor(() => expect(saved).toHaveLength(1))
    // Not the last program in the history: the one opened.
    expect(saved[0]!.programId).toBe(programId)
    expect(saved[0]!.patient.programs.find((p) => p.id === programId)?.title).toBe('Knees, week 2')
    expect(loadDraft(patient.id, programId)).toBeUndefined()
  })

  it('keeps the draft, and says why, when the save is refused because the program changed elsewhere', async () => {
    const { api, patient, programId, onSaved, save } = await setup(
      { ...hips, title: 'Hips, mine' },
      { programs: [hips], open: ([only]) => only },
    )
    // Another window saves the same program after this one opened it.
    ok(
      await api.saveProgram({
        patientId: patient.id,
        programId,
        revision: 1,
        program: { ...hips, status: 'current' },
      }),
    )
    await save()
    expect(
      await screen.findByText(/^The program “Hips” was changed elsewhere .* nothing was overwritten\./),
    ).toBeInTheDocument()
    expect(screen.queryByText(/^Saved /)).not.toBeInTheDocument()
    expect(onSaved).not.toHaveBeenCalled()
    expect(loadDraft(patient.id, programId)).toMatchObject({ title: 'Hips, mine' })
  })
})
