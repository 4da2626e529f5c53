import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { create, type Font } from 'fontkit'
import { describe, expect, it } from 'vitest'
import { woffToTtf } from '../../scripts/copy-fonts'

const require = createRequire(import.meta.url)
const files = join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files')

describe('woffToTtf', () => {
  it('unpacks a WOFF into a TrueType font with the same glyphs and metrics', () => {
    const woff = readFileSync(join(files, 'noto-sans-vietnamese-700-normal.woff'))
    const before = create(woff) as Font
    const after = create(woffToTtf(woff)) as Font
    expect(after.type).toBe('TTF')
    expect(after.numGlyphs).toBe(before.numGlyphs)
    expect(after.unitsPerEm).toBe(before.unitsPerEm)
    expect(after.hasGlyphForCodePoint(0x1ec5)).toBe(true) // ễ
    expect(after.glyphForCodePoint(0x1ec5).advanceWidth).toBe(before.glyphForCodePoint(0x1ec5).advanceWidth)
  })

  it('refuses anything that is not WOFF 1.0', () => {
    expect(() => woffToTtf(Buffer.from('wOF2xxxxxxxx'))).toThrow('not a WOFF 1.0 file')
  })

  it('matches the fonts committed in resources/fonts', () => {
    const shipped = readFileSync('resources/fonts/noto-sans-latin-400-normal.ttf')
    expect(woffToTtf(readFileSync(join(files, 'noto-sans-latin-400-normal.woff'))).equals(shipped)).toBe(true)
  })
})
