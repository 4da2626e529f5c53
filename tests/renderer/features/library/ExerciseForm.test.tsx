import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { exerciseInput } from '../../../support/exercises'
import type { Exercise, ExerciseInput } from '../../../../src/core/exercise'
import { ExerciseForm } from '../../../../src/features/library/ExerciseForm'
import { fakeApi, type FakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

const stepUps: ExerciseInput = exerciseInput({
  aliases: ['step up'],
  regions: ['knee', 'hip'],
  steps: ['Stand facing a low step.', 'Step up with one foot.', 'Step down slowly.'],
  defaultDosage: { sets: 2, reps: { min: 10, max: 10 }, side: 'both' },
  regressions: ['bridges'],
})

const created = async (api: FakeApi, input: ExerciseInput) => {
  const result = await api.createExercise(input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** The form as the library page opens it. */
const renderForm = (api: FakeApi, exercise?: Exercise, onSaved = vi.fn()) =>
  renderWithApi(<ExerciseForm exercise={exercise} onClose={() => {}} onSaved={onSaved} />, { api, library: true })

const box = (name: string) => screen.getByRole('textbox', { name: new RegExp(`^${name}`) })
const regions = () => screen.getByRole('combobox', { name: 'Body regions' })
/** Typing a whole value at once (userEvent.type is a keystroke at a time, too slow for a busy test machine). */
const fill = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })
/** Give a pop-up time to appear if one were shown. */
const settle = () => new Promise((r) => setTimeout(r, 300))

describe('the exercise form', () => {
  it('saves exactly what was typed and chosen, one list entry per line or comma', async () => {
    const api = fakeApi()
    const onSaved = vi.fn()
    const { user } = renderForm(api, undefined, onSaved)
    fill(box('Name'), '  Wall push-ups ')
    fill(box('Other names'), 'wall press,  , push away ')
    fill(box('Title for patients'), 'Standing at a wall: push away')
    await user.click(regions())
    await user.click(await screen.findByRole('option', { name: 'Shoulder', hidden: true }))
    fill(box('Steps'), 'Stand facing a wall.\n\n  Push away from it. ')
    fill(box('Tips'), 'Keep your back straight.')
    await user.click(screen.getByRole('button', { name: 'Add exercise' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(api.createExercise).toHaveBeenCalledWith({
      name: 'Wall push-ups',
      plainTitle: 'Standing at a wall: push away',
      aliases: ['wall press', 'push away'],
      regions: ['shoulder'],
      position: 'standing',
      type: 'strengthening',
      equipment: ['none'],
      difficulty: 'easy',
      steps: ['Stand facing a wall.', 'Push away from it.'],
      cues: ['Keep your back straight.'],
      cautions: [],
      defaultDosage: {},
      progressions: [],
      regressions: [],
      images: [],
    })
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ name: 'Wall push-ups', source: 'custom' })
  }, 45_000)

  it('shows every problem by its own field, and sends nothing', async () => {
    const api = fakeApi()
    const { user } = renderForm(api)
    fill(box('Other names'), 'ok, \u202Eevil')
    await user.click(screen.getByRole('button', { name: 'Add exercise' }))
    expect(await screen.findByText('Give the exercise a name.')).toBeInTheDocument()
    expect(box('Name')).toHaveAccessibleDescription('Give the exercise a name.')
    expect(regions()).toHaveAccessibleDescription('Choose at least one body region.')
    expect(box('Steps')).toHaveAccessibleDescription(/Write at least one step\./)
    expect(box('Other names')).toHaveAccessibleDescription(
      'Other name cannot contain hidden text-direction characters.',
    )
    expect(api.createExercise).not.toHaveBeenCalled()
  }, 45_000)

  it('puts a refusal from the main process by the field it names, once', async () => {
    const api = fakeApi({
      updateExercise: async () => ({
        ok: false,
        error: {
          code: 'invalid_argument',
          field: 'exercise.steps.1',
          message: 'exercise.steps.1: A step must be a single line, without tabs or line breaks.',
        },
      }),
    })
    const exercise = await created(api, stepUps)
    const onSaved = vi.fn()
    const { user } = renderForm(api, exercise, onSaved)
    expect(box('Steps')).toHaveValue(stepUps.steps.join('\n'))
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('A step must be a single line, without tabs or line breaks.')).toBeInTheDocument()
    await settle()
    expect(screen.getAllByText(/single line/)).toHaveLength(1)
    expect(box('Steps')).toHaveAccessibleDescription(/A step must be a single line/)
    expect(api.updateExercise).toHaveBeenCalledWith({ id: exercise.id, exercise: stepUps })
    expect(onSaved).not.toHaveBeenCalled()
  }, 45_000)

  it('shows a refusal about a field it does not show (linked exercises) above the buttons, once', async () => {
    const api = fakeApi()
    const easier = await created(api, { ...stepUps, name: 'Low step-ups', regressions: [] })
    const harder = await created(api, { ...stepUps, name: 'High step-ups', regressions: [easier.id] })
    const gone = await api.deleteExercise({ id: easier.id })
    if (!gone.ok) throw new Error(gone.error.message)
    const { user } = renderForm(api, harder)
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText(`Unknown linked exercise: ${easier.id}.`)).toBeInTheDocument()
    await settle()
    expect(screen.getAllByText(/Unknown linked exercise/)).toHaveLength(1)
    // The links it does not show are sent as they were, not dropped.
    expect(api.updateExercise).toHaveBeenCalledWith({
      id: harder.id,
      exercise: expect.objectContaining({ regressions: [easier.id], progressions: [] }),
    })
  }, 45_000)
})

