/**
 * The library pack channels (issue 18): share templates and custom exercises as one file, open one with a preview
 * of what it would change, import it as chosen (after a copy of library.json), and the clinic's shared folder where
 * packs are published and picked up. Nothing here touches the roster: programs keep their own items (exercise ids
 * and their own dosage and words), and built-in exercises are never written.
 */
import { randomUUID } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import type { Handlers } from '../../../src/core/contract'
import { formatBytes } from '../../../src/core/bytes'
import { isoDay } from '../../../src/core/dates'
import type { StoredExercise, Template } from '../../../src/core/exercise'
import {
  MAX_PACK_BYTES,
  PACK_SUFFIX,
  type ClinicFolderList,
  type PackContents,
  type PackOpened,
} from '../../../src/core/pack'
import { AppFailure } from '../../../src/core/result'
import type { Settings, SettingsPatch } from '../../../src/core/settings'
import { i18nFor } from '../../../src/i18n'
import { say } from '../../../src/i18n/say'
import { SaveFailure, writeFileAtomic } from '../atomic-write'
import type { Dialogs } from '../dialogs'
import { nodeFs, type FsPort } from '../fs-port'
import { fileNamePart } from '../file-names'
import { JsonDocument } from '../json-document'
import { FileTooLarge } from '../read-user-file'
import { packManifestJsonSchema } from '../../../src/core/json-schemas'
import { json, MANIFEST_SCHEMA, readPack, writePack } from './pack-file'
import { actionOf, applyPack, contentHash, itemKey, packContent, packItems, type PackContent } from './pack-plan'
import { customExerciseId, type Library } from './service'

export const PACK_SYNC_FILE = 'library-shared.json'
export const LIBRARY_BACKUPS = 'library-backups'

export interface PackDeps {
  dataDir: string
  /** The data folder's files (the services pass the encrypting one); Node's own by default. */
  fs?: FsPort
  library: Library
  dialogs: Dialogs
  readUserFile: (path: string, options: { maxBytes: number; what: string }) => Promise<Buffer>
  settings: { get(): Promise<Settings>; update(patch: SettingsPatch): Promise<Settings> }
  /** The Homeplan version the manifest names. */
  version: string
  now?: () => Date
  newId?: () => string
  log?: (message: string, error?: unknown) => void
  /** Tells the user something they must know (library-shared.json kept aside as unreadable). */
  notify?: (message: string) => void
  /** How long the shared folder may take to answer before it is said to be offline (tests shorten it). */
  folderTimeoutMs?: number
  /** Lists the shared folder (tests pass one that never answers, as an offline network drive may). */
  listFolder?: (folder: string) => Promise<string[]>
  /** Throws while another Homeplan holds the data folder (what was shared is then not recorded). */
  assertWritable?: () => Promise<void>
}

type PackHandlers = Pick<
  Handlers,
  | 'exportLibraryPack'
  | 'publishLibraryPack'
  | 'openLibraryPack'
  | 'importLibraryPack'
  | 'chooseClinicFolder'
  | 'listClinicPacks'
  | 'openClinicPack'
>

const packFilter = () => [{ name: say('pack.filterName'), extensions: ['zip'] }]

/** Each item's content as last shared from or into this library (see pack-plan.ts statusOf). */
const sharedSchema = z.strictObject({
  schemaVersion: z.literal(1),
  shared: z.record(z.string().max(100), z.string().regex(/^[0-9a-f]{64}$/)),
})

class NoAnswer extends Error {}

/** `work`, or a NoAnswer after `ms`: a network drive that went offline can keep a folder listing waiting for minutes. */
function answersInTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new NoAnswer()), ms)))
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

