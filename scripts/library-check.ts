/**
 * Checks library content files: `npm run library:check [-- files...]` (default: every file in
 * resources/library/exercises). Prints schema errors, unknown links, duplicate ids and the reading
 * grade of each entry, worst first. Exit code 1 on any error.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { libraryFileSchema } from '../src/core/exercise'
import { jsonPath } from '../src/core/json-path'
import { readability } from '../src/core/readability'

const dir = 'resources/library/exercises'
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(dir, f))
const allFiles = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(dir, f))
let errors = 0
const fail = (message: string) => {
  console.log(message)
  errors++
}
const ids = new Map<string, string>()
const parsed = new Map<string, ReturnType<typeof libraryFileSchema.parse>>()
for (const file of new Set([...allFiles, ...files])) {
  const result = libraryFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!result.success) {
    for (const issue of result.error.issues) console.log(`${file}: ${jsonPath(issue.path)}: ${issue.message}`)
    errors += result.error.issues.length
    continue
  }
  parsed.set(file, result.data)
  for (const e of result.data.exercises) {
    if (ids.has(e.id)) fail(`${file}: duplicate id ${e.id} (also in ${ids.get(e.id)})`)
    ids.set(e.id, file)
  }
}
const grades: { id: string; grade: number; longest: string }[] = []
for (const file of files) {
  const data = parsed.get(file)
  if (!data) continue
  for (const e of data.exercises) {
    for (const link of [...e.progressions, ...e.regressions])
      if (!ids.has(link)) fail(`${file}: ${e.id} links to unknown ${link}`)
    grades.push({ id: e.id, ...readability([...e.steps, ...e.cues, ...e.cautions]) })
  }
  for (const t of data.templates ?? [])
    for (const item of t.items)
      if (!ids.has(item.exerciseId)) fail(`${file}: template ${t.name} uses unknown ${item.exerciseId}`)
}
grades.sort((a, b) => b.grade - a.grade)
for (const g of grades.slice(0, 15)) console.log(`grade ${g.grade.toFixed(1)}  ${g.id}  longest: "${g.longest}"`)
const over = grades.filter((g) => g.grade > 7)
console.log(`${grades.length} entries checked, ${over.length} above grade 7, ${errors} errors`)
process.exit(errors || over.length ? 1 : 0)
