import { screen, waitFor, within } from '@testing-library/react'
import { notifications } from '@mantine/notifications'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Api } from '../../../../src/core/contract'
import type { ProgramDraft } from '../../../../src/features/program/draft'
import { ExportControls } from '../../../../src/features/program/ExportControls'
import { HandoutOptionsProvider } from '../../../../src/features/program/HandoutOptions'
import { HandoutPreview } from '../../../../src/features/program/HandoutPreview'
import type { PdfPages } from '../../../../src/features/program/pdf-pages'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

// pdf.js cannot draw in jsdom: each PDF opens as its first byte's number of pages.
vi.mock('../../../../src/features/program/pdf-pages', () => ({
  openPdf: vi.fn(async (data: Uint8Array): Promise<PdfPages> => ({
    count: data[0]!,
    aspect: 11 / 8.5,
    draw: async () => true,
    destroy: () => {},
  })),
}))

afterEach(() => notifications.clean())

const draft: ProgramDraft = {
  title: 'Knee program',
  items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { sets: 2, reps: { min: 10, max: 10 } } }],
}

/** The real services, with a preview that answers at once with two pages (the drawing is not what is tested). */
const previewing = () =>
  fakeApi({
    previewHandout: (async () => ({
      ok: true,
      value: { pdf: new Uint8Array([2]), pageKeys: ['a', 'b'], warnings: [] },
    })) as Api['previewHandout'],
  })

async function clinicOn(api: Api, paperSize: 'letter' | 'a4', layout: 'detailed' | 'compact' | 'large') {
  const result = await api.updateSettings({ paperSize, clinic: { name: 'Riverside Physical Therapy', layout } })
  if (!result.ok) throw new Error(result.error.message)
}

/** A choice in a group (queried with hidden: the export pop-up is still fading in). */
const choice = (within_: HTMLElement, group: string, name: string) =>
  within(within(within_).getByRole('radiogroup', { name: group, hidden: true })).getByRole('radio', {
    name,
    hidden: true,
  })

