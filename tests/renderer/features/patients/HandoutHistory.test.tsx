import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { notifications } from '@mantine/notifications'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../../../src/app/App'
import type { Api } from '../../../../src/core/contract'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'

/** Rendering a PDF takes seconds on a busy machine. */
const slow = { timeout: 30_000 }

afterEach(() => {
  notifications.clean()
  window.location.hash = ''
  window.localStorage.clear()
})

/** A patient with one exported handout, through the real services. */
async function patientWithHandout(api: Api) {
  const ok = <T,>(result: { ok: true; value: T } | { ok: false; error: { message: string } }) => {
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }
  ok(
    await api.updateSettings({
      clinic: { name: 'Riverside Physical Therapy', phone: '(206) 555-0142', layout: 'detailed' },
      openAfterExport: false,
    }),
  )
  const patient = ok(await api.createPatient(patientInput()))
  const saved = ok(
    await api.saveProgram({
      patientId: patient.id,
      program: {
        title: 'Knee week 1',
        status: 'current',
        items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { sets: 2, reps: { min: 10, max: 10 } } }],
      },
    }),
  )
  const program = saved.programs[0]!
  const exported = ok(
    await api.exportHandout({
      patientId: patient.id,
      programId: program.id,
      layout: 'detailed',
      paper: 'letter',
      logDays: 0,
    }),
  )
  if (!exported.saved) throw new Error('not saved')
  const handout = ok(await api.getPatient({ id: patient.id })).handouts![0]!
  return { patient, program, handout, path: exported.path }
}

describe('the handouts on a patient’s page', () => {
  it('saves a past handout again, shows where it is, and says printing needs the desktop app', async () => {
    const api = fakeApi()
    const { patient, handout, path } = await patientWithHandout(api)
    window.location.hash = `#/patients/${patient.id}`
    render(<App api={api} />)

    const history = await screen.findByLabelText('Handouts given', {}, slow)
    const row = within(history).getByRole('group', { name: /^Handout of .*: Knee week 1$/ })
    expect(row).toHaveTextContent(`Knee week 1 · detailed, US Letter · ${handout.file}`)

    await userEvent.click(within(row).getByRole('button', { name: 'Save again' }))
    expect(await screen.findByText('Handout saved again, exactly as given', {}, slow)).toBeInTheDocument()
    expect(api.reprintHandout).toHaveBeenCalledWith({ patientId: patient.id, handoutId: handout.id })
    // The same handout, not a new one: the history still has one row.
    expect(within(history).getAllByRole('group')).toHaveLength(1)

    await userEvent.click(within(row).getByRole('button', { name: 'Show in folder' }))
    expect(await screen.findByText('The handout is saved here', {}, slow)).toBeInTheDocument()
    expect(screen.getAllByText(path).length).toBeGreaterThan(0)

    await userEvent.click(within(row).getByRole('button', { name: 'Print' }))
    expect(
      await screen.findByText(
        'Printing needs the Homeplan desktop app. Here, use Save again and print the PDF from your PDF viewer.',
        {},
        slow,
      ),
    ).toBeInTheDocument()
    // A known limitation, not a failure: no red "Something went wrong".
    expect(screen.queryByText('Something went wrong')).toBeNull()
    expect(api.printPastHandout).toHaveBeenCalledWith({ patientId: patient.id, handoutId: handout.id })
  }, 60_000)

  it('says plainly when a handout cannot be made again exactly', async () => {
    const api = fakeApi({
      reprintHandout: async () => ({
        ok: false,
        error: {
          code: 'not_found',
          field: 'handoutId',
          message: 'This handout was made before Homeplan kept an exact copy of each handout.',
        },
      }),
    })
    const { patient } = await patientWithHandout(api)
    window.location.hash = `#/patients/${patient.id}`
    render(<App api={api} />)
    await userEvent.click(await screen.findByRole('button', { name: 'Save again' }, slow))
    await waitFor(
      () =>
        expect(
          screen.getByText('This handout was made before Homeplan kept an exact copy of each handout.'),
        ).toBeInTheDocument(),
      slow,
    )
    expect(screen.queryByText('Handout saved again, exactly as given')).not.toBeInTheDocument()
  }, 60_000)
})
