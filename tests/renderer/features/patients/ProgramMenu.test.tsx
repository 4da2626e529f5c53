import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { notifications } from '@mantine/notifications'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../../../src/app/App'
import type { Api } from '../../../../src/core/contract'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'

const slow = { timeout: 30_000 }

afterEach(() => {
  notifications.clean()
  window.location.hash = ''
  window.localStorage.clear()
})

const ok = <T,>(result: { ok: true; value: T } | { ok: false; error: { message: string } }) => {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** A patient with two programs (Week 3 the current one), opened on their page. */
async function patientPage(api: Api) {
  const patient = ok(await api.createPatient(patientInput()))
  for (const title of ['Week 1', 'Week 3'])
    ok(
      await api.saveProgram({
        patientId: patient.id,
        program: {
          title,
          status: 'current',
          items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { reps: { min: 10, max: 10 } } }],
        },
      }),
    )
  window.location.hash = `#/patients/${patient.id}`
  render(<App api={api} />)
  await screen.findByLabelText('Program Week 3', {}, slow)
  return patient
}

const titles = async (api: Api, id: string) =>
  ok(await api.getPatient({ id }))
    .programs.map((p) => p.title)
    .sort()

describe('a program’s actions on the patient’s page', () => {
  it('renames a program, and will not save an empty title', async () => {
    const api = fakeApi()
    const patient = await patientPage(api)
    await userEvent.click(screen.getByRole('button', { name: 'More for the program “Week 1”' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rename…' }, slow))
    const dialog = await screen.findByRole('dialog', { name: 'Rename the program' }, slow)
    const field = within(dialog).getByRole('textbox', { name: 'Program title' })
    await userEvent.clear(field)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByText('Give the program a title.', {}, slow)).toBeInTheDocument()
    expect(api.renameProgram).not.toHaveBeenCalled()

    await userEvent.type(field, 'Hip program')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await screen.findByLabelText('Program Hip program', {}, slow)).toBeInTheDocument()
    expect(screen.queryByLabelText('Program Week 1')).toBeNull()
    expect(await titles(api, patient.id)).toEqual(['Hip program', 'Week 3'])
  }, 60_000)

  it('deletes a program and puts it back, exactly, from the Undo in its notification', async () => {
    const api = fakeApi()
    const patient = await patientPage(api)
    const before = ok(await api.getPatient({ id: patient.id })).programs
    await userEvent.click(screen.getByRole('button', { name: 'More for the program “Week 3”' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Delete' }, slow))

    const said = await screen.findByText('Deleted “Week 3”.', {}, slow)
    await waitFor(() => expect(screen.queryByLabelText('Program Week 3')).toBeNull(), slow)
    expect(await titles(api, patient.id)).toEqual(['Week 1'])
    // Week 1 is the current program now.
    expect(within(screen.getByLabelText('Program Week 1')).getByText('Current')).toBeInTheDocument()

    const notice = said.closest('.mantine-Notification-root') as HTMLElement
    await userEvent.click(within(notice).getByRole('button', { name: 'Undo' }))
    expect(await screen.findByText('“Week 3” is back.', {}, slow)).toBeInTheDocument()
    expect(await screen.findByLabelText('Program Week 3', {}, slow)).toBeInTheDocument()
    expect(
      ok(await api.getPatient({ id: patient.id })).programs.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    ).toEqual([...before].sort((a, b) => a.createdAt.localeCompare(b.createdAt)))
  }, 60_000)
})
