import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useApi } from './api-context'
import type { Exercise } from '../core/exercise'
import type { LibraryView } from '../core/library-contract'
import { indexLibrary, type LibraryIndex } from '../core/library-search'

interface LibraryState {
  view: LibraryView | undefined
  index: LibraryIndex
  favourites: Set<string>
  byId: Map<string, Exercise>
  refresh(): Promise<void>
}

const LibraryContext = createContext<LibraryState | null>(null)

/** The exercise library and templates for the library page and the builder; indexed once per change. */
export function LibraryProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const [view, setView] = useState<LibraryView>()
  const fetchView = useCallback(() => api.getLibrary().then((r) => (r.ok ? r.value : undefined)), [api])
  const refresh = useCallback(() => fetchView().then((v) => v && setView(v)), [fetchView])
  useEffect(() => {
    // A reply that arrives after unmounting (closing the window, a test ending) is dropped.
    let live = true
    void fetchView().then((v) => live && v && setView(v))
    return () => void (live = false)
  }, [fetchView])
  const value = useMemo(() => {
    const exercises = view?.exercises ?? []
    return {
      view,
      index: indexLibrary(exercises),
      favourites: new Set(view?.favourites ?? []),
      byId: new Map(exercises.map((e) => [e.id, e])),
      refresh,
    }
  }, [view, refresh])
  return <LibraryContext.Provider value={value}>{children}</LibraryContext.Provider>
}

export function useLibrary(): LibraryState {
  const state = useContext(LibraryContext)
  if (!state) throw new Error('useLibrary must be used inside <LibraryProvider>.')
  return state
}
