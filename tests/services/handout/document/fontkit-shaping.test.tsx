import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Font as FontkitFont, GlyphRun } from 'fontkit'
import { Document, Font, Page, Text } from '@react-pdf/renderer'
import { FONT_STACK, prepareFonts } from '../../../../electron/services/handout/document/fonts'
import { shapingCalls, shapingMemoized } from '../../../../electron/services/handout/document/fontkit-shaping'
import { renderPdf } from '../../../../electron/services/handout/react-pdf-instance'
import { installed, upgradeMessage } from '../../../support/installed'

const fonts = resolve('resources/fonts')
const changed = (what: string) =>
  upgradeMessage(
    [installed('fontkit', '@react-pdf/font'), installed('@react-pdf/font', '@react-pdf/renderer')],
    what,
    'electron/services/handout/document/fontkit-shaping.ts',
    {
      meanwhile:
        'handouts still print correctly if react-pdf no longer calls font.layout, only slower (every line shaped again on every render).',
    },
  )

const loaded = async () => {
  await prepareFonts(fonts)
  return FONT_STACK.flatMap((fontFamily) =>
    [400, 700].map((fontWeight) => ({
      name: `${fontFamily} ${fontWeight}`,
      font: Font.getFont({ fontFamily, fontWeight }).data as FontkitFont | null,
    })),
  )
}
const shapes = (run: GlyphRun) => ({
  glyphs: run.glyphs.map((g) => g.id),
  advances: run.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]),
})

describe('fontkit’s font.layout, replaced by fontkit-shaping.ts', () => {
  it('is fontkit’s method on each font react-pdf loaded, and replaced on that very object', async () => {
    for (const { name, font } of await loaded()) {
      expect(font, changed(`Font.getFont(${name}).data is no longer the loaded font`)).toBeTruthy()
      const own = Object.getPrototypeOf(font) as { layout?: unknown }
      expect(typeof own.layout, changed(`fontkit fonts no longer have a layout method (${name})`)).toBe('function')
      expect(
        Object.hasOwn(font!, 'layout') && shapingMemoized(font!),
        changed(`${name}: layout was not replaced`),
      ).toBe(true)
      expect(font!.layout, changed(`${name}: the replaced layout is not the one a caller gets`)).not.toBe(own.layout)
    }
  })

  it('gives what fontkit gives, in copies the caller may change', async () => {
    const { font } = (await loaded())[0]!
    const original = (Object.getPrototypeOf(font) as FontkitFont).layout.call(font, 'Straighten your knee, 10 times')
    const first = font!.layout('Straighten your knee, 10 times')
    expect(shapes(first), changed('font.layout no longer returns a GlyphRun with glyphs and positions')).toEqual(
      shapes(original),
    )
    first.positions[0]!.xAdvance = -1
    first.glyphs.length = 0
    const second = font!.layout('Straighten your knee, 10 times')
    expect(shapes(second), 'a remembered run changed by its caller').toEqual(shapes(original))
    expect(second.advanceWidth, changed('a remembered GlyphRun lost its prototype (advanceWidth)')).toBe(
      original.advanceWidth,
    )
  })

  it('is what react-pdf calls to shape text, so a second render is shaped from memory', async () => {
    await loaded()
    const page = (
      <Document>
        <Page size="A4">
          <Text style={{ fontFamily: FONT_STACK }}>{`Hold for ${Math.random()} seconds, then rest.`}</Text>
        </Page>
      </Document>
    )
    const before = { ...shapingCalls }
    await renderPdf(page)
    expect(shapingCalls.total, changed('react-pdf rendered text without calling font.layout')).toBeGreaterThan(
      before.total,
    )
    const between = { ...shapingCalls }
    await renderPdf(page)
    expect(shapingCalls.remembered - between.remembered, 'the same text again, shaped from memory').toBe(
      shapingCalls.total - between.total,
    )
  })
})
