import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../../../src/app/App'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'

// pdf.js cannot draw in jsdom: each PDF becomes two page images.
vi.mock('../../../../src/features/program/pdf-pages', () => ({
  pageImages: vi.fn(async () => ['data:image/png;base64,AAAA', 'data:image/png;base64,BBBB']),
}))

afterEach(() => {
  window.location.hash = ''
  window.localStorage.clear()
})

describe('the program builder', () => {
  it('keeps the preview and says what to fix, by the field, when a value is invalid; saving names the exercise, not a schema path', async () => {
    const api = fakeApi({ previewHandout: async () => ({ ok: true, value: { pdf: 'JVBERi0xLjQ=', warnings: [] } }) })
    const created = await api.createPatient(patientInput())
    if (!created.ok) throw new Error('setup failed')
    const saved = await api.saveProgram({ patientId: created.value.id, program: { title: 'Hips', status: 'current', items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { reps: { min: 10, max: 10 } } }] } })
    if (!saved.ok) throw new Error('setup failed')
    window.location.hash = `#/program/${created.value.id}/${saved.value.programs[0]!.id}`
    render(<App api={api} />)

    const preview = await screen.findByTestId('handout-preview')
    await waitFor(() => expect(preview).toHaveAttribute('data-pages', '2'))
    const bridges = screen.getByLabelText('1. Bridges')
    fireEvent.change(within(bridges).getByRole('textbox', { name: 'Reps to (Bridges)' }), { target: { value: '8' } })

    const message = 'The upper end of the reps range must not be below the lower end.'
    expect(await within(bridges).findByText(message)).toBeInTheDocument()
    expect(await screen.findByText(`Exercise 1 (Bridges): ${message}`)).toBeInTheDocument()
    expect(preview).toHaveAttribute('data-pages', '2')
    expect(within(preview).getAllByRole('img')).toHaveLength(2)

    fireEvent.change(screen.getByRole('textbox', { name: 'Program title' }), { target: { value: '' } })
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Program title' })).toHaveAccessibleDescription('Give the program a title.'))
    await userEvent.click(screen.getByRole('button', { name: 'Save program' }))
    expect(await screen.findByText('Not saved yet. Give the program a title.')).toBeInTheDocument()
    expect(api.saveProgram).toHaveBeenCalledTimes(1)
    expect(screen.queryByText(/program\.title|items\.0/)).not.toBeInTheDocument()
  }, 30_000)
})
