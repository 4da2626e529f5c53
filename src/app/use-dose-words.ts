import { useTranslation } from 'react-i18next'
import { handoutT } from '../i18n'
import { asHandoutLanguage } from '../core/languages'

/**
 * The handout's words in the screen's language, for what the screens show as the handout would (the clinician's
 * dosage line): `dosageLine(dosage, useDoseWords())`.
 */
export function useDoseWords() {
  const { i18n } = useTranslation()
  return handoutT(asHandoutLanguage(i18n.language))
}
