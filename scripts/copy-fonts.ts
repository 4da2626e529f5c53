/**
 * `npm run fonts`: copies Noto Sans (SIL Open Font License) from @fontsource/noto-sans into
 * resources/fonts. react-pdf reads WOFF but not WOFF2, and each subset file covers one script, so the
 * handout registers one family per subset and lists them as fallbacks.
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

export const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic', 'vietnamese'] as const
export const WEIGHTS = [400, 700] as const

const require = createRequire(import.meta.url)
const source = join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files')
mkdirSync('resources/fonts', { recursive: true })
for (const subset of SUBSETS) {
  for (const weight of WEIGHTS) {
    const name = `noto-sans-${subset}-${weight}-normal.woff`
    copyFileSync(join(source, name), join('resources/fonts', name))
  }
}
copyFileSync(join(dirname(source), 'LICENSE'), 'resources/fonts/OFL.txt')
console.log(`copied ${SUBSETS.length * WEIGHTS.length} font files to resources/fonts`)
