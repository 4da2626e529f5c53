import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { Api } from '../../../../src/core/contract'
import { ExerciseDetail } from '../../../../src/features/library/ExerciseDetail'
import { useLibrary } from '../../../../src/app/library-context'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

/** The exercise's detail drawer as the library page opens it, always showing the library's current copy. */
function Detail({ id }: { id: string }) {
  const exercise = useLibrary().byId.get(id)
  return exercise ? <ExerciseDetail exercise={exercise} onClose={() => {}} onEdit={() => {}} onOpen={() => {}} /> : null
}

const linkField = () => screen.findByRole('textbox', { name: /^Video link for handouts/ }, { timeout: 10_000 })
const fill = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })
const storedLink = async (api: Api, id = 'bridges') => {
  const library = await api.getLibrary()
  if (!library.ok) throw new Error(library.error.message)
  return library.value.exercises.find((e) => e.id === id)?.videoUrl
}

describe('the video link field in the exercise detail', () => {
  it('saves a link for a built-in exercise and says what the handout will print', async () => {
    const api = fakeApi()
    renderWithApi(<Detail id="bridges" />, { api, library: true })
    fill(await linkField(), '  https://riversidept.example/v/bridges  ')
    await userEvent.click(screen.getByRole('button', { name: 'Save link' }))
    expect(
      await screen.findByText(
        'Saved. Handouts print a QR code and riversidept.example/v/bridges under the picture.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
    expect(api.setExerciseVideo).toHaveBeenCalledWith({
      exerciseId: 'bridges',
      url: '  https://riversidept.example/v/bridges  ',
    })
    expect(await storedLink(api)).toBe('https://riversidept.example/v/bridges')
    expect(await linkField()).toHaveValue('https://riversidept.example/v/bridges')
    expect(await screen.findByRole('button', { name: 'Remove link' }, { timeout: 10_000 })).toBeInTheDocument()
  }, 30_000)

  it('shows the refusal by the field, once, and keeps the typed text to correct', async () => {
    const api = fakeApi()
    renderWithApi(<Detail id="bridges" />, { api, library: true })
    fill(await linkField(), 'riversidept.example/v/bridges')
    await userEvent.click(screen.getByRole('button', { name: 'Save link' }))
    const message = 'Use a web address starting with https:// or http://'
    expect(await screen.findByText(message, {}, { timeout: 10_000 })).toBeInTheDocument()
    expect(await linkField()).toHaveAccessibleDescription(new RegExp(message.replace(/[/.]/g, '\\$&')))
    expect(await linkField()).toHaveValue('riversidept.example/v/bridges')
    // Give a pop-up time to appear if one were shown.
    await new Promise((r) => setTimeout(r, 300))
    expect(screen.getAllByText(message)).toHaveLength(1)
    expect(await storedLink(api)).toBeUndefined()
    expect(screen.queryByText(/^Saved\./)).not.toBeInTheDocument()
  }, 30_000)

  it('removes a link so handouts stop printing it', async () => {
    const api = fakeApi()
    const set = await api.setExerciseVideo({ exerciseId: 'bridges', url: 'https://riversidept.example/v/bridges' })
    if (!set.ok) throw new Error(set.error.message)
    renderWithApi(<Detail id="bridges" />, { api, library: true })
    await waitFor(async () => expect(await linkField()).toHaveValue('https://riversidept.example/v/bridges'), {
      timeout: 10_000,
    })
    await userEvent.click(screen.getByRole('button', { name: 'Remove link' }))
    expect(
      await screen.findByText(
        'Link removed. Handouts no longer print a QR code for this exercise.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
    expect(api.setExerciseVideo).toHaveBeenLastCalledWith({ exerciseId: 'bridges', url: null })
    expect(await storedLink(api)).toBeUndefined()
    expect(await linkField()).toHaveValue('')
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove link' })).not.toBeInTheDocument(), {
      timeout: 10_000,
    })
  }, 30_000)
})
