import { MantineProvider } from '@mantine/core'
import { act, render, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiProvider } from '../../../../src/app/api-context'
import type { Api, Handlers } from '../../../../src/core/contract'
import { dispatch } from '../../../../src/core/dispatch'
import type { Dosage } from '../../../../src/core/dosage'
import { AppFailure } from '../../../../src/core/result'
import { defaultSettings } from '../../../../src/core/settings'
import type { ProgramDraft } from '../../../../src/features/program/draft'
import { HandoutPreview } from '../../../../src/features/program/HandoutPreview'
import type { PdfPages } from '../../../../src/features/program/pdf-pages'
import { openPdf } from '../../../../src/features/program/pdf-pages'
import { firstProblem } from '../../../../src/features/program/program-problems'

// pdf.js cannot draw in jsdom: each PDF opens as its first byte's number of pages, and every draw and let-go is noted.
/** `shown`: the handout page the canvas drawn on shows (from its name, “Page N of M”). */
const draws: { pdf: number; page: number; shown: number }[] = []
const destroyed: number[] = []
let opened = 0
vi.mock('../../../../src/features/program/pdf-pages', () => ({
  openPdf: vi.fn(async (data: Uint8Array): Promise<PdfPages> => {
    const pdf = ++opened
    return {
      count: data[0]!,
      aspect: 11 / 8.5,
      draw: async (page, target, _width, current = () => true) => {
        if (!current()) return false
        const shown = Number(/^Page (\d+)/.exec(target.getAttribute('aria-label') ?? '')?.[1])
        draws.push({ pdf, page, shown })
        return true
      },
      destroy: () => void destroyed.push(pdf),
    }
  }),
}))

type PreviewArg = Parameters<Handlers['previewHandout']>[0]
/** A preview as the main side sends it: one single-page PDF per key, none for a key the window said it holds. */
const pagesOf = (keys: string[], arg: PreviewArg) => ({
  pages: keys.map((key) => (arg.known?.includes(key) ? null : new Uint8Array([1]))),
  pageKeys: keys,
  warnings: [],
})

/** The preview call as the app makes it: the real argument check, IPC's structured clone, then a handler that always draws. */
function previewApi(handler: Handlers['previewHandout'] = async (arg) => pagesOf(['p1', 'p2'], arg)): Api {
  const previewHandout = vi.fn(async (arg: unknown) =>
    structuredClone(await dispatch({ previewHandout: handler } as Handlers, 'previewHandout', arg)),
  )
  // The clinic's options, as Settings gives them when nothing was changed.
  const getSettings = vi.fn(async () => ({ ok: true, value: defaultSettings }))
  return { previewHandout, getSettings } as unknown as Api
}

const wrap =
  (api: Api) =>
  ({ children }: { children: ReactNode }) => (
    <MantineProvider>
      <ApiProvider api={api}>{children}</ApiProvider>
    </MantineProvider>
  )

const program = (dosage: Dosage, title = 'Knee program'): ProgramDraft => ({
  title,
  items: [{ id: 'item-000001', exerciseId: 'bridges', dosage }],
})
const names = (id: string) => (id === 'bridges' ? 'Bridges' : undefined)
const previewPages = () => screen.getByTestId('handout-preview')

describe('the handout preview', () => {
  it('keeps the last good pages and says in plain words what to fix when a field is invalid', async () => {
    const api = previewApi()
    const { rerender } = render(
      <HandoutPreview patientId="patient-1" draft={program({ reps: { min: 10, max: 10 } })} nameOf={names} />,
      { wrapper: wrap(api) },
    )
    await waitFor(() => expect(previewPages()).toHaveAttribute('data-pages', '2'))

    rerender(<HandoutPreview patientId="patient-1" draft={program({ reps: { min: 11, max: 10 } })} nameOf={names} />)
    expect(
      await screen.findByText('Exercise 1 (Bridges): The upper end of the reps range must not be below the lower end.'),
    ).toBeInTheDocument()
    expect(screen.getAllByRole('img', { name: /^Page \d of 2$/ })).toHaveLength(2)
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
    const api = previewApi(async (arg) => {
      if (refuse)
        throw new AppFailure(
          'invalid_argument',
          'Add your clinic’s name in Settings → Clinic before printing.',
          'clinic',
        )
      return pagesOf(['p1', 'p2'], arg)
    })
    const { rerender } = render(<HandoutPreview patientId="patient-1" draft={program({ sets: 2 })} />, {
      wrapper: wrap(api),
    })
    await waitFor(() => expect(previewPages()).toHaveAttribute('data-pages', '2'))

    rerender(<HandoutPreview patientId="patient-1" draft={program({ sets: 2 }, '')} />)
    expect(await screen.findByText('Give the program a title.')).toBeInTheDocument()
    expect(screen.getAllByRole('img', { name: /^Page \d of 2$/ })).toHaveLength(2)

    refuse = true
    rerender(<HandoutPreview patientId="patient-1" draft={program({ sets: 3 })} />)
    await waitFor(() => expect(screen.queryByText('Give the program a title.')).not.toBeInTheDocument())
    await waitFor(() => expect(api.previewHandout).toHaveBeenCalledTimes(2))
    expect(await screen.findByText('Add your clinic’s name in Settings → Clinic before printing.')).toBeInTheDocument()
    expect(
      screen.getByText('The pages below are from before this change. They update once it is fixed.'),
    ).toBeInTheDocument()
    expect(screen.getAllByRole('img', { name: /^Page \d of 2$/ })).toHaveLength(2)
  })
})

/** A preview whose pages are keyed by `keys()` at the time of each call (one page per key). */
const keyedApi = (keys: () => string[]) => previewApi(async (arg) => pagesOf(keys(), arg))
const drawnPages = (from: number) =>
  draws
    .slice(from)
    .map((d) => d.shown)
    .sort()

