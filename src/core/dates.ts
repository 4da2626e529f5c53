/**
 * Dates as people read them and as file names hold them. A date alone (`1956-03-14`) is a calendar day, not a
 * moment: it is read as UTC so it shows the same day in every time zone.
 */

const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

/** "Mar 14, 1956" (in the user's locale) from an ISO date or the day of an ISO timestamp; '' for none. */
export const formatDate = (iso: string | undefined): string =>
  iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ''

/** "Mar 14, 2026, 3:05 PM" (in the user's locale and time zone) for a moment. */
export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The calendar day of a moment, in UTC: `2026-03-14`. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10)

/**
 * A moment as a file name may hold it on every system (no `:`), sorting in time order:
 * `2026-03-14T15-05-09-123Z`.
 */
export const fileStamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-')

/** The moment a {@link fileStamp} holds (an invalid date for text that is not one). */
export const fromFileStamp = (stamp: string): Date =>
  new Date(stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z'))

/** Today as the person at the screen counts it (local time), as an ISO day. */
export const localDay = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`

/** Whole weeks from one ISO day to another (a surgery on the 1st is "1 week" ago on the 8th); never below 0. */
export function weeksBetween(from: string, to: string): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
  return Number.isFinite(days) ? Math.max(0, Math.floor(days / 7)) : 0
}
