/**
 * What a library pack's items mean for this library (see src/core/pack.ts): the checks on each entry's content,
 * how each item compares with yours, and the library after the choices. Pure: nothing here reads or writes files.
 */
import { createHash } from 'node:crypto'
import { describeIssue } from '../../../src/core/issues'
import { exerciseSchema, templateSchema, type StoredExercise, type Template } from '../../../src/core/exercise'
import type { PackChoice, PackItem, PackItemStatus } from '../../../src/core/pack'
import { say } from '../../../src/i18n/say'
import { imageKind, pictureProblem } from './image-check'
import { parseJson, PackRefusal, type ReadPack } from './pack-file'
import type { LibraryDoc } from './service'

export interface PackContent {
  file: string
  title: string
  author?: string
  createdAt: string
  homeplanVersion: string
  exercises: StoredExercise[]
  templates: Template[]
  /** Photos by their media name, each checked as a usable PNG or JPEG. */
  media: Map<string, Uint8Array>
}

/** Checks every template, exercise and photo of a pack read by readPack; a PackRefusal names the first bad entry. */
export function packContent(pack: ReadPack, file: string): PackContent {
  const exercises: StoredExercise[] = []
  const templates: Template[] = []
  const media = new Map<string, Uint8Array>()
  for (const [entry, bytes] of pack.entries) {
    const [folder, name = ''] = entry.split('/')
    const stem = name.replace(/\.json$/, '')
    if (folder === 'media') {
      const kind = imageKind(bytes)
      const problem =
        kind === 'png' || kind === 'jpg'
          ? name.endsWith(`.${kind}`)
            ? pictureProblem(bytes)
            : say('pack.wrongExtension', { kind: kind.toUpperCase() })
          : pictureProblem(bytes)
      if (problem) throw new PackRefusal('pack.badMedia', { file, entry, problem })
      media.set(name, bytes)
    } else if (folder === 'exercises') {
      const parsed = exerciseSchema.safeParse(parseJson(bytes, file, entry))
      if (!parsed.success)
        throw new PackRefusal('pack.badExercise', { file, entry, problem: describeIssue(parsed.error.issues).message })
      if (parsed.data.id !== stem) throw new PackRefusal('pack.idMismatch', { file, entry, id: parsed.data.id })
      exercises.push(parsed.data)
    } else if (folder === 'templates') {
      const parsed = templateSchema.safeParse(parseJson(bytes, file, entry))
      if (!parsed.success)
        throw new PackRefusal('pack.badTemplate', { file, entry, problem: describeIssue(parsed.error.issues).message })
      if (parsed.data.id !== stem) throw new PackRefusal('pack.idMismatch', { file, entry, id: parsed.data.id })
      templates.push(parsed.data)
    }
  }
  for (const exercise of exercises)
    for (const image of exercise.images)
      if (!media.has(image.file))
        throw new PackRefusal('pack.missingMedia', { file, entry: `exercises/${exercise.id}.json`, photo: image.file })
  const { title, author, createdAt, homeplanVersion } = pack.manifest
  return { file, title, ...(author ? { author } : {}), createdAt, homeplanVersion, exercises, templates, media }
}

/** JSON with its keys sorted, so the same content always hashes the same. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  )

/** What an item says, without when it was saved: two copies with the same words are the same. */
export function contentHash(item: StoredExercise | Template): string {
  const { createdAt: _c, updatedAt: _u, ...content } = item as Template
  return createHash('sha256').update(canonical(content)).digest('hex')
}

export const itemKey = (kind: 'template' | 'exercise', id: string) => `${kind}:${id}`

/**
 * `shared`: each item's content hash as last shared (exported or imported) here. Against it, a changed copy tells
 * which side changed: only theirs (newer), only yours (older), both or unknown (conflict).
 */
function statusOf(
  key: string,
  mine: StoredExercise | Template | undefined,
  theirs: StoredExercise | Template,
  shared: Readonly<Record<string, string>>,
): PackItemStatus {
  if (!mine) return 'new'
  const [mineHash, theirHash, base] = [contentHash(mine), contentHash(theirs), shared[key]]
  if (mineHash === theirHash) return 'same'
  if (base === mineHash) return 'newer'
  if (base === theirHash) return 'older'
  return 'conflict'
}

/** Each item of the pack as it compares with `local`, refused ones with their reason. */
export function packItems(
  pack: PackContent,
  local: Pick<LibraryDoc, 'custom' | 'templates'>,
  builtinIds: ReadonlySet<string>,
  shared: Readonly<Record<string, string>>,
): PackItem[] {
  const items: PackItem[] = []
  const custom = new Map(local.custom.map((e) => [e.id, e]))
  const packed = new Set(pack.exercises.filter((e) => !builtinIds.has(e.id)).map((e) => e.id))
  for (const exercise of pack.exercises) {
    const key = itemKey('exercise', exercise.id)
    const mine = custom.get(exercise.id)
    const base = { key, kind: 'exercise' as const, id: exercise.id, name: exercise.name }
    if (builtinIds.has(exercise.id) || exercise.source !== 'custom') {
      items.push({ ...base, status: 'refused', reason: say('pack.builtInItem') })
      continue
    }
    items.push({
      ...base,
      ...(mine && mine.name !== exercise.name ? { yourName: mine.name } : {}),
      status: statusOf(key, mine, exercise, shared),
    })
  }
  const templates = new Map(local.templates.map((t) => [t.id, t]))
  for (const template of pack.templates) {
    const key = itemKey('template', template.id)
    const mine = templates.get(template.id)
    const base = { key, kind: 'template' as const, id: template.id, name: template.name }
    const missing = [
      ...new Set(template.items.map((i) => i.exerciseId).filter((id) => !builtinIds.has(id) && !packed.has(id))),
    ].filter((id) => !custom.has(id))
    if (missing.length) {
      items.push({ ...base, status: 'refused', reason: say('pack.missingExercises', { ids: missing.join(', ') }) })
      continue
    }
    items.push({
      ...base,
      ...(mine && mine.name !== template.name ? { yourName: mine.name } : {}),
      status: statusOf(key, mine, template, shared),
    })
  }
  return items
}

