import { z } from 'zod'
import { libraryFileSchema, libraryTranslationFileSchema } from './exercise'
import { handoutInputSchema } from './handout-model'
import { packManifestSchema } from './pack'

/** The JSON Schema of a library pack's manifest.json, shipped in resources/schema and inside every pack. */
export const packManifestJsonSchema = () => ({
  ...z.toJSONSchema(packManifestSchema, { target: 'draft-2020-12' }),
  $id: 'https://homeplan.app/schema/library-pack-manifest.schema.json',
  title: 'Homeplan library pack manifest',
  description:
    'manifest.json of a Homeplan library pack (*.homeplan-pack.zip): who made it, when, and every other entry of the zip with its SHA-256.',
})

/** The JSON Schemas shipped in resources/schema, generated from the zod models so they cannot drift. */
export function schemaFiles(): Record<string, unknown> {
  return {
    'library-pack-manifest.schema.json': packManifestJsonSchema(),
    'handout.schema.json': {
      ...z.toJSONSchema(handoutInputSchema, { target: 'draft-2020-12', io: 'input' }),
      $id: 'https://homeplan.app/schema/handout.schema.json',
      title: 'Homeplan handout',
      description:
        'Input of `npm run handout`: everything one printed home-exercise handout shows. Example: docs/handout-example.json.',
    },
    'exercise-library.schema.json': {
      ...z.toJSONSchema(libraryFileSchema, { target: 'draft-2020-12' }),
      $id: 'https://homeplan.app/schema/exercise-library.schema.json',
      title: 'Homeplan exercise library',
      description: 'The built-in exercise library shipped with Homeplan (one of resources/library/exercises/*.json).',
    },
    'exercise-library-translation.schema.json': {
      ...z.toJSONSchema(libraryTranslationFileSchema, { target: 'draft-2020-12' }),
      $id: 'https://homeplan.app/schema/exercise-library-translation.schema.json',
      title: 'Homeplan exercise library translation',
      description:
        'The patient-facing words of the built-in library in another language, by exercise and template id (one of resources/library/es/*.json, beside the English file of the same name).',
    },
  }
}