export function createPackHandlers(deps: PackDeps): PackHandlers {
  const now = deps.now ?? (() => new Date())
  const newId = deps.newId ?? randomUUID
  const { library } = deps
  const fs = deps.fs ?? nodeFs
  const sharedDoc = new JsonDocument<z.infer<typeof sharedSchema>>({
    file: join(deps.dataDir, PACK_SYNC_FILE),
    schema: sharedSchema,
    empty: () => ({ schemaVersion: 1, shared: {} }),
    consequence: () => say('pack.sharedForgotten'),
    notify: deps.notify,
    now,
    fs: deps.fs,
  })
  const remember = (hashes: Record<string, string>) =>
    sharedDoc.update((draft) => void Object.assign(draft.shared, hashes))
  /** The pack opened last; a new one replaces it (one import at a time). */
  let opened: { token: string; pack: PackContent } | undefined

  /** The pack's bytes and name for these templates and exercises, and what was shared (for the record). */
  const build = async (contents: PackContents) => {
    const [local, builtin] = await Promise.all([library.stored.read(), library.builtinIds()])
    const templates: Template[] = contents.templateIds.map((id) => {
      const found = local.templates.find((t) => t.id === id)
      if (!found) throw new AppFailure('not_found', say('library.templateGone'), 'templateIds')
      return found
    })
    for (const id of contents.exerciseIds)
      if (builtin.has(id)) throw new AppFailure('invalid_argument', say('pack.notCustom', { id }), 'exerciseIds')
    // A template brings the custom exercises it uses, and an exercise those it links to; built-in ones go by id.
    const wanted = [...contents.exerciseIds, ...templates.flatMap((t) => t.items.map((i) => i.exerciseId))]
    const exercises = new Map<string, StoredExercise>()
    while (wanted.length) {
      const id = wanted.pop()!
      if (builtin.has(id) || exercises.has(id)) continue
      const found = local.custom.find((e) => e.id === id)
      if (!found) throw new AppFailure('not_found', say('library.noExercise', { id }), 'exerciseIds')
      exercises.set(id, found)
      wanted.push(...found.progressions, ...found.regressions)
    }
    if (!templates.length && !exercises.size)
      throw new AppFailure('invalid_argument', say('pack.nothingToShare'), 'templateIds')
    const files = new Map<string, Uint8Array>([[MANIFEST_SCHEMA, json(packManifestJsonSchema())]])
    for (const template of templates) files.set(`templates/${template.id}.json`, json(template))
    for (const exercise of exercises.values()) {
      files.set(`exercises/${exercise.id}.json`, json(exercise))
      for (const image of exercise.images)
        files.set(`media/${image.file}`, new Uint8Array(await library.media.stored(image.file)))
    }
    const at = now()
    const bytes = writePack(
      {
        homeplanVersion: deps.version,
        createdAt: at.toISOString(),
        title: contents.title,
        ...(contents.author ? { author: contents.author } : {}),
      },
      files,
    )
    const shared = Object.fromEntries([
      ...templates.map((t) => [itemKey('template', t.id), contentHash(t)]),
      ...[...exercises.values()].map((e) => [itemKey('exercise', e.id), contentHash(e)]),
    ])
    return { bytes, name: `${fileNamePart(contents.title, 'Homeplan')}_${isoDay(at)}${PACK_SUFFIX}`, shared }
  }

  /** Remembers what was shared, when this Homeplan may write its folder (another may hold it: then not). */
  const rememberQuietly = (shared: Record<string, string>) =>
    Promise.resolve(deps.assertWritable?.())
      .then(() => remember(shared))
      .catch((error: unknown) => deps.log?.('What a pack shared was not recorded', error))

  const open = async (path: string): Promise<PackOpened> => {
    const file = basename(path)
    const bytes = await deps.readUserFile(path, { maxBytes: MAX_PACK_BYTES, what: file }).catch((error: unknown) => {
      if (error instanceof FileTooLarge)
        throw new AppFailure('invalid_argument', say('pack.tooLarge', { file, limit: formatBytes(MAX_PACK_BYTES) }))
      throw error
    })
    const pack = packContent(readPack(bytes, file), file)
    opened = { token: newId().toLowerCase(), pack }
    return { cancelled: false, token: opened.token, ...preview(pack, await itemsOf(pack)) }
  }
  const itemsOf = async (pack: PackContent) => {
    const [local, builtin, { shared }] = await Promise.all([
      library.stored.read(),
      library.builtinIds(),
      sharedDoc.read(),
    ])
    return packItems(pack, local, builtin, shared)
  }
  const preview = (pack: PackContent, items: Awaited<ReturnType<typeof itemsOf>>) => ({
    file: pack.file,
    title: pack.title,
    ...(pack.author ? { author: pack.author } : {}),
    createdAt: pack.createdAt,
    homeplanVersion: pack.homeplanVersion,
    items,
  })

  /** A copy of library.json before an import changes it; undefined when there is none yet. */
  const backupLibrary = async (): Promise<string | undefined> => {
    const from = join(deps.dataDir, 'library.json')
    if (!(await fs.stat(from).catch(() => undefined))) return undefined
    const folder = join(deps.dataDir, LIBRARY_BACKUPS)
    await fs.mkdir(folder, { recursive: true, mode: 0o700 })
    const name = `library_before-pack_${now().toISOString().replace(/[:.]/g, '-')}_${newId().slice(0, 6)}.json`
    // The bytes as they are: an encrypted library.json stays encrypted in its copy.
    await fs.copyFile(from, join(folder, name))
    await fs.chmod(join(folder, name), 0o600).catch(() => {})
    return join(LIBRARY_BACKUPS, name)
  }

  const clinicFolder = async () => {
    const folder = (await deps.settings.get()).clinicFolder
    if (!folder) throw new AppFailure('not_found', say('pack.noFolder'))
    return folder
  }
  const folderProblem = (folder: string, error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code
    if (error instanceof NoAnswer) return say('pack.folderSlow', { folder })
    if (code === 'ENOENT' || code === 'ENOTDIR') return say('pack.folderMissing', { folder })
    if (code === 'EACCES' || code === 'EPERM') return say('pack.folderDenied', { folder })
    return say('pack.folderUnreadable', { folder, code: code ?? say('file.unknownError') })
  }

  return {
    exportLibraryPack: async (contents) => {
      const { bytes, name, shared } = await build(contents)
      const path = await deps.dialogs.save({ title: say('pack.exportTitle'), defaultName: name, filters: packFilter() })
      if (!path) return { saved: false }
      await writeFileAtomic(path, bytes)
      await rememberQuietly(shared)
      return { saved: true, path }
    },
    publishLibraryPack: async (contents) => {
      const folder = await clinicFolder()
      const { bytes, name, shared } = await build(contents)
      const info = await stat(folder).catch((error: unknown) => {
        throw new AppFailure('io_error', folderProblem(folder, error))
      })
      if (!info.isDirectory()) throw new AppFailure('io_error', say('pack.folderMissing', { folder }))
      const path = join(folder, name)
      // A temp file beside it, renamed over it: another computer syncing the folder never sees half a pack.
      await writeFileAtomic(path, bytes).catch((error: unknown) => {
        const code = error instanceof SaveFailure ? error.errno : undefined
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
          throw new AppFailure('io_error', say('pack.folderReadOnly', { folder }))
        if (code === 'ENOENT') throw new AppFailure('io_error', say('pack.folderMissing', { folder }))
        throw error
      })
      await rememberQuietly(shared)
      return { saved: true, path }
    },
    openLibraryPack: async () => {
      const path = await deps.dialogs.open({ title: say('pack.importTitle'), filters: packFilter() })
      if (!path) return { cancelled: true }
      return open(path)
    },
    importLibraryPack: async ({ token, choices }) => {
      if (!opened || opened.token !== token) throw new AppFailure('not_found', say('pack.notOpen'), 'token')
      const { pack } = opened
      // Compared again now: the library may have changed since the preview.
      const items = await itemsOf(pack)
      const builtin = await library.builtinIds()
      for (const key of Object.keys(choices))
        if (!items.some((i) => i.key === key)) throw new AppFailure('invalid_argument', say('pack.noItem', { key }))
      const copies = {
        name: (name: string) => {
          const copy = say('pack.copyName', { name })
          return copy.length <= 120 ? copy : name
        },
        // The Spanish name of a copy is said in Spanish, whatever the screens' language.
        nameEs: (name: string) => {
          const copy = i18nFor('es').t('errors:pack.copyName', { name })
          return copy.length <= 120 ? copy : name
        },
        exerciseId: (name: string) => customExerciseId(name, newId()),
        templateId: () => newId(),
      }
      // Every photo first (each stored once, by its hash): library.json then never names one that is missing.
      const taken = new Set(items.filter((i) => actionOf(i, choices[i.key]) !== 'skip').map((i) => i.key))
      const photos = new Set(
        pack.exercises
          .filter((e) => taken.has(itemKey('exercise', e.id)))
          .flatMap((e) => e.images.map((image) => image.file)),
      )
      for (const file of photos) await library.media.put(pack.media.get(file)!, file)
      const backup = await backupLibrary()
      const applied = await library.stored.update((draft) => applyPack(draft, pack, items, choices, copies, builtin))
      await remember(applied.shared)
      opened = undefined
      const { added, replaced, copies: copied, skipped } = applied
      return { added, replaced, copies: copied, skipped, photos: photos.size, ...(backup ? { backup } : {}) }
    },
    chooseClinicFolder: async ({ clear }) => {
      if (clear) return deps.settings.update({ clinicFolder: undefined, clinicFolderSeen: undefined })
      const folder = await deps.dialogs.folder({ title: say('pack.folderTitle') })
      if (!folder) return deps.settings.get()
      return deps.settings.update({ clinicFolder: folder, clinicFolderSeen: [] })
    },
    listClinicPacks: async ({ remember: counts }): Promise<ClinicFolderList> => {
      const settings = await deps.settings.get()
      const folder = settings.clinicFolder
      if (!folder) return { folder: null, packs: [] }
      let names: string[]
      try {
        names = (await answersInTime((deps.listFolder ?? readdir)(folder), deps.folderTimeoutMs ?? 10_000)).filter(
          (n) => n.endsWith(PACK_SUFFIX) && !n.startsWith('.'),
        )
      } catch (error) {
        return { folder, packs: [], problem: folderProblem(folder, error) }
      }
      const seen = new Set(settings.clinicFolderSeen ?? [])
      const packs = []
      for (const name of names.sort()) {
        const info = await stat(join(folder, name)).catch(() => undefined)
        if (!info?.isFile()) continue
        const modified = info.mtime.toISOString()
        packs.push({ name, bytes: info.size, modified, isNew: !seen.has(`${name}@${modified}`) })
      }
      // What was there is remembered, so the next look shows only what came since (never fails the list).
      if (counts)
        await deps.settings
          .update({ clinicFolderSeen: packs.map((p) => `${p.name}@${p.modified}`).slice(0, 1000) })
          .catch((error: unknown) => deps.log?.('The clinic folder look was not remembered', error))
      return { folder, packs }
    },
    openClinicPack: async ({ name }) => open(join(await clinicFolder(), name)),
  }
}