/** What is done with an item: new ones are added, same and refused ones left; the others as chosen. */
export function actionOf(item: PackItem, choice: PackChoice | undefined): 'add' | PackChoice {
  // A new item is always added: a template of the pack may use it.
  if (item.status === 'new') return 'add'
  if (item.status === 'same' || item.status === 'refused') return 'skip'
  if (item.status === 'newer') return choice ?? 'take'
  return choice ?? 'skip'
}

export interface PackApplied {
  added: number
  replaced: number
  copies: number
  skipped: number
  /** Content hashes of the items now as the pack has them, for the shared record. */
  shared: Record<string, string>
  /** The photos the imported exercises use. */
  photos: Set<string>
}

export interface CopyNames {
  name(name: string): string
  nameEs(name: string): string
  exerciseId(name: string): string
  templateId(): string
}

/** Applies the choices to `draft` (library.json as it will be written). */
export function applyPack(
  draft: LibraryDoc,
  pack: PackContent,
  items: readonly PackItem[],
  choices: Readonly<Record<string, PackChoice>>,
  copies: CopyNames,
  builtinIds: ReadonlySet<string>,
): PackApplied {
  const result: PackApplied = { added: 0, replaced: 0, copies: 0, skipped: 0, shared: {}, photos: new Set() }
  const byKey = new Map(items.map((i) => [i.key, i]))
  const actions = new Map(items.map((i) => [i.key, actionOf(i, choices[i.key])]))
  // Kept both: theirs under a new id; the pack's templates and links that name it follow it.
  const renamed = new Map<string, string>()
  for (const exercise of pack.exercises)
    if (actions.get(itemKey('exercise', exercise.id)) === 'keepBoth')
      renamed.set(exercise.id, copies.exerciseId(copies.name(exercise.name)))
  const follow = (id: string) => renamed.get(id) ?? id

  const imported: StoredExercise[] = []
  for (const theirs of pack.exercises) {
    const key = itemKey('exercise', theirs.id)
    const action = actions.get(key)
    if (action === 'skip' || action === undefined) {
      if (byKey.get(key)?.status === 'same') result.shared[key] = contentHash(theirs)
      else result.skipped++
      continue
    }
    const exercise: StoredExercise = {
      ...structuredClone(theirs),
      progressions: theirs.progressions.map(follow),
      regressions: theirs.regressions.map(follow),
    }
    if (action === 'keepBoth') {
      const es = exercise.translations?.es
      Object.assign(exercise, {
        id: follow(theirs.id),
        name: copies.name(theirs.name),
        ...(es ? { translations: { ...exercise.translations, es: { ...es, name: copies.nameEs(es.name) } } } : {}),
      })
      draft.custom.push(exercise)
      result.copies++
    } else {
      const i = draft.custom.findIndex((e) => e.id === theirs.id)
      if (i >= 0) {
        draft.custom[i] = exercise
        result.replaced++
      } else {
        draft.custom.push(exercise)
        result.added++
      }
      result.shared[key] = contentHash(theirs)
    }
    imported.push(exercise)
    for (const image of exercise.images) result.photos.add(image.file)
  }
  // A link to an exercise this library does not have (a pack item left out) is dropped, not kept dangling.
  const known = new Set([...builtinIds, ...draft.custom.map((e) => e.id)])
  for (const exercise of imported) {
    exercise.progressions = exercise.progressions.filter((id) => known.has(id))
    exercise.regressions = exercise.regressions.filter((id) => known.has(id))
  }

  for (const theirs of pack.templates) {
    const key = itemKey('template', theirs.id)
    const action = actions.get(key)
    if (action === 'skip' || action === undefined) {
      if (byKey.get(key)?.status === 'same') result.shared[key] = contentHash(theirs)
      else result.skipped++
      continue
    }
    const template: Template = {
      ...structuredClone(theirs),
      items: theirs.items.map((item) => ({ ...structuredClone(item), exerciseId: follow(item.exerciseId) })),
    }
    if (action === 'keepBoth') {
      draft.templates.push({ ...template, id: copies.templateId(), name: copies.name(theirs.name) })
      result.copies++
      continue
    }
    const i = draft.templates.findIndex((t) => t.id === theirs.id)
    if (i >= 0) {
      draft.templates[i] = template
      result.replaced++
    } else {
      draft.templates.push(template)
      result.added++
    }
    result.shared[key] = contentHash(theirs)
  }
  return result
}
