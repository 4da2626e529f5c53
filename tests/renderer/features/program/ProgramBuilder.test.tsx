import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../../../src/app/App'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'

// pdf.js cannot draw in jsdom: each PDF opens as two pages that draw at once.
vi.mock('../../../../src/features/program/pdf-pages', () => ({
  openPdf: vi.fn(async () => ({ count: 2, aspect: 11 / 8.5, draw: async () => true, destroy: () => {} })),
}))

afterEach(() => {
  window.location.hash = ''
  window.localStorage.clear()
})

describe('the program builder', () => {
  it('keeps the preview and says what to fix, by the field, when a value is invalid; saving names the exercise, not a schema path', async () => {
    const api = fakeApi({
      previewHandout: async () => ({
        ok: true,
        value: { pdf: new Uint8Array([37, 80, 68, 70]), warnings: [] },
      }),
    })
    const created = await api.createPatient(patientInput())
    if (!created.ok) throw new Error('setup failed')
    const saved = await api.saveProgram({
      patientId: created.value.id,
      program: {
        title: 'Hips',
        status: 'current',
        items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { reps: { min: 10, max: 10 } } }],
      },
    })
    if (!saved.ok) throw new Error('setup failed')
    window.location.hash = `#/program/${created.value.id}/${saved.value.programs[0]!.id}`
    render(<App api={api} />)

    // Opening the program (the app's route, the patient, the library) takes over a second on a busy machine.
    const preview = await screen.findByTestId('handout-preview', {}, { timeout: 30_000 })
    await waitFor(() => expect(preview).toHaveAttribute('data-pages', '2'))
    const bridges = screen.getByLabelText('1. Bridges')
    fireEvent.change(within(bridges).getByRole('textbox', { name: 'Reps to (Bridges)' }), { target: { value: '8' } })

    const message = 'The upper end of the reps range must not be below the lower end.'
    expect(await within(bridges).findByText(message)).toBeInTheDocument()
    expect(await screen.findByText(`Exercise 1 (Bridges): ${message}`)).toBeInTheDocument()
    expect(preview).toHaveAttribute('data-pages', '2')
    expect(within(preview).getAllByRole('img')).toHaveLength(2)

    fireEvent.change(screen.getByRole('textbox', { name: 'Program title' }), { target: { value: '' } })
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Program title' })).toHaveAccessibleDescription(
        'Give the program a title.',
      ),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Save program' }))
    expect(await screen.findByText('Not saved yet. Give the program a title.')).toBeInTheDocument()
    expect(api.saveProgram).toHaveBeenCalledTimes(1)
    expect(screen.queryByText(/program\.title|items\.0/)).not.toBeInTheDocument()
  }, 120_000)
})

describe('the builder, for a program printed before', () => {
  it('says it matches the last handout, then lists what changed once the dosage is changed', async () => {
    const api = fakeApi({
      previewHandout: async () => ({
        ok: true,
        value: { pdf: new Uint8Array([37, 80, 68, 70]), warnings: [] },
      }),
    })
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
    const items = [
      { id: 'item-000001', exerciseId: 'bridges', dosage: { sets: 2, reps: { min: 10, max: 10 } } },
      { id: 'item-000002', exerciseId: 'clamshells', dosage: { reps: { min: 15, max: 15 } } },
    ]
    const program = ok(
      await api.saveProgram({ patientId: patient.id, program: { title: 'Hips', status: 'current', items } }),
    ).programs[0]!
    ok(
      await api.exportHandout({
        patientId: patient.id,
        programId: program.id,
        layout: 'detailed',
        paper: 'letter',
        logDays: 0,
      }),
    )
    const printedOn = new Intl.DateTimeFormat(undefined, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`))
    window.location.hash = `#/program/${patient.id}/${program.id}`
    render(<App api={api} />)

    expect(
      await screen.findByText(`Matches the handout printed on ${printedOn}.`, {}, { timeout: 30_000 }),
    ).toBeInTheDocument()
    fireEvent.change(within(screen.getByLabelText('1. Bridges')).getByRole('textbox', { name: 'Sets (Bridges)' }), {
      target: { value: '3' },
    })
    await userEvent.click(within(screen.getByLabelText('2. Clamshells')).getByRole('button', { name: /Remove/ }))

    const title = await screen.findByText(`Changed since the handout printed on ${printedOn}:`, {}, { timeout: 30_000 })
    const list = title.closest('[role="status"]') as HTMLElement
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Removed: Clamshells', 'Bridges: 2 → 3 sets'])
    expect(screen.queryByText(/^Matches the handout/)).not.toBeInTheDocument()
  }, 120_000)
})
