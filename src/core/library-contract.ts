import { z } from 'zod'
import { dosageSchema } from './dosage'
import {
  exerciseId,
  exerciseInputSchema,
  mediaHash,
  templateInputSchema,
  type BuiltinTemplate,
  type Exercise,
  type Template,
} from './exercise'
import { humanText } from './text'
import { id } from './ids'
import { videoUrlSchema } from './video-link'

/** What the library page and the builder need in one call. */
export interface LibraryView {
  version: string
  exercises: Exercise[]
  favourites: string[]
  templates: Template[]
  /** Starter templates shipped with the app (read-only; apply, adjust, save as your own). */
  starterTemplates: BuiltinTemplate[]
}

const byExercise = z.strictObject({ id: exerciseId })

export const libraryArgs = {
  byExercise,
  createExercise: exerciseInputSchema,
  updateExercise: z.strictObject({ id: exerciseId, exercise: exerciseInputSchema }),
  setFavourite: z.strictObject({ id: exerciseId, favourite: z.boolean() }),
  setDefaultDosage: z.strictObject({ id: exerciseId, dosage: dosageSchema }),
  /** `url` null takes the exercise's video link off. */
  setExerciseVideo: z.strictObject({ exerciseId, url: videoUrlSchema.nullable() }),
  attachExercisePhoto: z.strictObject({
    id: exerciseId,
    author: humanText({ max: 200, label: 'field.author', required: 'required.photoAuthor' }),
    licence: humanText({ max: 100, label: 'field.licence', required: 'required.photoLicence' }),
    caption: humanText({ max: 200, label: 'field.caption' }).optional(),
  }),
  removeExercisePhoto: z.strictObject({ id: exerciseId, file: mediaHash }),
  getMedia: z.strictObject({ file: mediaHash }),
  saveTemplate: z.strictObject({
    id: id.optional(),
    template: templateInputSchema,
  }),
  deleteTemplate: z.strictObject({ id }),
}
