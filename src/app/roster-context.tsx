import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useApi } from './api-context'
import type { PatientSummary } from '../core/patient'
import type { RosterStatus } from '../core/roster-contract'
import type { RosterFirstPage } from '../core/roster-order'
import { indexRoster, type RosterIndex } from '../core/roster-search'

/** Rows on one page of the roster table, and so in the opening screen sent first. */
export const ROSTER_PAGE = 50

interface RosterState {
  status: RosterStatus | undefined
  /** Everyone's summary; undefined until the whole list has arrived (the opening screen may be shown before). */
  patients: PatientSummary[] | undefined
  /** The roster's opening screen, sent before the whole list so a large roster shows its first rows at once. */
  firstPage: RosterFirstPage | undefined
  index: RosterIndex
  /** Reloads status and list after a change. */
  refresh(): Promise<void>
}

const RosterContext = createContext<RosterState | null>(null)

const isOpen = (status: RosterStatus) => status.status === 'ready' || status.status === 'read-only'

/**
 * Holds the roster summary list for every page; the search index is rebuilt only when the list changes. At start
 * the opening screen comes first and the whole list is asked for once that screen is drawn: with 50,000 patients
 * the list takes a while to cross over, and the first rows need not wait for it.
 */
export function RosterProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const [status, setStatus] = useState<RosterStatus>()
  const [patients, setPatients] = useState<PatientSummary[]>()
  const [firstPage, setFirstPage] = useState<RosterFirstPage>()
  const fetchRoster = useCallback(async () => {
    const next = await api.getRosterStatus()
    if (!next.ok) return undefined
    if (!isOpen(next.value)) return { status: next.value, patients: [] }
    const list = await api.listPatients()
    return list.ok ? { status: next.value, patients: list.value } : undefined
  }, [api])
  const apply = useCallback((loaded: { status: RosterStatus; patients: PatientSummary[] } | undefined) => {
    if (!loaded) return
    setStatus(loaded.status)
    setPatients(loaded.patients)
  }, [])
  const refresh = useCallback(() => fetchRoster().then(apply), [fetchRoster, apply])
  useEffect(() => {
    // A reply that arrives after unmounting (closing the window, a test ending) is dropped.
    let live = true
    void (async () => {
      const next = await api.getRosterStatus()
      if (!live || !next.ok) return
      if (!isOpen(next.value)) return apply({ status: next.value, patients: [] })
      const first = await api.listFirstPatients({ limit: ROSTER_PAGE })
      if (!live) return
      if (!first.ok) return apply(await fetchRoster())
      setStatus(next.value)
      setFirstPage(first.value)
    })()
    return () => void (live = false)
  }, [api, fetchRoster, apply])
  // The rest follows once the opening screen is committed (effects run after it is drawn).
  const waiting = firstPage !== undefined && patients === undefined
  useEffect(() => {
    if (!waiting) return
    let live = true
    void api.listPatients().then((list) => live && list.ok && setPatients(list.value))
    return () => void (live = false)
  }, [waiting, api])
  const index = useMemo(() => indexRoster(patients ?? []), [patients])
  const value = useMemo(
    () => ({ status, patients, firstPage, index, refresh }),
    [status, patients, firstPage, index, refresh],
  )
  return <RosterContext.Provider value={value}>{children}</RosterContext.Provider>
}

export function useRoster(): RosterState {
  const state = useContext(RosterContext)
  if (!state) throw new Error('useRoster must be used inside <RosterProvider>.')
  return state
}

/** Therapists already named on the roster, offered as suggestions wherever a therapist is typed. */
export function useTherapistSuggestions(): string[] {
  const { patients } = useRoster()
  return useMemo(
    () =>
      [...new Set((patients ?? []).map((p) => p.therapist).filter((t): t is string => !!t))].sort((a, b) =>
        a.localeCompare(b),
      ),
    [patients],
  )
}
