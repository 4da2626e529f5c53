import { z } from 'zod'
import { says } from '../i18n/say'
import { dosageSchema } from './dosage'
import { humanText, storedText, type TextRule } from './text'
import { id, mediaHash } from './ids'
import { diagramSpecSchema } from '../diagrams/spec'
import {
  exerciseTranslationSchema,
  exerciseTranslationsSchema,
  templateTranslationSchema,
  templateTranslationsSchema,
} from './exercise-translation'

export const positions = ['supine', 'prone', 'side-lying', 'sitting', 'standing', 'kneeling', 'quadruped'] as const
export const exerciseTypes = [
  'strengthening',
  'stretch',
  'range of motion',
  'balance',
  'motor control',
  'endurance',
] as const
export const equipmentKinds = [
  'none',
  'band',
  'ball',
  'chair',
  'step',
  'wall',
  'towel',
  'pillow',
  'weight',
  'foam roll',
  'stick',
  'table',
] as const
export const bodyRegions = [
  'neck',
  'shoulder',
  'elbow',
  'wrist and hand',
  'upper back',
  'lower back',
  'core',
  'hip',
  'knee',
  'ankle and foot',
] as const
export const difficulties = ['easy', 'moderate', 'hard'] as const

/** Exercise ids are readable slugs ("side-lying-hip-abduction"); custom ones start with "custom-". */
export const exerciseId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, says('record.exerciseId'))
export { mediaHash }

const imageOf = (t: TextRule) =>
  z.strictObject({
    file: mediaHash,
    caption: t({ max: 200, label: 'field.caption' }).optional(),
    author: t({ max: 200, label: 'field.author', required: 'required.imageAuthor' }),
    licence: t({ max: 100, label: 'field.licence', required: 'required.imageLicence' }),
  })
export const imageSchema = imageOf(humanText)

/** An exercise's fields; `t` is how text is checked (strictly as typed, leniently as stored: see ./text). */
const exerciseFieldsOf = (t: TextRule) => ({
  name: t({ max: 120, label: 'field.name', required: 'required.exerciseName' }),
  /**
   * What the exercise is in a patient's words ("Lying on your side: knee lifts"); the handout prints it with the
   * clinical name after it. Left out (custom exercises may), the handout prints the name alone.
   */
  plainTitle: t({ max: 80, label: 'field.plainTitle' }).optional(),
  aliases: z.array(t({ max: 120, label: 'field.otherName', required: 'required.otherName' })).max(20),
  regions: z.array(z.enum(bodyRegions)).min(1, says('record.regions')).max(6),
  position: z.enum(positions),
  type: z.enum(exerciseTypes),
  equipment: z.array(z.enum(equipmentKinds)).min(1).max(5),
  difficulty: z.enum(difficulties),
  steps: z
    .array(t({ max: 400, label: 'field.step', required: 'required.step' }))
    .min(1, says('record.steps'))
    .max(12),
  cues: z.array(t({ max: 300, label: 'field.tip', required: 'required.tip' })).max(10),
  cautions: z.array(t({ max: 300, label: 'field.caution', required: 'required.caution' })).max(10),
  defaultDosage: dosageSchema,
  progressions: z.array(exerciseId).max(10),
  regressions: z.array(exerciseId).max(10),
  diagram: diagramSpecSchema.optional(),
  images: z.array(imageOf(t)).max(6),
  /** The patient-facing words in other languages (built-in exercises ship Spanish; custom ones may add it). */
  translations: exerciseTranslationsSchema.optional(),
})
export const exerciseFields = exerciseFieldsOf(humanText)

/** What a therapist edits for a custom exercise. */
export const exerciseInputSchema = z.strictObject(exerciseFields)
export type ExerciseInput = z.infer<typeof exerciseInputSchema>

/** A stored or shipped exercise (library files, library.json): read with the rules it was saved under. */
export const exerciseSchema = z.strictObject({
  id: exerciseId,
  source: z.enum(['built-in', 'custom']),
  ...exerciseFieldsOf(storedText),
})
export type StoredExercise = z.infer<typeof exerciseSchema>
/**
 * An exercise as the library hands it out: with the clinic's video link for handouts when one is set. The link is
 * kept apart from the exercise (library.json `videoLinks`), so built-in exercises can have one too.
 */
export type Exercise = StoredExercise & { videoUrl?: string }

/** What a program or template item may say beyond the library: its dosage, steps changed for it, notes. */
export const itemWordsOf = (t: TextRule) => ({
  dosage: dosageSchema,
  instructionOverride: z
    .array(t({ max: 500, label: 'field.step' }))
    .max(20)
    .optional(),
  notes: t({ max: 1000, label: 'field.notes', multiline: true }).optional(),
  /** The steps changed for this patient in the other handout languages (the handout's language picks). */
  translations: z
    .strictObject({
      es: z.strictObject({ instructionOverride: z.array(t({ max: 500, label: 'field.step' })).max(20) }).optional(),
    })
    .optional(),
})

const templateItemOf = (t: TextRule) =>
  z.strictObject({
    exerciseId,
    ...itemWordsOf(t),
  })
export const templateItemSchema = templateItemOf(humanText)

const templateFields = (t: TextRule) => ({
  name: t({ max: 120, label: 'field.templateName', required: 'required.templateName' }),
  description: t({ max: 1000, label: 'field.description', multiline: true }).optional(),
  folder: t({ max: 60, label: 'field.folder' }).optional(),
  items: z.array(templateItemOf(t)).min(1, says('record.templateItems')).max(100),
  translations: templateTranslationsSchema.optional(),
})
export const templateInputSchema = z.strictObject(templateFields(humanText))
export type TemplateInput = z.infer<typeof templateInputSchema>
/** A saved template (library.json): read with the rules it was saved under. */
export const templateSchema = z.strictObject({
  ...templateFields(storedText),
  id,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Template = z.infer<typeof templateSchema>

/** A starter template shipped with the app: read-only, with a stable readable id. */
export const builtinTemplateSchema = z.strictObject({ ...templateFields(storedText), id: exerciseId })
export type BuiltinTemplate = z.infer<typeof builtinTemplateSchema>

/**
 * One file of the shipped library (resources/library/exercises/*.json, one per body area); its JSON
 * Schema is generated from this. The app merges every file; ids are unique across all of them.
 */
export const libraryFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal('homeplan-exercise-library'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  exercises: z.array(exerciseSchema),
  templates: z.array(builtinTemplateSchema).optional(),
})

/**
 * One translation file of the shipped library (resources/library/<language>/*.json, beside each English file): the
 * patient-facing words of its exercises and templates by id.
 */
export const libraryTranslationFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal('homeplan-exercise-library-translation'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  language: z.literal('es'),
  exercises: z.record(exerciseId, exerciseTranslationSchema),
  templates: z.record(exerciseId, templateTranslationSchema).optional(),
})
export type LibraryTranslationFile = z.infer<typeof libraryTranslationFileSchema>
