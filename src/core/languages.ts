import { z } from 'zod'

/** The languages a handout can be printed in; English is the library's own language. */
export const handoutLanguages = ['en', 'es'] as const
export type HandoutLanguage = (typeof handoutLanguages)[number]
export const languageNames: Record<HandoutLanguage, string> = { en: 'English', es: 'Español' }

export const handoutLanguageSchema = z.enum(handoutLanguages)

/** A language code as a handout language: one the catalogue has, English otherwise ("es-MX" is not one: pass "es"). */
export const asHandoutLanguage = (code: string | null | undefined): HandoutLanguage =>
  handoutLanguages.find((language) => language === code) ?? 'en'
