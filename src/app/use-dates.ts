import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The locale dates are written in for a screen language: the system's own when it speaks that language (an
 * English system in Britain keeps "14 Mar 1956"), else the language itself ("14 mar 1956" for Spanish).
 */
export function localeFor(language: string, system: readonly string[] = navigator.languages): string {
  return system.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language
}

export interface Dates {
  /** "Mar 14, 1956" from an ISO date or the day of an ISO timestamp; '' for none (as formatDate in core/dates). */
  date: (iso: string | undefined) => string
  /** "Mar 14, 2026, 3:05 PM" for a moment, in the user's time zone (as formatDateTime in core/dates). */
  dateTime: (iso: string) => string
}

export function datesIn(locale: string): Dates {
  // A date alone is a calendar day, not a moment: read as UTC, it shows the same day in every time zone.
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return {
    date: (iso) => (iso ? day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ''),
    dateTime: (iso) => moment.format(new Date(iso)),
  }
}

/** Dates as the screens show them, in the screen's language (and again when it changes). */
export function useDates(): Dates {
  const { i18n } = useTranslation()
  return useMemo(() => datesIn(localeFor(i18n.language)), [i18n.language])
}
