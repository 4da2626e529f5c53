import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useLibrary } from '../../../../src/app/library-context'
import { ExerciseDetail } from '../../../../src/features/library/ExerciseDetail'
import { ExerciseForm } from '../../../../src/features/library/ExerciseForm'
import { LibraryPage } from '../../../../src/features/library/LibraryPage'
import { uiI18n } from '../../../../src/i18n/ui'
import { renderWithApi } from '../../render-with-api'

/**
 * English words of the library's own screens that must not be left on a Spanish screen. (Exercise and template
 * names and texts are library content, translated apart, and the dosage line is core's: neither is checked here.)
 */
const englishChrome = [
  'Exercise library',
  'New exercise',
  'Favourites',
  'Starter templates',
  'Program templates',
  'Folder',
  'Template',
  'Body region',
  'Position',
  'Yours',
  'Strengthening',
  'Add exercise',
  'Cancel',
  'Diagram',
  'Usual dosage',
  'Figure position',
  'Start pose',
  'End pose',
  'Props',
]
const shownText = () => document.body.textContent ?? ''
const accessibleWords = () =>
  [...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) =>
    ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''),
  )
const expectNoEnglishChrome = () => {
  const words = shownText()
  const attributes = accessibleWords()
  for (const english of englishChrome) {
    expect(words, english).not.toMatch(new RegExp(`\\b${english}\\b`))
    expect(attributes, english).not.toContain(english)
  }
}

/** A built-in exercise's drawer, once the library has loaded. */
function Detail({ id }: { id: string }) {
  const exercise = useLibrary().byId.get(id)
  return exercise ? <ExerciseDetail exercise={exercise} onClose={() => {}} onEdit={() => {}} onOpen={() => {}} /> : null
}

describe('the library in Spanish', () => {
  beforeEach(async () => {
    await uiI18n.changeLanguage('es')
  })
  afterEach(async () => {
    await uiI18n.changeLanguage('en')
  })

  it('shows the library page, its filters and its cards in Spanish', async () => {
    const { user } = renderWithApi(<LibraryPage />, { library: true })
    expect(await screen.findByText(/^\d+ ejercicios · biblioteca /)).toBeInTheDocument()
    const search = screen.getByLabelText('Buscar ejercicios')
    expect(search).toHaveAttribute('placeholder', 'Nombre, región o equipo…')
    // Narrowed to a few cards first: role queries over the whole library are slow on a busy machine.
    fireEvent.change(search, { target: { value: 'glute bridge' } })
    expect(screen.getByRole('heading', { name: 'Biblioteca de ejercicios' })).toBeInTheDocument()
    expect(screen.getByRole('switch', { name: 'Favoritos' })).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Plantillas iniciales' })).toBeInTheDocument()
    // The cards name the exercise by its Spanish name, and position and type in the vocabulary's Spanish words.
    const bridges = screen.getByRole('button', { name: 'Puente' })
    expect(within(bridges).getByText('Fuerza')).toBeInTheDocument()
    expect(within(bridges).getByText('Boca arriba')).toBeInTheDocument()
    expect(within(bridges).getByRole('button', { name: 'Agregar Puente a favoritos' })).toBeInTheDocument()
    // A facet's options are the vocabulary's Spanish words.
    await user.click(screen.getByLabelText('Posición', { selector: 'input' }))
    expect(await screen.findByRole('option', { name: 'Boca abajo', hidden: true })).toBeInTheDocument()
    expectNoEnglishChrome()

    fireEvent.change(search, { target: { value: 'qqxqqz' } })
    expect(
      await screen.findByText('Ningún ejercicio coincide. Pruebe con menos palabras o quite un filtro.'),
    ).toBeInTheDocument()
  }, 30_000)

  it('shows the new-exercise form and its pose editor in Spanish', async () => {
    const { user } = renderWithApi(<ExerciseForm onClose={() => {}} onSaved={vi.fn()} />, { library: true })
    expect(await screen.findByText('Nuevo ejercicio')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: /^Nombre/ })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Pasos, uno por línea' })).toHaveAccessibleDescription(
      'Cortos, una acción por paso, con las palabras que le diría al paciente.',
    )
    expect(screen.getByLabelText('Posición', { selector: 'input' })).toHaveValue('De pie')
    await user.click(screen.getByRole('button', { name: 'Agregar un diagrama' }))
    expect(screen.getByLabelText('Posición de la figura', { selector: 'input' })).toHaveValue('De pie')
    expect(screen.getByRole('radio', { name: 'Pose final' })).toBeChecked()
    expect(screen.getByRole('radio', { name: 'Pierna derecha' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copiar la pose inicial' })).toBeInTheDocument()
    expect(
      screen.getByText('Ángulos medidos desde la posición «de pie»; está editando la pose final.'),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Agregar ejercicio' })).toBeInTheDocument()
    expectNoEnglishChrome()
  }, 30_000)

  it('shows a built-in exercise’s drawer in Spanish', async () => {
    renderWithApi(<Detail id="bridges" />, { library: true })
    expect(await screen.findByRole('button', { name: 'Crear mi propia versión' }, { timeout: 10_000 })).toBeVisible()
    expect(screen.getByRole('button', { name: 'Cambiar' })).toBeInTheDocument()
    expect(screen.getByText('Dosis habitual:')).toBeInTheDocument()
    expect(screen.getByText('Pasos')).toBeInTheDocument()
    expect(screen.getByText('Cadera')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: /^Enlace de video para la hoja/ })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Guardar enlace' })).toBeInTheDocument()
    expect(screen.queryByText(/^(Steps|Tips|Change|Make my own version|Usual dosage:)$/)).not.toBeInTheDocument()
  }, 30_000)
})
