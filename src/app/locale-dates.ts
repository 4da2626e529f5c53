/**
 * Dates as src/core/dates.ts shows them, but in the screens' language (i18n.language) rather than the system's: the
 * system's own variant of that language when it has one ("en-GB" for English on a British computer), else the
 * language itself.
 */
const localeOf = (language: string): string =>
  (typeof navigator === 'undefined' ? [] : navigator.languages).find(
    (tag) => tag.toLowerCase().split('-')[0] === language,
  ) ?? language

/** "Mar 14, 1956" from an ISO date or the day of an ISO timestamp: a calendar day, the same in every time zone. */
export const dayIn = (language: string, iso: string): string =>
  new Intl.DateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))

/** "Mar 14, 2026, 3:05 PM" for a moment, in the computer's time zone. */
export const momentIn = (language: string, iso: string): string =>
  new Date(iso).toLocaleString(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' })
