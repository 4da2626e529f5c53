import { z } from 'zod'
import { id } from './ids'

/**
 * The access log (Settings → Access log): who opened, changed, exported, printed, imported, restored or deleted
 * which patient, and when. Kept by main in the data folder (electron/services/access-log.ts); these are the types
 * and argument schemas the contract shares with the window.
 */
export const accessActions = [
  'viewed',
  'created',
  'changed',
  'deleted',
  'exported',
  'printed',
  'imported',
  'restored',
  'programSaved',
] as const
export type AccessAction = (typeof accessActions)[number]

/** The line written where the chain was found broken at start: entries go on after it, the damage stays as found. */
export const CHAIN_BROKEN = 'chainBroken'

export interface AccessLogEntry {
  /** ISO time. */
  at: string
  /** The therapist the user chose to work as; null: "this computer" (nobody chosen). */
  who: string | null
  action: AccessAction | typeof CHAIN_BROKEN
  patientId?: string
  /** The patient's initials ("MG"): the log names nobody in full. */
  initials?: string
  /** What exactly (the call that did it, a count, a backup's name); for the chain-broken line, what was found. */
  detail?: string
}

export interface AccessLogPage {
  /** Newest first. */
  entries: AccessLogEntry[]
  /** Entries matching the filter, over all pages. */
  total: number
  /** Every patient the log names (for the filter), once each, with their initials. */
  patients: { patientId: string; initials: string }[]
}

export const ACCESS_LOG_PAGE_SIZES = [25, 50, 100] as const

export const accessLogArgs = {
  getAccessLog: z.strictObject({
    /** 0-based. */
    page: z.number().int().min(0).max(1_000_000),
    pageSize: z.number().int().min(1).max(500),
    patientId: id.optional(),
  }),
  /** The therapist to work as for this session (one of Settings' therapists, by name), or null for "this computer". */
  setWorkingAs: z.strictObject({ name: z.string().min(1).max(200).nullable() }),
}

/** "MG" for Maria Garcia: the first letter of the first and the last name. */
export const initialsOf = (p: { firstName: string; lastName: string }): string =>
  `${[...p.firstName.trim()][0] ?? ''}${[...p.lastName.trim()][0] ?? ''}`.toUpperCase()
