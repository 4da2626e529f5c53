import { initReactI18next } from 'react-i18next'
import type { HandoutLanguage } from '../core/languages'
import type { UiLanguage } from '../core/settings'
import { createI18n } from './index'

/** The app's screens: one instance, English until the language setting (or the system's language) says otherwise. */
export const uiI18n = createI18n('en', (instance) => instance.use(initReactI18next))

/** The system's language when the catalogue has it, English otherwise. */
export function systemLanguage(languages: readonly string[] = navigator.languages): HandoutLanguage {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'es' || base === 'en') return base
  }
  return 'en'
}

/** The language a saved setting means: its own, or the system's for `system` and for none saved yet. */
export const uiLanguageOf = (setting: UiLanguage | undefined): HandoutLanguage =>
  setting && setting !== 'system' ? setting : systemLanguage()
