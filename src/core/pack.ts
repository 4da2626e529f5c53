import { z } from 'zod'
import { exerciseId } from './exercise'
import { humanText, storedText } from './text'
import { id } from './ids'

/**
 * Library packs (issue 18): a chosen set of templates and custom exercises, with their photos, as one zip file a
 * therapist shares by USB stick, e-mail or the clinic's shared folder. Inside: `manifest.json` (this schema),
 * `schema/manifest.schema.json` (its JSON Schema), `templates/<id>.json`, `exercises/<id>.json` and
 * `media/<sha-256>.png|jpg`. Each entry is listed in the manifest with its SHA-256.
 */
export const PACK_FORMAT = 'homeplan-pack'
export const PACK_FORMAT_VERSION = 1
export const PACK_SUFFIX = '.homeplan-pack.zip'
/** The largest pack file Homeplan opens. */
export const MAX_PACK_BYTES = 200 * 1024 * 1024
/** What all of a pack's entries may expand to together (a zip bomb is refused once it passes this). */
export const MAX_PACK_EXPANDED_BYTES = 300 * 1024 * 1024
/** What one JSON entry (the manifest, a template, an exercise) may expand to. */
export const MAX_PACK_JSON_BYTES = 4 * 1024 * 1024
export const MAX_PACK_ENTRIES = 2000

/** The entry names a pack may hold: nothing else (no folders of its own, no `..`, no absolute or drive paths). */
export const PACK_ENTRY =
  /^(schema\/manifest\.schema\.json|templates\/[A-Za-z0-9_-]{6,64}\.json|exercises\/[a-z0-9][a-z0-9-]{1,79}\.json|media\/[0-9a-f]{64}\.(png|jpg))$/

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const packManifestSchema = z.strictObject({
  $schema: z.string().max(200).optional(),
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  /** The Homeplan version that wrote the pack. */
  homeplanVersion: z.string().min(1).max(40),
  createdAt: z.iso.datetime({ offset: true }),
  title: storedText({ max: 120, label: 'field.packTitle', required: 'required.packTitle' }),
  author: storedText({ max: 200, label: 'field.author' }).optional(),
  entries: z
    .array(
      z.strictObject({
        path: z.string().regex(PACK_ENTRY),
        sha256,
        bytes: z.number().int().min(0),
      }),
    )
    .max(MAX_PACK_ENTRIES),
})
export type PackManifest = z.infer<typeof packManifestSchema>

/** What goes into a pack: templates and custom exercises by id (a template brings the custom exercises it uses). */
export const packContentsSchema = z.strictObject({
  title: humanText({ max: 120, label: 'field.packTitle', required: 'required.packTitle' }),
  author: humanText({ max: 200, label: 'field.author' }).optional(),
  templateIds: z.array(id).max(500),
  exerciseIds: z.array(exerciseId).max(1000),
})
export type PackContents = z.infer<typeof packContentsSchema>

/**
 * How an item of a pack compares with this library: not here, here and unchanged, changed there since it was last
 * shared (newer), changed here since (older), changed on both sides or never shared before (conflict); refused
 * (a built-in id, a template whose exercises are missing) with its reason.
 */
export type PackItemStatus = 'new' | 'same' | 'newer' | 'older' | 'conflict' | 'refused'
/** What to do with an item: take it (replacing yours), skip it (keep yours), or keep both (theirs as a copy). */
export const packChoices = ['take', 'skip', 'keepBoth'] as const
export type PackChoice = (typeof packChoices)[number]

export interface PackItem {
  /** `template:<id>` or `exercise:<id>`: names the item in the choices. */
  key: string
  kind: 'template' | 'exercise'
  id: string
  name: string
  /** Yours, when its name differs. */
  yourName?: string
  status: PackItemStatus
  reason?: string
}

export type PackOpened =
  | { cancelled: true }
  | {
      cancelled: false
      /** Names this pack in importLibraryPack (main keeps it until another is opened). */
      token: string
      file: string
      title: string
      author?: string
      createdAt: string
      homeplanVersion: string
      items: PackItem[]
    }

export interface PackImportResult {
  added: number
  replaced: number
  copies: number
  skipped: number
  photos: number
  /** The copy of library.json taken just before (absent when there was none yet). */
  backup?: string
}

export interface ClinicPack {
  name: string
  bytes: number
  modified: string
  /** Not there at the last look. */
  isNew: boolean
}

export interface ClinicFolderList {
  folder: string | null
  packs: ClinicPack[]
  /** Why the folder could not be read (missing, offline, not allowed), in words; the list is then empty. */
  problem?: string
}

const packKey = z.string().regex(/^(template|exercise):[A-Za-z0-9_-]{2,80}$/)
export const packArgs = {
  exportLibraryPack: packContentsSchema,
  importLibraryPack: z.strictObject({
    token: z.string().regex(/^[a-z0-9-]{8,64}$/),
    choices: z.record(packKey, z.enum(packChoices)),
  }),
  chooseClinicFolder: z.strictObject({ clear: z.boolean() }),
  listClinicPacks: z.strictObject({ remember: z.boolean() }),
  openClinicPack: z.strictObject({
    name: z
      .string()
      .max(255)
      .regex(/^[^/\\:]+\.homeplan-pack\.zip$/),
  }),
}
