import { z } from 'zod'
import { dosageSchema } from './dosage'
import { text } from './patient'
import { diagramSpecSchema } from '../diagrams/spec'

export const positions = ['supine', 'prone', 'side-lying', 'sitting', 'standing', 'kneeling', 'quadruped'] as const
export const exerciseTypes = ['strengthening', 'stretch', 'range of motion', 'balance', 'motor control', 'endurance'] as const
export const equipmentKinds = ['none', 'band', 'ball', 'chair', 'step', 'wall', 'towel', 'pillow', 'weight', 'foam roll', 'stick', 'table'] as const
export const bodyRegions = ['neck', 'shoulder', 'elbow', 'wrist and hand', 'upper back', 'lower back', 'core', 'hip', 'knee', 'ankle and foot'] as const
export const difficulties = ['easy', 'moderate', 'hard'] as const

/** Exercise ids are readable slugs ("side-lying-hip-abduction"); custom ones start with "custom-". */
export const exerciseId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'An exercise id is lower-case letters, digits and dashes.')
export const mediaHash = z.string().regex(/^[0-9a-f]{64}\.(png|jpg)$/, 'This is not a stored image.')

export const imageSchema = z.strictObject({
  file: mediaHash,
  caption: text(200, 'Caption').optional(),
  author: text(200, 'Author').min(1, 'Say who made the image.'),
  licence: text(100, 'Licence').min(1, 'Say under which licence the image may be used.'),
})

export const exerciseFields = {
  name: text(120, 'Name').min(1, 'Give the exercise a name.'),
  aliases: z.array(text(120, 'Other name').min(1)).max(20),
  regions: z.array(z.enum(bodyRegions)).min(1, 'Choose at least one body region.').max(6),
  position: z.enum(positions),
  type: z.enum(exerciseTypes),
  equipment: z.array(z.enum(equipmentKinds)).min(1).max(5),
  difficulty: z.enum(difficulties),
  steps: z.array(text(400, 'A step').min(1, 'A step cannot be empty.')).min(1, 'Write at least one step.').max(12),
  cues: z.array(text(300, 'A tip').min(1)).max(10),
  cautions: z.array(text(300, 'A caution').min(1)).max(10),
  defaultDosage: dosageSchema,
  progressions: z.array(exerciseId).max(10),
  regressions: z.array(exerciseId).max(10),
  diagram: diagramSpecSchema.optional(),
  images: z.array(imageSchema).max(6),
}

/** What a therapist edits for a custom exercise. */
export const exerciseInputSchema = z.strictObject(exerciseFields)
export type ExerciseInput = z.infer<typeof exerciseInputSchema>

export const exerciseSchema = z.strictObject({ id: exerciseId, source: z.enum(['built-in', 'custom']), ...exerciseFields })
export type Exercise = z.infer<typeof exerciseSchema>


export const templateItemSchema = z.strictObject({
  exerciseId,
  dosage: dosageSchema,
  instructionOverride: z.array(text(500, 'A step')).max(20).optional(),
  notes: text(1000, 'Notes').optional(),
})

export const templateInputSchema = z.strictObject({
  name: text(120, 'Template name').min(1, 'Give the template a name.'),
  description: text(1000, 'Description').optional(),
  folder: text(60, 'Folder').optional(),
  items: z.array(templateItemSchema).min(1, 'A template needs at least one exercise.').max(100),
})
export type TemplateInput = z.infer<typeof templateInputSchema>
export const templateSchema = templateInputSchema.extend({ id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/), createdAt: z.string(), updatedAt: z.string() })
export type Template = z.infer<typeof templateSchema>

/** A starter template shipped with the app: read-only, with a stable readable id. */
export const builtinTemplateSchema = templateInputSchema.extend({ id: exerciseId })
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