describe('the exercise form’s Spanish version', () => {
  it('saves a Spanish version typed beside the English, one step or tip per line, and removes it again', async () => {
    const api = fakeApi()
    const exercise = await created(api, stepUps)
    const onSaved = vi.fn()
    const { user } = renderForm(api, exercise, onSaved)
    await user.click(screen.getByRole('button', { name: 'Add a Spanish version' }))
    fill(box('Spanish name'), 'Subir al escalón')
    fill(box('Spanish title for patients'), 'De pie frente a un escalón: subir y bajar')
    fill(box('Steps in Spanish'), 'Párese frente a un escalón bajo.\n\n Suba con un pie. ')
    fill(box('Cautions in Spanish'), 'Agárrese de algo firme.')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(api.updateExercise).toHaveBeenLastCalledWith({
      id: exercise.id,
      exercise: expect.objectContaining({
        name: 'Step-ups',
        translations: {
          es: {
            name: 'Subir al escalón',
            plainTitle: 'De pie frente a un escalón: subir y bajar',
            aliases: [],
            steps: ['Párese frente a un escalón bajo.', 'Suba con un pie.'],
            cues: [],
            cautions: ['Agárrese de algo firme.'],
          },
        },
      }),
    })
  })

  it('says by the field what a Spanish version lacks, and saves nothing', async () => {
    const api = fakeApi()
    const exercise = await created(api, stepUps)
    const { user } = renderForm(api, exercise)
    await user.click(screen.getByRole('button', { name: 'Add a Spanish version' }))
    fill(box('Spanish name'), 'Subir al escalón')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Give the title for patients.')).toBeVisible()
    expect(api.updateExercise).not.toHaveBeenCalled()
  })
})

describe('my own version of a built-in exercise, in Spanish too', () => {
  it('comes with the Spanish named as mine, and says so when the English changes and the Spanish does not', async () => {
    const api = fakeApi()
    const copy = await api.duplicateExercise({ id: 'bridges' })
    if (!copy.ok) throw new Error(copy.error.message)
    expect(copy.value.name).toBe('Bridges (my version)')
    expect(copy.value.translations?.es?.name).toBe('Puente (mi versión)')
    renderForm(api, copy.value)
    expect(screen.queryByText(/The English words changed/)).toBeNull()
    fill(box('Steps,'), 'Lift your hips halfway.')
    expect(await screen.findByText(/The English words changed and the Spanish version did not/)).toBeVisible()
    fill(box('Steps in Spanish'), 'Suba la cadera hasta la mitad.')
    await waitFor(() => expect(screen.queryByText(/The English words changed/)).toBeNull())
  })
})