describe('the handout preview’s pages', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('draws each page on a canvas named “Page N of M”, then redraws only the page whose key changed', async () => {
    let keys = ['cover', 'cards', 'log']
    const api = keyedApi(() => keys)
    const { rerender } = render(<HandoutPreview patientId="patient-1" draft={program({ sets: 2 })} />, {
      wrapper: wrap(api),
    })
    const start = draws.length
    await waitFor(() => expect(drawnPages(start)).toEqual([1, 2, 3]))
    const pages = screen.getAllByRole('img', { name: /^Page \d of 3$/ })
    expect(pages.map((p) => p.tagName)).toEqual(['CANVAS', 'CANVAS', 'CANVAS'])
    expect(screen.getByRole('button', { name: 'Enlarge page 2 of 3' })).toBeInTheDocument()

    keys = ['cover', 'cards, 3 sets', 'log']
    const edited = draws.length
    rerender(<HandoutPreview patientId="patient-1" draft={program({ sets: 3 })} />)
    await waitFor(() => expect(screen.getAllByRole('img')[1]).toHaveAttribute('data-drawn', 'cards, 3 sets'))
    expect(api.previewHandout).toHaveBeenCalledTimes(2)
    // The window said which pages it holds, so only the changed one was sent, opened and drawn.
    expect(vi.mocked(api.previewHandout).mock.calls[1]![0]).toMatchObject({ known: ['cover', 'cards', 'log'] })
    expect(drawnPages(edited)).toEqual([2])
    expect(draws.slice(edited)[0]).toEqual({ pdf: opened, page: 1, shown: 2 })
    // The page replaced is let go once the new one is up; the two kept are not.
    await waitFor(() => expect(destroyed).toContain(opened - 2))
    expect(destroyed).not.toContain(opened - 3)
    expect(destroyed).not.toContain(opened - 1)
    // The same canvases, not new ones.
    expect(screen.getAllByRole('img', { name: /^Page \d of 3$/ })).toEqual(pages)
  })

  it('draws a changed page that is off screen only once it comes near the screen', async () => {
    const observed = new Map<Element, (entries: { isIntersecting: boolean }[]) => void>()
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {}
        observe(element: Element) {
          observed.set(element, this.callback)
        }
        disconnect() {}
      },
    )
    const show = (canvas: Element) => act(() => observed.get(canvas)!([{ isIntersecting: true }]))
    const api = keyedApi(() => ['one', 'two', 'three'])
    render(<HandoutPreview patientId="patient-1" draft={program({ sets: 2 })} />, { wrapper: wrap(api) })
    await waitFor(() => expect(screen.getAllByRole('img', { name: /^Page \d of 3$/ })).toHaveLength(3))
    // Each page is watched from an effect, which on a busy machine can run after the pages are on screen.
    await waitFor(() => expect(observed.size).toBe(3))
    const [first, , third] = screen.getAllByRole('img')
    const start = draws.length
    show(first!)
    await waitFor(() => expect(first).toHaveAttribute('data-drawn', 'one'))
    expect(drawnPages(start)).toEqual([1])
    show(third!)
    await waitFor(() => expect(third).toHaveAttribute('data-drawn', 'three'))
    expect(drawnPages(start)).toEqual([1, 3])
  })

  it('redraws every page when the handout comes as one PDF (its pages could not be rendered apart)', async () => {
    const api = previewApi(async () => ({ pdf: new Uint8Array([2]), warnings: [] }))
    const { rerender } = render(<HandoutPreview patientId="patient-1" draft={program({ sets: 2 })} />, {
      wrapper: wrap(api),
    })
    await waitFor(() => expect(screen.getAllByRole('img', { name: /^Page \d of 2$/ })[1]).toHaveAttribute('data-drawn'))
    const edited = draws.length
    rerender(<HandoutPreview patientId="patient-1" draft={program({ sets: 3 })} />)
    await waitFor(() => expect(drawnPages(edited)).toEqual([1, 2]))
  })

  it('ignores a preview cancelled by a newer one: the pages stay, no problem is shown, the spinner stops', async () => {
    let cancel = false
    vi.mocked(openPdf).mockClear()
    const api = previewApi(async () =>
      cancel ? { cancelled: true as const } : { pdf: new Uint8Array([2]), warnings: [] },
    )
    const { rerender } = render(<HandoutPreview patientId="patient-1" draft={program({ sets: 2 })} />, {
      wrapper: wrap(api),
    })
    await waitFor(() => expect(previewPages()).toHaveAttribute('data-pages', '2'))

    cancel = true
    rerender(<HandoutPreview patientId="patient-1" draft={program({ sets: 3 })} />)
    await waitFor(() => expect(api.previewHandout).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(screen.queryByLabelText('Updating the preview')).not.toBeInTheDocument())
    expect(screen.getAllByRole('img', { name: /^Page \d of 2$/ })).toHaveLength(2)
    expect(previewPages()).toHaveAttribute('data-current', 'yes')
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
    // Nothing to draw: only the first preview's PDF was opened.
    expect(openPdf).toHaveBeenCalledTimes(1)
  })
})

describe('firstProblem', () => {
  it('names the exercise by its place and name, never by a schema path', () => {
    expect(firstProblem(program({ holdSeconds: 900 }), names)).toBe(
      'Exercise 1 (Bridges): A hold can be at most 10 minutes.',
    )
    expect(firstProblem(program({ holdSeconds: 900 }))).toBe('Exercise 1: A hold can be at most 10 minutes.')
    expect(firstProblem(program({ holdSeconds: 5 }))).toBeUndefined()
  })
})
