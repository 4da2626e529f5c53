import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../src/core/dispatch'
import { patientInput } from '../support/patients'
import { testServices } from '../support/services'

const folder = () => mkdtemp(join(tmpdir(), 'homeplan-messages-'))

/** A refusal's words for a patient without a first name, asked the way the window asks (through dispatch). */
async function refusal(handlers: Parameters<typeof dispatch>[0]) {
  const result = await dispatch(handlers, 'createPatient', patientInput({ firstName: '' }))
  if (result.ok) throw new Error('a patient without a first name was accepted')
  return result.error.message
}

describe('the language the main process refuses in', () => {
  it('is the screens’ language as the settings say it, from the next call on', async () => {
    const { handlers } = testServices(await folder(), { systemLanguages: () => ['en-US'] })
    await handlers.getSettings(undefined)
    expect(await refusal(handlers)).toBe('firstName: Enter a first name.')

    await handlers.updateSettings({ language: 'es' })
    expect(await refusal(handlers)).toBe('firstName: Escriba el nombre.')
    const unknown = await dispatch(handlers, 'noSuchCall', undefined)
    expect(!unknown.ok && unknown.error.message).toBe('No existe la llamada «noSuchCall».')

    await handlers.updateSettings({ language: 'en' })
    expect(await refusal(handlers)).toBe('firstName: Enter a first name.')
  })

  it('follows the system’s language when the setting says “system”', async () => {
    const { handlers } = testServices(await folder(), { systemLanguages: () => ['es-MX', 'en-US'] })
    await handlers.updateSettings({ language: 'system' })
    expect(await refusal(handlers)).toBe('firstName: Escriba el nombre.')
  })

  it('is set as the app starts, before the window asks for the settings', async () => {
    const dir = await folder()
    const first = testServices(dir, { systemLanguages: () => ['en-US'] })
    await first.handlers.updateSettings({ language: 'es' })
    await first.close()
    const { setMessageLanguage } = await import('../../src/i18n/say')
    setMessageLanguage('en')

    const second = testServices(dir, { systemLanguages: () => ['en-US'] })
    second.prepare()
    await expect.poll(() => refusal(second.handlers)).toBe('firstName: Escriba el nombre.')
  })

  it('tells the app when the language changes, once per change (its menu is built again)', async () => {
    const { setMessageLanguage } = await import('../../src/i18n/say')
    setMessageLanguage('en')
    const onLanguage = vi.fn()
    const { handlers } = testServices(await folder(), { systemLanguages: () => ['en-US'], onLanguage })
    await handlers.getSettings(undefined)
    await handlers.updateSettings({ language: 'es' })
    await handlers.updateSettings({ language: 'es', paperSize: 'a4' })
    await handlers.updateSettings({ language: 'en' })
    expect(onLanguage.mock.calls).toEqual([['es'], ['en']])
  })
})
