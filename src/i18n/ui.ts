import { initReactI18next } from 'react-i18next'
import { asHandoutLanguage, firstKnownLanguage, screenLanguageOf, type HandoutLanguage } from '../core/languages'
import type { UiLanguage } from '../core/settings'
import { createI18n } from './index'
import { setMessageLanguage } from './say'

/** The app's screens: one instance, English until the language setting (or the system's language) says otherwise. */
export const uiI18n = createI18n('en', (instance) => instance.use(initReactI18next))
// The checks a form runs in this window (src/core's schemas) speak the screens' language.
uiI18n.on('languageChanged', (language) => setMessageLanguage(asHandoutLanguage(language)))

/** The system's language when the catalogue has it, English otherwise. */
export const systemLanguage = (languages: readonly string[] = navigator.languages): HandoutLanguage =>
  firstKnownLanguage(languages)

/** The language a saved setting means: its own, or the system's for `system` and for none saved yet. */
export const uiLanguageOf = (setting: UiLanguage | undefined): HandoutLanguage =>
  screenLanguageOf(setting, navigator.languages)
