import i18next, { type i18n } from 'i18next'
import type { HandoutLanguage } from '../core/languages'
import { namespaces, resources } from './resources'

export type { i18n as I18n } from 'i18next'

/**
 * An i18next instance for one language, ready at once (the catalogue is bundled, nothing is fetched). No fallback
 * language: a key missing in Spanish shows as its key, never as English in the middle of a Spanish page, and the
 * catalogue test fails on it first.
 */
export function createI18n(language: HandoutLanguage, extra?: (instance: i18n) => void): i18n {
  const instance = i18next.createInstance()
  extra?.(instance)
  void instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: Object.keys(resources),
    resources,
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}

const byLanguage = new Map<HandoutLanguage, i18n>()
/** One shared instance per language for code outside React (the handout renderer, the export service). */
export function i18nFor(language: HandoutLanguage): i18n {
  let instance = byLanguage.get(language)
  if (!instance) byLanguage.set(language, (instance = createI18n(language)))
  return instance
}

const fixedT = (language: HandoutLanguage) => i18nFor(language).getFixedT(language, ['handout', 'common'])
export type HandoutT = ReturnType<typeof fixedT>
const fixed = new Map<HandoutLanguage, HandoutT>()
/**
 * The handout's words in one language (the `handout` namespace, `common:` for the shared vocabulary), as plain
 * functions take them; the same function each time for a language, so a screen can memoize on it.
 */
export function handoutT(language: HandoutLanguage = 'en'): HandoutT {
  let t = fixed.get(language)
  if (!t) fixed.set(language, (t = fixedT(language)))
  return t
}
