import { createContext, useContext, type ReactNode } from 'react'
import type { Api } from '../core/contract'

const ApiContext = createContext<{ api: Api; quiet: Api } | null>(null)

/** `api` reports failures as notifications; `quiet` is the same transport without them. */
export function ApiProvider({ api, quiet, children }: { api: Api; quiet?: Api; children: ReactNode }) {
  return <ApiContext.Provider value={{ api, quiet: quiet ?? api }}>{children}</ApiContext.Provider>
}

/** The main-process API, with errors already surfaced as notifications. */
export function useApi(): Api {
  const value = useContext(ApiContext)
  if (!value) throw new Error('useApi must be used inside <ApiProvider>.')
  return value.api
}

/** For background calls (like the live preview) whose failures the caller shows in place, not as pop-ups. */
export function useQuietApi(): Api {
  const value = useContext(ApiContext)
  if (!value) throw new Error('useQuietApi must be used inside <ApiProvider>.')
  return value.quiet
}

/** The quiet API, or nothing outside <ApiProvider> (for a component that also stands alone, like the dosage editor). */
export function useOptionalQuietApi(): Api | undefined {
  return useContext(ApiContext)?.quiet
}
