import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../../src/app/App'
import { PatientDetail } from '../../../../src/features/patients/PatientDetail'
import { PatientForm } from '../../../../src/features/patients/PatientForm'
import { resources } from '../../../../src/i18n/resources'
import { uiI18n } from '../../../../src/i18n/ui'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

type Tree = { [key: string]: string | Tree }
const strings = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : strings(v)))

/**
 * The English words of the namespaces this area owns that Spanish says differently: each piece of text between
 * placeholders, long enough not to be a chance part of a name ("A4", "Email" the same in both are left out).
 */
const english = (['app', 'patients', 'errors'] as const).flatMap((ns) => {
  const spanish = new Set(strings(resources.es[ns] as Tree).flatMap((s) => s.split(/\{\{[^}]*\}\}/)))
  return strings(resources.en[ns] as Tree)
    .flatMap((s) => s.split(/\{\{[^}]*\}\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 4 && !spanish.has(s))
})

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** As a whole word or phrase: "Program" is not English inside "Programa". */
const wholeWords = english.map((s) => [s, new RegExp(`(?<!\\p{L})${escape(s)}(?!\\p{L})`, 'u')] as const)

/** English of ours anywhere on the page: text (not the styles'), or a label, placeholder or title. */
function englishShown(): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const texts: string[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!node.parentElement?.closest('style, script')) texts.push(node.textContent ?? '')
  const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((el) =>
    ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''),
  )
  const shown = [...texts, ...attributes].join('\n')
  return wholeWords.filter(([, word]) => word.test(shown)).map(([s]) => s)
}

describe('the patients screens in Spanish', () => {
  beforeEach(() => {
    window.location.hash = ''
  })
  afterEach(async () => {
    await uiI18n.changeLanguage('en')
  })

  it('follow the saved screen language: the shell and the roster, with no English of ours left', async () => {
    const api = fakeApi()
    await api.updateSettings({ language: 'es' })
    await api.createPatient(patientInput({ firstName: 'Ana', lastName: 'Gómez' }))
    render(<App api={api} />)

    expect(await screen.findByRole('heading', { level: 2, name: 'Pacientes' })).toBeInTheDocument()
    const nav = screen.getByRole('navigation', { name: 'Secciones' })
    expect(within(nav).getByRole('link', { name: /Biblioteca de ejercicios/ })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /Nuevo paciente/ })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Gómez, Ana' })).toBeInTheDocument()
    expect(screen.getByRole('columnheader', { name: 'Fecha de nacimiento' })).toBeInTheDocument()
    expect(screen.getByText('1 en esta computadora')).toBeInTheDocument()
    // The date in Spanish as well: "14 mar 1956", not "Mar 14, 1956".
    expect(screen.getByRole('cell', { name: /^14 mar 1956/ })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Buscar pacientes' })).toHaveAttribute(
      'placeholder',
      'Nombre, expediente o fecha de nacimiento',
    )
    expect(englishShown()).toEqual([])
  }, 30_000)

  it('shows a patient’s page and the edit form in Spanish', async () => {
    await uiI18n.changeLanguage('es')
    const api = fakeApi()
    const created = await api.createPatient(patientInput({ firstName: 'Ana', lastName: 'Gómez' }))
    if (!created.ok) throw new Error(created.error.message)
    renderWithApi(<PatientDetail id={created.value.id} onBack={() => {}} />, { api, roster: true, library: true })

    expect(await screen.findByRole('heading', { level: 2, name: 'Ana Gómez' })).toBeInTheDocument()
    expect(screen.getByText('Activo')).toBeInTheDocument()
    expect(screen.getByText('Seguro: Premera')).toBeInTheDocument()
    expect(screen.getByText('Lun, Mié')).toBeInTheDocument()
    expect(screen.getByText(/^14 mar 1956 \(\d+ años\)$/)).toBeInTheDocument()
    expect(screen.getByText('Aún no hay programas. Elija «Nuevo programa» para crear uno.')).toBeInTheDocument()
    expect(englishShown()).toEqual([])

    await userEvent.click(screen.getByRole('button', { name: 'Editar' }))
    const form = await screen.findByRole('dialog', { name: 'Editar a Ana Gómez' })
    expect(within(form).getByRole('textbox', { name: 'Nombre' })).toHaveValue('Ana')
    expect(within(form).getByRole('group', { name: 'Preferencias de cita' })).toBeInTheDocument()
    expect(within(form).getByRole('button', { name: 'Guardar cambios' })).toBeInTheDocument()
    await waitFor(() => expect(englishShown()).toEqual([]))
  }, 30_000)
})

describe('the patient form’s checks in Spanish', () => {
  afterEach(async () => {
    await uiI18n.changeLanguage('en')
  })

  it('says what to fix in the screens’ language, and in English again after switching back', async () => {
    // As the Settings page does it: the screens' language, and the setting the main process speaks from (in this
    // test the services run in the same process as the screens, and share the language of messages).
    const api = fakeApi()
    await api.updateSettings({ language: 'es' })
    await uiI18n.changeLanguage('es')
    renderWithApi(<PatientForm opened onClose={() => {}} onSaved={() => {}} />, { api, roster: true })
    const form = await screen.findByRole('dialog')
    await userEvent.type(within(form).getByRole('textbox', { name: 'Correo electrónico' }), 'ana@')
    await userEvent.click(within(form).getByRole('button', { name: /Añadir paciente|Agregar paciente|Guardar/ }))
    expect(await within(form).findByText('Escriba el nombre.')).toBeInTheDocument()
    expect(within(form).getByText('Escriba el apellido.')).toBeInTheDocument()
    expect(within(form).getByText('Escriba un correo electrónico válido.')).toBeInTheDocument()
    expect(englishShown()).toEqual([])
    expect(form.textContent).not.toMatch(/Enter a|valid email/)

    await api.updateSettings({ language: 'en' })
    await act(() => uiI18n.changeLanguage('en'))
    await userEvent.click(within(form).getByRole('button', { name: 'Add patient' }))
    expect(await within(form).findByText('Enter a first name.')).toBeInTheDocument()
  }, 30_000)
})
