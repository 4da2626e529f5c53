import { createContext, useContext, type ReactNode } from 'react'
import type { Api } from '../core/contract'

const ApiContext = createContext<Api | null>(null)

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
}

/** The main-process API, with errors already surfaced as notifications. */
export function useApi(): Api {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi must be used inside <ApiProvider>.')
  return api
}
