/**
 * Every detail inset of the built-in library as its own enlarged PNG (drawn by Chromium from the app's
 * SVG renderer), to check the zoomed drawings closely.
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/diagrams-insets.tsx [--out <folder>] [--only <regex on id>] [--side left|right]
 */
import { mkdirSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../tests/support/chromium'
import { renderToStaticMarkup } from 'react-dom/server'
import { libraryFileSchema } from '../src/core/exercise'
import { FigureSvg } from '../src/diagrams/FigureSvg'
import { insetFor } from '../src/diagrams/inset'

const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const dir = 'resources/library/exercises'

async function main() {
  const out = arg('--out') ?? 'docs/diagrams/insets'
  const only = arg('--only') ? new RegExp(arg('--only')!) : undefined
  const side = arg('--side') as 'left' | 'right' | undefined
  mkdirSync(out, { recursive: true })
  const browser = await chromium.launch(chromiumLaunchOptions)
  const page = await browser.newPage({ viewport: { width: 500, height: 560 } })
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const { exercises } = libraryFileSchema.parse(JSON.parse(await readFile(join(dir, file), 'utf8')))
    for (const e of exercises) {
      const inset = e.diagram && (!only || only.test(e.id)) ? insetFor(e.diagram, side ? { side } : {}) : undefined
      if (!inset) continue
      await page.setContent(
        `<body style="margin:10px">${renderToStaticMarkup(<FigureSvg figure={inset} title={e.name} style={{ width: 480, height: 540 }} />)}</body>`,
      )
      const png = join(out, `${e.id}${side ? `-${side}` : ''}.png`)
      await page.screenshot({ path: png })
      console.log(`wrote ${png}`)
    }
  }
  await browser.close()
}

await main()
