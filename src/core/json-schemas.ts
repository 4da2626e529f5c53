import { z } from 'zod'
import { libraryFileSchema } from './exercise'

/** The JSON Schemas shipped in resources/schema, generated from the zod models so they cannot drift. */
export function schemaFiles(): Record<string, unknown> {
  return {
    'exercise-library.schema.json': {
      ...z.toJSONSchema(libraryFileSchema, { target: 'draft-2020-12' }),
      $id: 'https://homeplan.app/schema/exercise-library.schema.json',
      title: 'Homeplan exercise library',
      description: 'The built-in exercise library shipped with Homeplan (resources/library/exercises.json).',
    },
  }
}
