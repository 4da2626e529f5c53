/**
 * Contact sheet of every built-in diagram in every view it uses: one PNG per library file (drawn by
 * Chromium from the app's SVG renderer) and one PDF of all of them (drawn by the handout's react-pdf
 * renderer), so reviewers can check each figure in both.
 *
 *   npm run diagrams:sheet [-- --only <regex on id> --out <folder> --contacts]
 *   (--contacts also prints what each keyframe rests on, see src/diagrams/contacts.ts, and where it differs from the spec's `supports`)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../tests/support/chromium'
import { Document, Page, renderToBuffer, Text, View } from '@react-pdf/renderer'
import { renderToStaticMarkup } from 'react-dom/server'
import { specContacts, supportList, supportMismatches } from '../src/diagrams/contacts'
import { panelFor } from '../src/diagrams/panel'
import { FigureSvg } from '../src/diagrams/FigureSvg'
import { FigurePdf } from '../electron/services/handout/document/FigurePdf'
import { resolvedViews } from '../src/diagrams/visibility'
import type { View as DiagramView } from '../src/diagrams/spec'
import { registerFonts } from '../electron/services/handout/document/fonts'
import type { Exercise } from '../src/core/exercise'
import { readdir, readFile } from 'node:fs/promises'
import { libraryFileSchema } from '../src/core/exercise'

const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const only = arg('--only') ? new RegExp(arg('--only')!) : undefined
const out = arg('--out') ?? 'docs/diagrams'
const dir = 'resources/library/exercises'

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

interface Cell {
  exercise: Exercise
  view: DiagramView
}

async function main() {
  mkdirSync(out, { recursive: true })
  const groups: { file: string; cells: Cell[] }[] = []
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const { exercises } = libraryFileSchema.parse(JSON.parse(await readFile(join(dir, file), 'utf8')))
    const cells = exercises
      .filter((e) => e.diagram && (!only || only.test(e.id)))
      .flatMap((exercise) => resolvedViews(exercise.diagram!).map((view) => ({ exercise, view })))
    if (cells.length) groups.push({ file: file.replace(/\.json$/, ''), cells })
  }
  const browser = await chromium.launch(chromiumLaunchOptions)
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1.5 })
  for (const { file, cells } of groups) {
    const html = cells
      .map(({ exercise, view }) => {
        const fig = panelFor(exercise.diagram!, view)
        const notes = fig.notes.length ? `<div class="note">${escape(fig.notes.join(' '))}</div>` : ''
        return `<figure>${renderToStaticMarkup(<FigureSvg figure={fig} title={`${exercise.name}, ${view} view`} style={{ width: (fig.width * 150) / fig.height > 480 ? 480 : 'auto', height: Math.min(150, (480 * fig.height) / fig.width) }} />)}<figcaption><b>${escape(exercise.name)}</b> · ${view}<br><span>${exercise.id}</span>${notes}</figcaption></figure>`
      })
      .join('')
    await page.setContent(`<!doctype html><html><head><style>
      body{margin:12px;font:12px system-ui,sans-serif;color:#111}
      h1{font-size:16px;margin:0 0 8px}
      main{display:flex;flex-wrap:wrap;gap:8px;max-width:1256px}
      figure{margin:0;border:1px solid #ccc;border-radius:4px;padding:2px;break-inside:avoid}
      figcaption{padding:2px 4px 4px;line-height:1.3} figcaption span{color:#666}
      .note{color:#b00020}
    </style></head><body><h1>Homeplan diagrams — ${escape(file)} (${cells.length} figures)</h1><main>${html}</main></body></html>`)
    const png = join(out, `contact-sheet-${file}.png`)
    await page.screenshot({ path: png, fullPage: true })
    console.log(`wrote ${png} (${cells.length} figures)`)
  }
  await browser.close()
  if (process.argv.includes('--contacts')) {
    // What touches the floor or a prop in each keyframe, and whether it matches the spec's declared supports.
    for (const { exercise } of groups
      .flatMap((g) => g.cells)
      .filter((c, i, all) => all.findIndex((d) => d.exercise.id === c.exercise.id) === i)) {
      const spec = exercise.diagram!
      const lines = specContacts(spec).map(
        (c, i) =>
          `  keyframe ${i}: ${supportList(c).join(', ') || '(nothing: floating?)'}${c.belowFloor.length ? `; below the floor: ${c.belowFloor.join(', ')}` : ''}`,
      )
      const wrong = supportMismatches(spec).map((m) => `  MISMATCH ${m}`)
      console.log(`${exercise.id}\n${[...lines, ...wrong].join('\n')}`)
    }
  }

  registerFonts('resources/fonts')
  const all = groups.flatMap((g) => g.cells)
  const perPage = 12
  const pages = Array.from({ length: Math.ceil(all.length / perPage) }, (_, i) =>
    all.slice(i * perPage, (i + 1) * perPage),
  )
  const pdf = await renderToBuffer(
    <Document title="Homeplan diagram contact sheet">
      {pages.map((cells, p) => (
        <Page key={p} size="A4" style={{ padding: 24, fontFamily: 'NotoLatin', fontSize: 7 }}>
          <View style={{ flexDirection: 'row', flexWrap: 'wrap', gap: 8 }}>
            {cells.map(({ exercise, view }) => (
              <View
                key={`${exercise.id}-${view}`}
                style={{ width: 170, borderWidth: 0.5, borderColor: '#cccccc', padding: 2 }}
                wrap={false}
              >
                <FigurePdf figure={panelFor(exercise.diagram!, view)} width={164} />
                <Text>
                  {exercise.name} · {view}
                </Text>
              </View>
            ))}
          </View>
        </Page>
      ))}
    </Document>,
  )
  const pdfFile = join(out, 'contact-sheet.pdf')
  writeFileSync(pdfFile, pdf)
  console.log(`wrote ${pdfFile} (${all.length} figures, ${pages.length} pages)`)
}

await main()
