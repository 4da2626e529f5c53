import { useSyncExternalStore } from 'react'

export const sections = ['patients', 'program', 'library', 'settings'] as const
export type Section = (typeof sections)[number]

export interface Route {
  section: Section
  /** The rest of the path, e.g. a patient id in `#/patients/<id>`. */
  param?: string
  /** A second segment, e.g. the program in `#/program/<patient>/<program>`. */
  param2?: string
}

/** Reads `#/patients/abc` as { section: 'patients', param: 'abc' }; anything unknown opens the roster. */
export function routeFromHash(hash: string): Route {
  const [name = '', param, param2] = hash.replace(/^#\/?/, '').split('/')
  if (!(sections as readonly string[]).includes(name)) return { section: 'patients' }
  return {
    section: name as Section,
    ...(param ? { param: decodeURIComponent(param) } : {}),
    ...(param && param2 ? { param2: decodeURIComponent(param2) } : {}),
  }
}

export const hrefFor = (section: Section, param?: string, param2?: string) =>
  `#/${section}${param ? `/${encodeURIComponent(param)}` : ''}${param && param2 ? `/${encodeURIComponent(param2)}` : ''}`

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** Hash routing keeps Back/Forward working in the window and in the browser bridge alike. */
export function useRoute(): [Route, (section: Section, param?: string, param2?: string) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return [
    routeFromHash(hash),
    (section, param, param2) => void (window.location.hash = hrefFor(section, param, param2).slice(1)),
  ]
}
