import { z } from 'zod'
import { says } from '../i18n/say'
import { storedText } from './text'
import { LABEL_MAX } from '../diagrams/spec'

/**
 * A shipped exercise's patient-facing words in another language (resources/library/<language>/*.json, one file
 * beside each English file). Steps, tips, cautions and diagram labels line up one for one with the English
 * entry, so a changed English step points at the sentence to look at again.
 */
export const exerciseTranslationSchema = z.strictObject({
  name: storedText({ max: 120, label: 'field.name', required: 'required.exerciseName' }),
  plainTitle: storedText({ max: 80, label: 'field.plainTitle', required: 'required.plainTitle' }),
  aliases: z.array(storedText({ max: 120, label: 'field.otherName', required: 'required.otherName' })).max(20),
  steps: z
    .array(storedText({ max: 400, label: 'field.step', required: 'required.step' }))
    .min(1)
    .max(12),
  cues: z.array(storedText({ max: 300, label: 'field.tip', required: 'required.tip' })).max(10),
  cautions: z.array(storedText({ max: 300, label: 'field.caution', required: 'required.caution' })).max(10),
  /** One per pose, as the English diagram's labels; empty where the English one is. */
  labels: z
    .array(
      z
        .string()
        .trim()
        .max(LABEL_MAX, says('record.frameLabel', { max: LABEL_MAX })),
    )
    .optional(),
})
export type ExerciseTranslation = z.infer<typeof exerciseTranslationSchema>

export const templateTranslationSchema = z.strictObject({
  name: storedText({ max: 120, label: 'field.templateName', required: 'required.templateName' }),
  folder: storedText({ max: 60, label: 'field.folder' }).optional(),
  description: storedText({ max: 1000, label: 'field.description' }).optional(),
})
export type TemplateTranslation = z.infer<typeof templateTranslationSchema>

/** An exercise's or template's words in the languages besides English it has. */
export const exerciseTranslationsSchema = z.strictObject({ es: exerciseTranslationSchema.optional() })
export const templateTranslationsSchema = z.strictObject({ es: templateTranslationSchema.optional() })