describe('the handout options', () => {
  it('opens the preview on the clinic’s paper and layout, and asks for no Letter preview first', async () => {
    const api = previewing()
    await clinicOn(api, 'a4', 'compact')
    renderWithApi(<HandoutPreview patientId="patient-1" draft={draft} />, { api })

    await waitFor(() => expect(screen.getByTestId('handout-preview')).toHaveAttribute('data-pages', '2'))
    expect(api.previewHandout).toHaveBeenCalledTimes(1)
    expect(api.previewHandout).toHaveBeenCalledWith(
      expect.objectContaining({ paper: 'a4', layout: 'compact', logDays: 14 }),
    )
    expect(choice(document.body, 'Paper', 'A4')).toBeChecked()
    expect(choice(document.body, 'Handout layout', 'Compact')).toBeChecked()
  })

  it('previews on a new choice and exports with what was previewed', async () => {
    const api = previewing()
    await clinicOn(api, 'letter', 'detailed')
    const { user } = renderWithApi(
      <HandoutOptionsProvider>
        <HandoutPreview patientId="patient-1" draft={draft} />
        <ExportControls patientId="patient-1" blocked="Save the program first." onExported={() => {}} />
      </HandoutOptionsProvider>,
      { api },
    )
    await waitFor(() => expect(api.previewHandout).toHaveBeenCalledTimes(1))
    expect(api.previewHandout).toHaveBeenLastCalledWith(
      expect.objectContaining({ paper: 'letter', layout: 'detailed' }),
    )

    await user.click(screen.getByText('Large print'))
    await user.click(screen.getByText('A4'))
    await user.click(screen.getByRole('switch', { name: 'Add a 14-day tick-box log' }))
    await waitFor(() =>
      expect(api.previewHandout).toHaveBeenLastCalledWith(
        expect.objectContaining({ paper: 'a4', layout: 'large', logDays: 0 }),
      ),
    )

    await user.click(screen.getByRole('button', { name: 'Export PDF…' }))
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 })
    expect(choice(dialog, 'Paper', 'A4')).toBeChecked()
    expect(choice(dialog, 'Handout layout', 'Large print')).toBeChecked()
    expect(within(dialog).getByRole('switch', { name: 'Add a 14-day tick-box log', hidden: true })).not.toBeChecked()
  })

  it('falls back to the app’s defaults when Settings cannot be read, and still previews', async () => {
    const api = fakeApi({
      previewHandout: previewing().previewHandout,
      getSettings: (async () => ({
        ok: false,
        error: { code: 'internal', message: 'The settings file is damaged.' },
      })) as Api['getSettings'],
    })
    renderWithApi(<HandoutPreview patientId="patient-1" draft={draft} />, { api })
    await waitFor(() => expect(api.previewHandout).toHaveBeenCalledTimes(1))
    expect(api.previewHandout).toHaveBeenCalledWith(expect.objectContaining({ paper: 'letter', layout: 'detailed' }))
  })

  it('starts in the patient’s handout language, and a change previews and exports in the language chosen', async () => {
    const api = previewing()
    await clinicOn(api, 'letter', 'detailed')
    const { user } = renderWithApi(
      <HandoutOptionsProvider language="es">
        <HandoutPreview patientId="patient-1" draft={draft} />
      </HandoutOptionsProvider>,
      { api },
    )
    await waitFor(() => expect(api.previewHandout).toHaveBeenCalledWith(expect.objectContaining({ language: 'es' })))
    expect(choice(document.body, 'Handout language', 'Español')).toBeChecked()
    await user.click(choice(document.body, 'Handout language', 'English'))
    await waitFor(() =>
      expect(api.previewHandout).toHaveBeenLastCalledWith(expect.objectContaining({ language: 'en' })),
    )
  })

  it('asks before printing in English what has no Spanish, and exports only once told to', async () => {
    const refusal = {
      ok: false as const,
      error: {
        code: 'invalid_argument' as const,
        field: 'allowEnglish',
        message: '“Heel slides” has no Español version yet. Add the Español words, or print it in English.',
      },
    }
    const exportHandout = vi.fn(async (args: { allowEnglish?: boolean }) =>
      args.allowEnglish
        ? { ok: true as const, value: { saved: true as const, path: '/tmp/x.pdf', warnings: [] } }
        : refusal,
    )
    const api = fakeApi({ ...previewing(), exportHandout: exportHandout as unknown as Api['exportHandout'] })
    await clinicOn(api, 'letter', 'detailed')
    const exported = vi.fn()
    const { user } = renderWithApi(
      <HandoutOptionsProvider language="es">
        <ExportControls patientId="patient-1" programId="program-1" onExported={exported} />
      </HandoutOptionsProvider>,
      { api },
    )
    await user.click(screen.getByRole('button', { name: 'Export PDF…' }))
    const popup = await screen.findByRole('dialog', {}, { timeout: 15_000 })
    await waitFor(() => expect(choice(popup, 'Handout language', 'Español')).toBeChecked())
    await user.click(within(popup).getByRole('button', { name: 'Save as PDF…', hidden: true }))
    const question = await screen.findByRole('dialog', { name: 'Some parts have no Spanish yet' }, { timeout: 15_000 })
    expect(question).toHaveTextContent('“Heel slides” has no Español version yet')
    expect(exportHandout).toHaveBeenCalledTimes(1)
    expect(exported).not.toHaveBeenCalled()
    await user.click(within(question).getByRole('button', { name: 'Print those parts in English' }))
    await waitFor(() => expect(exported).toHaveBeenCalledTimes(1))
    expect(exportHandout).toHaveBeenLastCalledWith(expect.objectContaining({ language: 'es', allowEnglish: true }))
    // Nothing reported as a failure: the question was the answer.
    expect(screen.queryByText('The handout was not made')).toBeNull()
  })

  it('says plainly, not as a failure, that printing needs the desktop app when the bridge cannot print', async () => {
    const api = previewing()
    await clinicOn(api, 'letter', 'detailed')
    const printHandout = vi.fn(async () => ({
      ok: false as const,
      error: {
        code: 'forbidden' as const,
        message: 'Printing needs the Homeplan desktop app. Export the PDF and print it from your PDF viewer.',
      },
    }))
    const { user } = renderWithApi(
      <HandoutOptionsProvider>
        <ExportControls patientId="patient-1" programId="program-1" onExported={() => {}} />
      </HandoutOptionsProvider>,
      { api: { ...api, printHandout } as unknown as typeof api },
    )
    await user.click(screen.getByRole('button', { name: 'Export PDF…' }))
    const popup = await screen.findByRole('dialog', {}, { timeout: 15_000 })
    const print = within(popup).getByRole('button', { name: 'Print…', hidden: true })
    await waitFor(() => expect(print).toBeEnabled())
    await user.click(print)
    const said = await screen.findByText(
      /^Printing needs the Homeplan desktop app\. Here, export the PDF/,
      {},
      { timeout: 15_000 },
    )
    expect(printHandout).toHaveBeenCalledTimes(1)
    const notification = said.closest('.mantine-Notification-root')
    expect(notification).not.toBeNull()
    expect(notification!.getAttribute('style')).toContain('gray')
    expect(notification!.getAttribute('style')).not.toContain('red')
    expect(screen.queryByText('The handout was not made')).toBeNull()
    expect(screen.queryByText('Something went wrong')).toBeNull()
  })
})
