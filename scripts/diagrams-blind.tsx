/**
 * A blind-review kit: every built-in diagram exactly as the detailed handout prints it (same plan, same
 * captions), one anonymous page each, in a shuffled order, with the key kept apart. A reviewer who has
 * not seen the exercise names looks at the pictures alone and says what to do.
 *
 *   npm run diagrams:blind -- --out <folder> [--only <regex on id>] [--seed <n>]
 *   writes <folder>/blind.pdf (page n = picture n) and <folder>/key.json ({ "n": "exercise-id" });
 *   `pdftoppm -r 100 -png blind.pdf p` turns the pages into images at print size.
 */
import { mkdirSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Document, Page, renderToBuffer, Text, View } from '@react-pdf/renderer'
import { libraryFileSchema, type Exercise } from '../src/core/exercise'
import { pictureHold } from '../src/core/dosage-words'
import { CardPicture } from '../electron/services/handout/document/CardPicture'
import { FONT_STACK, registerFonts } from '../electron/services/handout/document/fonts'
import { picturePlan } from '../electron/services/handout/document/picture-size'
import { makeStyles } from '../electron/services/handout/document/styles'

const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** Letter width less the handout's margins: the detailed card's width. */
const CONTENT_WIDTH = 612 - 80

async function main() {
  const out = arg('--out')
  if (!out) throw new Error('Usage: npm run diagrams:blind -- --out <folder> [--only <regex>] [--seed <n>]')
  const only = arg('--only') ? new RegExp(arg('--only')!) : undefined
  let seed = Number(arg('--seed') ?? Date.now() % 100_000)
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const dir = 'resources/library/exercises'
  const exercises: Exercise[] = []
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'templates.json').sort()) {
    const parsed = libraryFileSchema.parse(JSON.parse(await readFile(join(dir, file), 'utf8')))
    exercises.push(...parsed.exercises.filter((e) => e.diagram && (!only || only.test(e.id))))
  }
  for (let i = exercises.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[exercises[i], exercises[j]] = [exercises[j]!, exercises[i]!]
  }
  registerFonts(resolve('resources/fonts'))
  const s = makeStyles('detailed')
  const doc = (
    <Document>
      {exercises.map((exercise, i) => {
        // The library's default dose says whether the end is held, as a program made from it would.
        const hold = pictureHold(exercise.defaultDosage, exercise.diagram)
        const plan = picturePlan(exercise.diagram!, 'detailed', CONTENT_WIDTH, undefined, hold !== undefined)
        // Each page is cut to its picture, so the images show nothing else.
        const height = plan.panels.reduce(
          (sum, p) => sum + (p.width * p.panel.height) / p.panel.width + (plan.panels.length > 1 ? 40 : 26),
          80,
        )
        return (
          <Page
            key={exercise.id}
            wrap={false}
            size={{ width: Math.max(200, plan.width + 40), height }}
            style={{ padding: 20, fontFamily: FONT_STACK as unknown as string, fontSize: 11 }}
          >
            <Text style={{ fontSize: 14, fontWeight: 700, marginBottom: 8 }}>Picture {i + 1}</Text>
            <View style={{ flexDirection: 'row' }}>
              <CardPicture plan={plan} s={s} hold={hold} />
            </View>
          </Page>
        )
      })}
    </Document>
  )
  mkdirSync(out, { recursive: true })
  await writeFile(join(out, 'blind.pdf'), await renderToBuffer(doc))
  await writeFile(
    join(out, 'key.json'),
    `${JSON.stringify(Object.fromEntries(exercises.map((e, i) => [i + 1, e.id])), null, 2)}\n`,
  )
  console.log(`wrote ${join(out, 'blind.pdf')} (${exercises.length} pictures) and key.json`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
