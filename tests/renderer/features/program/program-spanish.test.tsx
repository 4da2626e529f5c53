import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Active } from '@dnd-kit/core'
import type { ProgramItem } from '../../../../src/core/patient'
import { useLibrary } from '../../../../src/app/library-context'
import { dragAnnouncements } from '../../../../src/features/program/drag-announcements'
import type { ProgramDraft } from '../../../../src/features/program/draft'
import { exportBlocked } from '../../../../src/features/program/program-items'
import { ProgramDnd } from '../../../../src/features/program/ProgramDnd'
import { ProgramHeader } from '../../../../src/features/program/ProgramHeader'
import { ProgramItemList } from '../../../../src/features/program/ProgramItemList'
import { ProgramPage } from '../../../../src/features/program/ProgramPage'
import { uiI18n } from '../../../../src/i18n/ui'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

// Each card's figure is drawn in SVG, slow in jsdom and beside the point here.
vi.mock('../../../../src/components/DiagramView', () => ({ DiagramView: () => null }))

afterEach(async () => {
  await uiI18n.changeLanguage('en')
  window.location.hash = ''
})

/** No English text of the builder's own chrome anywhere on the page. */
const noEnglish = (...texts: string[]) => {
  for (const text of texts) expect(screen.queryAllByText(text, { exact: false }), text).toHaveLength(0)
}

function Header({ patient }: { patient: Parameters<typeof ProgramHeader>[0]['patient'] }) {
  const [draft, setDraft] = useState<ProgramDraft>({ title: 'Caderas', items: [] })
  return (
    <ProgramHeader
      patient={patient}
      programId={undefined}
      draft={draft}
      onDraft={setDraft}
      problems={new Map()}
      dirty={false}
      onTemplate={() => {}}
      onExported={() => {}}
      onSave={() => {}}
    />
  )
}

/** One exercise of the library in the builder's list, wired as the builder wires it. */
function OneCard() {
  const { byId } = useLibrary()
  const exercise = byId.get('bridges')
  if (!exercise) return null
  const items: ProgramItem[] = [{ id: 'item-1', exerciseId: 'bridges', dosage: { sets: 2 } }]
  return (
    <ProgramDnd items={items} exerciseOf={(id) => byId.get(id)} onAdd={() => {}} setItems={() => {}}>
      <ProgramItemList
        items={items}
        exerciseOf={(id) => byId.get(id)}
        problems={new Map()}
        onChange={() => {}}
        onRemove={() => {}}
        onMove={() => {}}
      />
    </ProgramDnd>
  )
}

describe('the program builder in Spanish', () => {
  it('asks who the program is for in Spanish', async () => {
    await uiI18n.changeLanguage('es')
    renderWithApi(<ProgramPage />, { roster: true })
    expect(await screen.findByRole('heading', { name: 'Creador de programas' })).toBeInTheDocument()
    expect(screen.getByText('¿Para quién es este programa?')).toBeInTheDocument()
    expect(screen.getByLabelText('Elegir un paciente', { selector: 'input' })).toHaveAttribute(
      'placeholder',
      'Buscar en la lista de pacientes',
    )
    noEnglish('Program builder', 'Who is this program for?', 'New program')
  })

  it('labels the header and Export PDF in Spanish, and says why the handout cannot be exported yet', async () => {
    const api = fakeApi()
    const created = await api.createPatient(patientInput())
    if (!created.ok) throw new Error(created.error.message)
    await uiI18n.changeLanguage('es')
    const { user } = renderWithApi(<Header patient={created.value} />, { api, library: true })
    expect(screen.getByRole('textbox', { name: 'Título del programa' })).toHaveValue('Caderas')
    expect(screen.getByRole('button', { name: 'Guardar programa' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Exportar PDF…' }))
    expect(
      await screen.findByText('Guarde primero el programa: la hoja imprime la versión guardada.'),
    ).toBeInTheDocument()
    expect(await screen.findByRole('radio', { name: 'Grande', hidden: true })).toBeInTheDocument()
    expect(screen.getByRole('radiogroup', { name: 'Diseño de la hoja', hidden: true })).toBeInTheDocument()
    noEnglish('Save program', 'Export PDF', 'Apply a template', 'Save as template', 'Large print', 'Save the program')
    // Outside a component, the same sentence in the screens' language of the moment.
    expect(exportBlocked('prog-1', false, 0)).toBe('Agregue al menos un ejercicio.')
  })

  it('changes an exercise card to Spanish as soon as the language changes, and back', async () => {
    renderWithApi(<OneCard />, { library: true })
    const card = await screen.findByLabelText('1. Bridges', {}, { timeout: 10_000 })
    await userEvent.click(within(card).getByRole('button', { name: 'More' }))
    expect(within(card).getByRole('button', { name: 'Change the steps for this patient' })).toBeInTheDocument()

    await act(() => uiI18n.changeLanguage('es'))
    expect(within(card).getByRole('button', { name: 'Cambiar los pasos para este paciente' })).toBeInTheDocument()
    // The exercise by its Spanish name too.
    expect(card).toHaveAccessibleName('1. Puente')
    expect(within(card).getByRole('button', { name: 'Quitar Puente' })).toBeInTheDocument()
    expect(within(card).getByRole('textbox', { name: 'Nota para el paciente (Puente)' })).toBeInTheDocument()
    expect(within(card).getByRole('button', { name: 'Menos' })).toHaveAttribute('aria-expanded', 'true')
    noEnglish('Change the steps', 'Note to the patient', 'Remove Bridges')

    await act(() => uiI18n.changeLanguage('en'))
    await waitFor(() =>
      expect(within(card).getByRole('button', { name: 'Change the steps for this patient' })).toBeInTheDocument(),
    )
  })

  it('tells a screen reader about a drag in Spanish', async () => {
    await uiI18n.changeLanguage('es')
    const items = [
      { id: 'item-1', exerciseId: 'bridges', dosage: {} },
      { id: 'item-2', exerciseId: 'clamshells', dosage: {} },
    ]
    const say = dragAnnouncements(items, (id) => (id === 'bridges' ? 'Puente' : undefined))
    const active = (id: string) => ({ id }) as Active
    expect(say.onDragStart({ active: active('item-1') })).toBe('Se tomó Puente.')
    expect(say.onDragEnd({ active: active('item-1'), over: { id: 'item-2' } as never })).toBe(
      'Puente se soltó en la posición 2 de 2.',
    )
    expect(say.onDragCancel({ active: active('item-2'), over: null })).toBe('Movimiento cancelado: el ejercicio.')
  })
})
