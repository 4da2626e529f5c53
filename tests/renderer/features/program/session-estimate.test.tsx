import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../../../src/app/App'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'

// pdf.js cannot draw in jsdom: each PDF opens as two pages that draw at once.
vi.mock('../../../../src/features/program/pdf-pages', () => ({
  openPdf: vi.fn(async () => ({ count: 2, aspect: 11 / 8.5, draw: async () => true, destroy: () => {} })),
}))
// Each card's figure is drawn in SVG, slow in jsdom and beside the point here.
vi.mock('../../../../src/components/DiagramView', () => ({ DiagramView: () => null }))

afterEach(() => {
  window.location.hash = ''
  window.localStorage.clear()
})

describe('the builder’s time estimate', () => {
  it('shows none for a program with no exercises, and one once an exercise is added', async () => {
    const api = fakeApi()
    const created = await api.createPatient(patientInput())
    if (!created.ok) throw new Error(created.error.message)
    window.location.hash = `#/program/${created.value.id}`
    render(<App api={api} />)

    const add = await screen.findByRole('button', { name: 'Add Bridges' }, { timeout: 30_000 })
    expect(screen.getByText('0 exercises')).toBeInTheDocument()
    expect(screen.queryByText(/min a session/)).not.toBeInTheDocument()
    await userEvent.click(add)
    expect(await screen.findByText(/^About \d+ min a session$/)).toBeInTheDocument()
  }, 60_000)
})
