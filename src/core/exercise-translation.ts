import { z } from 'zod'
import { storedText } from './text'
import { LABEL_MAX } from '../diagrams/spec'

/**
 * A shipped exercise's patient-facing words in another language (resources/library/<language>/*.json, one file
 * beside each English file). Steps, tips, cautions and diagram labels line up one for one with the English
 * entry, so a changed English step points at the sentence to look at again.
 */
export const exerciseTranslationSchema = z.strictObject({
  name: storedText({ max: 120, label: 'Name', required: 'Give the exercise a name.' }),
  plainTitle: storedText({ max: 80, label: 'Title for patients', required: 'Give the title for patients.' }),
  aliases: z.array(storedText({ max: 120, label: 'Other name', required: 'Another name cannot be empty.' })).max(20),
  steps: z
    .array(storedText({ max: 400, label: 'A step', required: 'A step cannot be empty.' }))
    .min(1)
    .max(12),
  cues: z.array(storedText({ max: 300, label: 'A tip', required: 'A tip cannot be empty.' })).max(10),
  cautions: z.array(storedText({ max: 300, label: 'A caution', required: 'A caution cannot be empty.' })).max(10),
  /** One per pose, as the English diagram's labels; empty where the English one is. */
  labels: z.array(z.string().trim().max(LABEL_MAX, `A frame label has at most ${LABEL_MAX} characters.`)).optional(),
})
export type ExerciseTranslation = z.infer<typeof exerciseTranslationSchema>

export const templateTranslationSchema = z.strictObject({
  name: storedText({ max: 120, label: 'Template name', required: 'Give the template a name.' }),
  folder: storedText({ max: 60, label: 'Folder' }).optional(),
  description: storedText({ max: 1000, label: 'Description' }).optional(),
})
export type TemplateTranslation = z.infer<typeof templateTranslationSchema>

/** An exercise's or template's words in the languages besides English it has. */
export const exerciseTranslationsSchema = z.strictObject({ es: exerciseTranslationSchema.optional() })
export const templateTranslationsSchema = z.strictObject({ es: templateTranslationSchema.optional() })
