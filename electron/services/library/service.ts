/**
 * The exercise library: the built-in exercises (read-only, shipped in
 * resources/library) plus this computer's custom exercises, favourites,
 * default dosages and program templates (library.json in the data folder).
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import type { Handlers } from '../../../src/core/contract'
import { dosageSchema } from '../../../src/core/dosage'
import {
  exerciseId,
  exerciseSchema,
  templateSchema,
  type Exercise,
  type ExerciseInput,
} from '../../../src/core/exercise'
import type { LibraryView } from '../../../src/core/library-contract'
import { fold } from '../../../src/core/fold'
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import { videoUrlSchema } from '../../../src/core/video-link'
import type { Dialogs } from '../dialogs'
import type { FsPort } from '../fs-port'
import { JsonDocument } from '../json-document'
import { loadBuiltinLibrary, type BuiltinLibrary } from './builtin'
import { MediaStore } from './media'
import { describeUses, type ExerciseUse } from '../roster/usage'

export const LIBRARY_FILE = 'library.json'

const libraryDocSchema = z.strictObject({
  schemaVersion: z.literal(1),
  custom: z.array(exerciseSchema),
  templates: z.array(templateSchema),
  favourites: z.array(exerciseId),
  defaultDosages: z.record(exerciseId, dosageSchema),
  /**
   * The clinic's video link per exercise (built-in or custom), printed on handouts as a QR code. Optional, and left
   * out while empty: files from before it load unchanged, and an older Homeplan (whose check refuses a key it does
   * not know, keeping the file aside as unreadable) only meets it once a link is actually set.
   */
  videoLinks: z.record(exerciseId, videoUrlSchema).optional(),
})
export type LibraryDoc = z.infer<typeof libraryDocSchema>

export interface LibraryDeps {
  dataDir: string
  /** The folder of shipped library files (resources/library/exercises). */
  builtinDir: string
  dialogs: Dialogs
  now?: () => Date
  newId?: () => string
  /**
   * The saved programs that use an exercise (patient and program names), asked before a custom exercise is
   * deleted; the services pass one that reads the roster.
   */
  usedBy?: (exerciseId: string) => Promise<readonly ExerciseUse[]>
  /** Tells the user something they must know (library.json kept aside as unreadable). */
  notify?: (message: string) => void
  /** The data folder's files: library.json and the pictures (the app passes sealedFs when the folder is encrypted). */
  fs?: FsPort
}

type LibraryHandlers = Pick<
  Handlers,
  | 'getLibrary'
  | 'createExercise'
  | 'updateExercise'
  | 'duplicateExercise'
  | 'deleteExercise'
  | 'setFavourite'
  | 'setDefaultDosage'
  | 'setExerciseVideo'
  | 'attachExercisePhoto'
  | 'removeExercisePhoto'
  | 'getMedia'
  | 'saveTemplate'
  | 'deleteTemplate'
>

const slug = (name: string) =>
  fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50) || 'exercise'

/** A new custom exercise's id: readable, from its name, and made unique by the start of a random id. */
export const customExerciseId = (name: string, random: string) =>
  `custom-${slug(name)}-${random
    .slice(0, 6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')}`

export interface Library {
  handlers: LibraryHandlers
  /** The data folder's picture store (exercise photos, clinic logo). */
  media: MediaStore
  /** The exercise with this id, built-in or custom, or undefined. */
  find(id: string): Promise<Exercise | undefined>
  /** library.json itself, for library packs (./packs.ts), which read and change it in one step. */
  stored: JsonDocument<LibraryDoc>
  /** The ids of the built-in exercises (never changed by anything, packs included). */
  builtinIds(): Promise<Set<string>>
}

