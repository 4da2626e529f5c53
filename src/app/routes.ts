import { useSyncExternalStore } from 'react'

export const sections = ['patients', 'program', 'library', 'settings'] as const
export type Section = (typeof sections)[number]

export interface Route {
  section: Section
  /** The rest of the path, e.g. a patient id in `#/patients/<id>`. */
  param?: string
}

/** Reads `#/patients/abc` as { section: 'patients', param: 'abc' }; anything unknown opens the roster. */
export function routeFromHash(hash: string): Route {
  const [name = '', param] = hash.replace(/^#\/?/, '').split('/')
  if (!(sections as readonly string[]).includes(name)) return { section: 'patients' }
  return param ? { section: name as Section, param: decodeURIComponent(param) } : { section: name as Section }
}

export const hrefFor = (section: Section, param?: string) => `#/${section}${param ? `/${encodeURIComponent(param)}` : ''}`

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** Hash routing keeps Back/Forward working in the window and in the browser bridge alike. */
export function useRoute(): [Route, (section: Section, param?: string) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return [routeFromHash(hash), (section, param) => void (window.location.hash = hrefFor(section, param).slice(1))]
}
