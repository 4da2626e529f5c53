import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useApi } from '../../app/api-context'
import type { PatientSummary } from '../../core/patient'
import type { RosterStatus } from '../../core/roster-contract'
import { indexRoster, type RosterIndex } from '../../core/roster-search'

interface RosterState {
  status: RosterStatus | undefined
  patients: PatientSummary[] | undefined
  index: RosterIndex
  /** Reloads status and list after a change. */
  refresh(): Promise<void>
}

const RosterContext = createContext<RosterState | null>(null)

/** Holds the roster summary list for every page; the search index is rebuilt only when the list changes. */
export function RosterProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const [status, setStatus] = useState<RosterStatus>()
  const [patients, setPatients] = useState<PatientSummary[]>()
  const fetchRoster = useCallback(async () => {
    const next = await api.getRosterStatus()
    if (!next.ok) return undefined
    if (next.value.status !== 'ready' && next.value.status !== 'read-only') return { status: next.value, patients: [] }
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
    void fetchRoster().then((loaded) => live && apply(loaded))
    return () => void (live = false)
  }, [fetchRoster, apply])
  const index = useMemo(() => indexRoster(patients ?? []), [patients])
  const value = useMemo(() => ({ status, patients, index, refresh }), [status, patients, index, refresh])
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
  return useMemo(() => [...new Set((patients ?? []).map((p) => p.therapist).filter((t): t is string => !!t))].sort((a, b) => a.localeCompare(b)), [patients])
}
