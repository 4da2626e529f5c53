/**
 * `npm run fonts`: copies Noto Sans (SIL Open Font License) from @fontsource/noto-sans into
 * resources/fonts as TrueType. The package ships WOFF/WOFF2 only; react-pdf cannot read WOFF2, and with
 * WOFF fontkit inflates font tables again on every use (a third of a handout's render time), so the WOFF
 * files are unpacked to plain TTF here, once. Each file covers one script; the handout lists them as
 * fallbacks.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { inflateSync } from 'node:zlib'

export const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic', 'vietnamese'] as const
export const WEIGHTS = [400, 700] as const

/** WOFF 1.0 → sfnt (TTF): inflate each table and lay them out again with a standard table directory. */
export function woffToTtf(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file')
  const flavor = woff.readUInt32BE(4)
  const numTables = woff.readUInt16BE(12)
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20
    const offset = woff.readUInt32BE(at + 4)
    const compLength = woff.readUInt32BE(at + 8)
    const origLength = woff.readUInt32BE(at + 12)
    const raw = woff.subarray(offset, offset + compLength)
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    }
  })
  const pow2 = 2 ** Math.floor(Math.log2(numTables))
  const header = Buffer.alloc(12 + numTables * 16)
  header.writeUInt32BE(flavor, 0)
  header.writeUInt16BE(numTables, 4)
  header.writeUInt16BE(pow2 * 16, 6)
  header.writeUInt16BE(Math.log2(pow2), 8)
  header.writeUInt16BE(numTables * 16 - pow2 * 16, 10)
  const parts: Buffer[] = [header]
  let offset = header.length
  tables.forEach((table, i) => {
    const at = 12 + i * 16
    table.tag.copy(header, at)
    header.writeUInt32BE(table.checksum, at + 4)
    header.writeUInt32BE(offset, at + 8)
    header.writeUInt32BE(table.data.length, at + 12)
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4)
    table.data.copy(padded)
    parts.push(padded)
    offset += padded.length
  })
  return Buffer.concat(parts)
}

if (process.argv[1]?.endsWith('copy-fonts.ts')) {
  const require = createRequire(import.meta.url)
  const source = join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files')
  mkdirSync('resources/fonts', { recursive: true })
  for (const subset of SUBSETS) {
    for (const weight of WEIGHTS) {
      const name = `noto-sans-${subset}-${weight}-normal`
      writeFileSync(join('resources/fonts', `${name}.ttf`), woffToTtf(readFileSync(join(source, `${name}.woff`))))
    }
  }
  copyFileSync(join(dirname(source), 'LICENSE'), 'resources/fonts/OFL.txt')
  console.log(`wrote ${SUBSETS.length * WEIGHTS.length} TrueType files to resources/fonts`)
}
