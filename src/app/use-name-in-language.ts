import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

interface Named {
  name: string
  translations?: { es?: { name: string } | undefined } | undefined
}

/**
 * An exercise's or template's name in the screen's language: its Spanish name on Spanish screens when it has one
 * (every built-in does), its own name otherwise. Search finds either.
 */
export function useNameInLanguage(): (named: Named) => string {
  const { i18n } = useTranslation()
  const spanish = i18n.language === 'es'
  return useCallback((named: Named) => (spanish && named.translations?.es?.name) || named.name, [spanish])
}
