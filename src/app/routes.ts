import { useSyncExternalStore } from 'react'

export const sections = ['patients', 'program', 'library', 'settings'] as const
export type Section = (typeof sections)[number]

/** The section named by the URL hash (`#/library`), defaulting to the patient roster. */
export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '').split('/')[0]
  return (sections as readonly string[]).includes(name ?? '') ? (name as Section) : 'patients'
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** Hash routing keeps Back/Forward working in the window and in the browser bridge alike. */
export function useSection(): [Section, (section: Section) => void] {
  const section = useSyncExternalStore(subscribe, () => sectionFromHash(window.location.hash))
  return [section, (next) => void (window.location.hash = `/${next}`)]
}