export function createLibrary(deps: LibraryDeps): Library {
  const now = deps.now ?? (() => new Date())
  const newId = deps.newId ?? randomUUID
  const media = new MediaStore(deps.dataDir, deps.fs)
  const doc = new JsonDocument<LibraryDoc>({
    file: join(deps.dataDir, LIBRARY_FILE),
    schema: libraryDocSchema,
    empty: () => ({ schemaVersion: 1, custom: [], templates: [], favourites: [], defaultDosages: {} }),
    consequence: () => say('notice.libraryBuiltInOnly'),
    notify: deps.notify,
    now,
    fs: deps.fs,
  })
  let builtin: Promise<BuiltinLibrary> | undefined
  const builtins = () => (builtin ??= loadBuiltinLibrary(deps.builtinDir))

  const all = async (): Promise<Exercise[]> => {
    const [shipped, local] = await Promise.all([builtins(), doc.read()])
    return [...shipped.exercises, ...local.custom].map((e): Exercise => {
      const dosage = local.defaultDosages[e.id]
      const videoUrl = local.videoLinks?.[e.id]
      return { ...e, ...(dosage ? { defaultDosage: dosage } : {}), ...(videoUrl ? { videoUrl } : {}) }
    })
  }
  const find = async (id: string) => (await all()).find((e) => e.id === id)
  const mustFind = async (id: string) => {
    const found = await find(id)
    if (!found) throw new AppFailure('not_found', say('library.noExercise', { id }), 'id')
    return found
  }
  /** Sets or (null) removes a link; the key is left out of the file while no exercise has one. */
  const setVideoLink = (draft: LibraryDoc, id: string, url: string | null) => {
    const links = { ...draft.videoLinks }
    if (url) links[id] = url
    else delete links[id]
    if (Object.keys(links).length) draft.videoLinks = links
    else delete draft.videoLinks
  }
  /** A stored exercise as handed out, with its video link (the link lives apart from it, in `videoLinks`). */
  const withLink = (draft: LibraryDoc, exercise: Exercise): Exercise => {
    const videoUrl = draft.videoLinks?.[exercise.id]
    return videoUrl ? { ...exercise, videoUrl } : exercise
  }
  const customOnly = (draft: LibraryDoc, id: string) => {
    const i = draft.custom.findIndex((e) => e.id === id)
    if (i < 0) throw new AppFailure('forbidden', say('library.builtIn'), 'id')
    return i
  }
  const assertLinksExist = async (input: Pick<ExerciseInput, 'progressions' | 'regressions'>) => {
    const ids = new Set((await all()).map((e) => e.id))
    const missing = [...input.progressions, ...input.regressions].filter((id) => !ids.has(id))
    if (missing.length)
      throw new AppFailure('invalid_argument', say('library.unknownLink', { ids: missing.join(', ') }), 'progressions')
  }
  /** `videoUrl`: the video link a duplicate keeps from the exercise it copies. */
  const addCustom = async (input: ExerciseInput, videoUrl?: string) => {
    await assertLinksExist(input)
    const exercise: Exercise = {
      ...input,
      id: customExerciseId(input.name, newId()),
      source: 'custom',
    }
    return doc.update((draft) => {
      draft.custom.push(exercise)
      if (videoUrl) setVideoLink(draft, exercise.id, videoUrl)
      return videoUrl ? { ...exercise, videoUrl } : exercise
    })
  }

  const handlers: LibraryHandlers = {
    getLibrary: async (): Promise<LibraryView> => {
      const [shipped, local, exercises] = await Promise.all([builtins(), doc.read(), all()])
      return {
        version: shipped.version,
        exercises,
        favourites: local.favourites,
        templates: local.templates,
        starterTemplates: shipped.templates,
      }
    },
    createExercise: (input) => addCustom(input),
    updateExercise: async ({ id, exercise }) => {
      await assertLinksExist(exercise)
      return doc.update((draft) => {
        const i = customOnly(draft, id)
        draft.custom[i] = { ...exercise, id, source: 'custom' }
        return withLink(draft, draft.custom[i]!)
      })
    },
    duplicateExercise: async ({ id }) => {
      const { id: _id, source: _source, videoUrl, ...rest } = await mustFind(id)
      // A name too long for the suffix is kept whole: cutting it could split a character in two.
      const name = `${rest.name} (my version)`
      const es = rest.translations?.es
      const nameEs = es && `${es.name} (mi versión)`
      return addCustom(
        {
          ...rest,
          name: name.length <= 120 ? name : rest.name,
          // Its Spanish comes along, named as its own too; the form says when the English changes and the Spanish not.
          ...(es && nameEs ? { translations: { es: { ...es, name: nameEs.length <= 120 ? nameEs : es.name } } } : {}),
        },
        videoUrl,
      )
    },
    deleteExercise: async ({ id }) => {
      const local = await doc.read()
      const exercise = local.custom[customOnly(local, id)]!
      // A program that names a deleted exercise could no longer be printed.
      const uses = (await deps.usedBy?.(id)) ?? []
      if (uses.length) throw new AppFailure('conflict', describeUses(exercise.name, uses))
      return doc.update((draft) => {
        const i = customOnly(draft, id)
        const users = draft.templates
          .filter((t) => t.items.some((item) => item.exerciseId === id))
          .map((t) => say('library.quoted', { name: t.name }))
        if (users.length) {
          throw new AppFailure(
            'conflict',
            say('library.inTemplates', {
              name: draft.custom[i]!.name,
              templates: users.join(', '),
              count: users.length,
            }),
          )
        }
        draft.custom.splice(i, 1)
        for (const e of draft.custom) {
          e.progressions = e.progressions.filter((p) => p !== id)
          e.regressions = e.regressions.filter((p) => p !== id)
        }
        draft.favourites = draft.favourites.filter((f) => f !== id)
        delete draft.defaultDosages[id]
        setVideoLink(draft, id, null)
        return { id }
      })
    },
    setFavourite: async ({ id, favourite }) => {
      await mustFind(id)
      return doc.update((draft) => {
        draft.favourites = draft.favourites.filter((f) => f !== id)
        if (favourite) draft.favourites.push(id)
        return draft.favourites
      })
    },
    setDefaultDosage: async ({ id, dosage }) => {
      await mustFind(id)
      await doc.update((draft) => void (draft.defaultDosages[id] = dosage))
      return mustFind(id)
    },
    setExerciseVideo: async ({ exerciseId: id, url }) => {
      await mustFind(id)
      await doc.update((draft) => setVideoLink(draft, id, url))
      return mustFind(id)
    },
    attachExercisePhoto: async ({ id, author, licence, caption }) => {
      const local = await doc.read()
      customOnly(structuredClone(local), id)
      const path = await deps.dialogs.open({
        title: say('dialog.photo'),
        filters: [{ name: say('dialog.photos'), extensions: ['png', 'jpg', 'jpeg'] }],
      })
      if (!path) return mustFind(id)
      const file = await media.importFile(path)
      return doc.update((draft) => {
        const exercise = draft.custom[customOnly(draft, id)]!
        if (exercise.images.length >= 6) throw new AppFailure('invalid_argument', say('library.photosFull', { max: 6 }))
        exercise.images.push({ file, author, licence, ...(caption ? { caption } : {}) })
        return withLink(draft, exercise)
      })
    },
    removeExercisePhoto: ({ id, file }) =>
      doc.update((draft) => {
        const exercise = draft.custom[customOnly(draft, id)]!
        exercise.images = exercise.images.filter((image) => image.file !== file)
        return withLink(draft, exercise)
      }),
    getMedia: ({ file }) => media.dataUrl(file),
    saveTemplate: async ({ id, template }) => {
      const ids = new Set((await all()).map((e) => e.id))
      const unknown = template.items.filter((item) => !ids.has(item.exerciseId)).map((item) => item.exerciseId)
      if (unknown.length)
        throw new AppFailure('invalid_argument', say('library.templateUnknown', { ids: unknown.join(', ') }), 'items')
      const stamp = now().toISOString()
      return doc.update((draft) => {
        const i = id ? draft.templates.findIndex((t) => t.id === id) : -1
        if (id && i < 0) throw new AppFailure('not_found', say('library.templateGone'), 'id')
        const saved = {
          ...template,
          id: id ?? newId(),
          createdAt: i >= 0 ? draft.templates[i]!.createdAt : stamp,
          updatedAt: stamp,
        }
        if (i >= 0) draft.templates[i] = saved
        else draft.templates.push(saved)
        return saved
      })
    },
    deleteTemplate: ({ id }) =>
      doc.update((draft) => {
        const before = draft.templates.length
        draft.templates = draft.templates.filter((t) => t.id !== id)
        if (draft.templates.length === before) throw new AppFailure('not_found', say('library.templateGone'), 'id')
        return { id }
      }),
  }
  const builtinIds = async () => new Set((await builtins()).exercises.map((e) => e.id))
  return { handlers, find, media, stored: doc, builtinIds }
}
