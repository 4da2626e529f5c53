import { MantineProvider } from '@mantine/core'
import { render, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ApiProvider } from '../../../../src/app/api-context'
import type { Api, Handlers } from '../../../../src/core/contract'
import { dispatch } from '../../../../src/core/dispatch'
import type { Dosage } from '../../../../src/core/dosage'
import { AppFailure } from '../../../../src/core/result'
import type { ProgramDraft } from '../../../../src/features/program/draft'
import { HandoutPreview } from '../../../../src/features/program/HandoutPreview'
import { pageImages } from '../../../../src/features/program/pdf-pages'
import { firstProblem } from '../../../../src/features/program/program-problems'

// pdf.js cannot draw in jsdom: each PDF becomes two page images.
vi.mock('../../../../src/features/program/pdf-pages', () => ({
  pageImages: vi.fn(async () => ['data:image/png;base64,AAAA', 'data:image/png;base64,BBBB']),
}))

/** The preview call as the app makes it: the real argument check, then a handler that always draws. */
function previewApi(handler: Handlers['previewHandout'] = async () => ({ pdf: 'JVBERi0xLjQ=', warnings: [] })): Api {
  const previewHandout = vi.fn(async (arg: unknown) => JSON.parse(JSON.stringify(await dispatch({ previewHandout: handler } as Handlers, 'previewHandout', arg))))
  return { previewHandout } as unknown as Api
}

const wrap = (api: Api) => ({ children }: { children: ReactNode }) => (
  <MantineProvider>
    <ApiProvider api={api}>{children}</ApiProvider>
  </MantineProvider>
)

const program = (dosage: Dosage, title = 'Knee program'): ProgramDraft => ({ title, items: [{ id: 'item-000001', exerciseId: 'bridges', dosage }] })
const names = (id: string) => (id === 'bridges' ? 'Bridges' : undefined)
const previewPages = () => screen.getByTestId('handout-preview')

describe('the handout preview', () => {
  it('keeps the last good pages and says in plain words what to fix when a field is invalid', async () => {
    const api = previewApi()
    const { rerender } = render(<HandoutPreview patientId="patient-1" draft={program({ reps: { min: 10, max: 10 } })} nameOf={names} />, { wrapper: wrap(api) })
    await waitFor(() => expect(previewPages()).toHaveAttribute('data-pages', '2'))

    rerender(<HandoutPreview patientId="patient-1" draft={program({ reps: { min: 11, max: 10 } })} nameOf={names} />)
    expect(await screen.findByText('Exercise 1 (Bridges): The upper end of the reps range must not be below the lower end.')).toBeInTheDocument()
    expect(screen.getAllByRole('img', { name: /^Handout page / })).toHaveLength(2)
    expect(previewPages()).toHaveAttribute('data-current', 'no')
    expect(screen.queryByText(/items\.0|dosage\.reps|"code"/)).not.toBeInTheDocument()

    // Fixed: the note goes and the pages are current again.
    rerender(<HandoutPreview patientId="patient-1" draft={program({ reps: { min: 11, max: 11 } })} nameOf={names} />)
    await waitFor(() => expect(previewPages()).toHaveAttribute('data-current', 'yes'))
    expect(screen.queryByText(/upper end of the reps range/)).not.toBeInTheDocument()
    expect(api.previewHandout).toHaveBeenCalledTimes(2)
  })

  it('keeps the pages when the program has no title or the main process refuses', async () => {
    let refuse = false
    const api = previewApi(async () => {
      if (refuse) throw new AppFailure('invalid_argument', 'Add your clinic’s name in Settings → Clinic before printing.', 'clinic')
      return { pdf: 'JVBERi0xLjQ=', warnings: [] }
    })
    const { rerender } = render(<HandoutPreview patientId="patient-1" draft={program({ sets: 2 })} />, { wrapper: wrap(api) })
    await waitFor(() => expect(previewPages()).toHaveAttribute('data-pages', '2'))

    rerender(<HandoutPreview patientId="patient-1" draft={program({ sets: 2 }, '')} />)
    expect(await screen.findByText('Give the program a title.')).toBeInTheDocument()
    expect(screen.getAllByRole('img', { name: /^Handout page / })).toHaveLength(2)

    refuse = true
    rerender(<HandoutPreview patientId="patient-1" draft={program({ sets: 3 })} />)
    await waitFor(() => expect(screen.queryByText('Give the program a title.')).not.toBeInTheDocument())
    await waitFor(() => expect(api.previewHandout).toHaveBeenCalledTimes(2))
    expect(await screen.findByText('Add your clinic’s name in Settings → Clinic before printing.')).toBeInTheDocument()
    expect(screen.getByText('The pages below are from before this change. They update once it is fixed.')).toBeInTheDocument()
    expect(screen.getAllByRole('img', { name: /^Handout page / })).toHaveLength(2)
  })

  it('ignores a preview cancelled by a newer one: the pages stay, no problem is shown, the spinner stops', async () => {
    let cancel = false
    vi.mocked(pageImages).mockClear()
    const api = previewApi(async () => (cancel ? { cancelled: true as const } : { pdf: 'JVBERi0xLjQ=', warnings: [] }))
    const { rerender } = render(<HandoutPreview patientId="patient-1" draft={program({ sets: 2 })} />, { wrapper: wrap(api) })
    await waitFor(() => expect(previewPages()).toHaveAttribute('data-pages', '2'))

    cancel = true
    rerender(<HandoutPreview patientId="patient-1" draft={program({ sets: 3 })} />)
    await waitFor(() => expect(api.previewHandout).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(screen.queryByLabelText('Updating the preview')).not.toBeInTheDocument())
    expect(screen.getAllByRole('img', { name: /^Handout page / })).toHaveLength(2)
    expect(previewPages()).toHaveAttribute('data-current', 'yes')
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
    // Nothing to draw: only the first preview's PDF was drawn.
    expect(pageImages).toHaveBeenCalledTimes(1)
  })
})

describe('firstProblem', () => {
  it('names the exercise by its place and name, never by a schema path', () => {
    expect(firstProblem(program({ holdSeconds: 900 }), names)).toBe('Exercise 1 (Bridges): A hold can be at most 10 minutes.')
    expect(firstProblem(program({ holdSeconds: 900 }))).toBe('Exercise 1: A hold can be at most 10 minutes.')
    expect(firstProblem(program({ holdSeconds: 5 }))).toBeUndefined()
  })
})
