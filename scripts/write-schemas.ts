/** `npm run schemas`: regenerates the JSON Schemas in resources/schema from the zod models. */
import { writeFileSync } from 'node:fs'
import { schemaFiles } from '../src/core/json-schemas'

for (const [file, schema] of Object.entries(schemaFiles())) {
  writeFileSync(`resources/schema/${file}`, `${JSON.stringify(schema, null, 2)}\n`)
  console.log(`wrote resources/schema/${file}`)
}
