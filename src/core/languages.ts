import { z } from 'zod'

/** The languages a handout can be printed in; English is the library's own language. */
export const handoutLanguages = ['en', 'es'] as const
export type HandoutLanguage = (typeof handoutLanguages)[number]
export const languageNames: Record<HandoutLanguage, string> = { en: 'English', es: 'Español' }

export const handoutLanguageSchema = z.enum(handoutLanguages)

/** A language code as a handout language: one the catalogue has, English otherwise ("es-MX" is not one: pass "es"). */
export const asHandoutLanguage = (code: string | null | undefined): HandoutLanguage =>
  handoutLanguages.find((language) => language === code) ?? 'en'

/** The first of a system's languages ("es-MX", "en-US", …) that the catalogue has, English when none is. */
export function firstKnownLanguage(tags: readonly string[]): HandoutLanguage {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0]
    const known = handoutLanguages.find((language) => language === base)
    if (known) return known
  }
  return 'en'
}

/** The language the screens' setting means: its own, or the system's for `system` and for none saved yet. */
export const screenLanguageOf = (
  setting: HandoutLanguage | 'system' | undefined,
  system: readonly string[],
): HandoutLanguage => (setting && setting !== 'system' ? setting : firstKnownLanguage(system))
