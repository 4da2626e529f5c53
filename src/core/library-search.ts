import MiniSearch from 'minisearch'
import type { Exercise } from './exercise'
import { fold } from './fold'

export interface LibraryFilters {
  regions?: string[]
  positions?: string[]
  types?: string[]
  equipment?: string[]
  favouritesOnly?: boolean
}

export interface LibraryIndex {
  all: Exercise[]
  byId: Map<string, Exercise>
  /** Each exercise's name and other names, normalized once, for exact-phrase ranking. */
  phrases: Map<string, Set<string>>
  search: MiniSearch<Exercise>
}

const normalize = (text: string) =>
  fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/** The Spanish names of an exercise (built-in ones all have them; a custom one may). */
const spanishNames = (e: Exercise) => {
  const es = e.translations?.es
  return es ? [es.name, ...es.aliases] : []
}

/**
 * Indexes names (weighted most), other names, regions, equipment, position and type, and the Spanish name and
 * other names as much as the English ones ("puente" finds Bridges). Accents are folded on both sides, so
 * "musculo" finds "músculo" as "cafe" finds "café".
 */
export function indexLibrary(exercises: readonly Exercise[]): LibraryIndex {
  const search = new MiniSearch<Exercise>({
    fields: ['name', 'aliases', 'nameEs', 'aliasesEs', 'regions', 'equipment', 'position', 'type'],
    extractField: (doc, field) => {
      if (field === 'nameEs') return doc.translations?.es?.name ?? ''
      if (field === 'aliasesEs') return doc.translations?.es?.aliases.join(' ') ?? ''
      const value = (doc as unknown as Record<string, unknown>)[field]
      return Array.isArray(value) ? value.join(' ') : String(value ?? '')
    },
    processTerm: (term) => fold(term),
    searchOptions: {
      boost: { name: 3, nameEs: 3, aliases: 2, aliasesEs: 2 },
      prefix: true,
      fuzzy: (term) => (term.length > 3 ? 0.2 : 0),
    },
  })
  search.addAll(exercises)
  const phrases = new Map(
    exercises.map((e) => [e.id, new Set([e.name, ...e.aliases, ...spanishNames(e)].map(normalize))]),
  )
  return { all: [...exercises], byId: new Map(exercises.map((e) => [e.id, e])), phrases, search }
}

const matches = (values: readonly string[], wanted?: string[]) =>
  !wanted?.length || values.some((v) => wanted.includes(v))

/**
 * Best match first. Every word must match (prefixes and typos forgiven: "clam" and "clamshels" find Clamshells); if no
 * exercise matches every word, exercises matching any word are offered instead.
 */
export function searchLibrary(
  index: LibraryIndex,
  query: string,
  filters: LibraryFilters = {},
  favourites: ReadonlySet<string> = new Set(),
): Exercise[] {
  const keep = (e: Exercise) =>
    matches(e.regions, filters.regions) &&
    matches([e.position], filters.positions) &&
    matches([e.type], filters.types) &&
    matches(e.equipment, filters.equipment) &&
    (!filters.favouritesOnly || favourites.has(e.id))
  const q = query.trim()
  if (!q) return index.all.filter(keep).sort((a, b) => a.name.localeCompare(b.name))
  // Cheapest first: exact and prefix matches; typo tolerance only when they find nothing.
  let hits = index.search.search(q, { combineWith: 'AND', fuzzy: false })
  if (hits.length === 0) hits = index.search.search(q, { combineWith: 'AND' })
  if (hits.length === 0) hits = index.search.search(q, { combineWith: 'OR' })
  // A query that is exactly an exercise's name or one of its other names ("glute bridge") puts it first.
  const phrase = normalize(q)
  const names = (e: Exercise) => index.phrases.get(e.id)!
  const exact = (e: Exercise) => names(e).has(phrase) || names(e).has(`${phrase}s`)
  const found = hits.map((hit) => index.byId.get(String(hit.id))!).filter(keep)
  const first = found.filter(exact)
  return first.length ? [...first, ...found.filter((e) => !exact(e))] : found
}
