import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { renderHandout } from '../../../../electron/services/handout/render'
import { handoutInputSchema, type HandoutInput } from '../../../../src/core/handout-model'
import { shortLink } from '../../../../src/core/video-link'
import {
  QUIET_ZONE,
  linkParts,
  qrModules,
  qrPath,
  qrSide,
} from '../../../../electron/services/handout/document/video-qr'
import { makePng } from '../../../support/images'
import { overlappingText, pdfText } from '../../../support/pdf'

const fonts = resolve('resources/fonts')
const example = (): HandoutInput =>
  handoutInputSchema.parse(JSON.parse(readFileSync('docs/handout-example.json', 'utf8')))
const squash = (s: string) => s.replace(/[\s\p{Cc}]+/gu, '')
const LINK = 'https://riversidept.example/v/clamshells'
const LONG = `https://www.riverside-physical-therapy.example/videos/exercises/lower-body/hip/bridges-with-band?list=home-program-2026&t=0&x=${'a'.repeat(120)}`

/** The squares a path from qrPath fills, read back from its "M x y h w v1 h -w z" rectangles, quiet zone included. */
function filled(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array.from({ length: size }, () => false))
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) grid[Number(y)]![Number(x) + i] = true
  }
  return grid
}

/** The grid as an RGBA image, `scale` pixels a module (dark modules black on white), decoded by jsQR. */
function decode(grid: boolean[][], scale = 4): string | undefined {
  const side = grid.length * scale
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255)
  grid.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++)
          rgba.fill(
            0,
            ((y * scale + dy) * side + x * scale + dx) * 4,
            ((y * scale + dy) * side + x * scale + dx) * 4 + 3,
          )
    }),
  )
  return jsQR(rgba, side, side)?.data
}

const withVideo = (layout: HandoutInput['layout'], photo = false): HandoutInput => {
  const input = example()
  input.layout = layout
  input.program.items[0]!.video = LINK
  input.program.items[1]!.video = LONG
  if (photo)
    input.program.items[2] = {
      ...input.program.items[2]!,
      image: `data:image/png;base64,${makePng().toString('base64')}`,
      video: LINK,
    }
  return input
}

describe('a video link on a card', () => {
  it('draws a QR code that an independent decoder reads back as the link, with a quiet zone of 4 modules', () => {
    for (const url of [LINK, LONG]) {
      const modules = qrModules(url)
      const grid = filled(qrPath(modules), modules.length + 2 * QUIET_ZONE)
      for (let i = 0; i < QUIET_ZONE; i++) {
        expect(grid[i]!.some(Boolean)).toBe(false)
        expect(grid[grid.length - 1 - i]!.some(Boolean)).toBe(false)
        expect(grid.some((row) => row[i] || row[row.length - 1 - i])).toBe(false)
      }
      expect(decode(grid)).toBe(url)
    }
  })

  it('prints the code at least 0.8 in across (1.2 in in large print)', () => {
    for (const url of [LINK, LONG]) {
      const n = qrModules(url).length
      const code = (side: number) => (side * n) / (n + 2 * QUIET_ZONE)
      expect(code(qrSide(n, false))).toBeGreaterThanOrEqual(57.6)
      expect(code(qrSide(n, true))).toBeGreaterThanOrEqual(86)
    }
  })

  it('breaks a long link only at its own characters, never adding a hyphen', () => {
    expect(linkParts('riversidept.example/v/clamshells').join('')).toBe('riversidept.example/v/clamshells')
    expect(
      linkParts('a'.repeat(30))
        .filter(Boolean)
        .every((p) => p.length <= 12),
    ).toBe(true)
    // An empty part after every piece is a break react-pdf makes without a hyphen.
    expect(linkParts('example/v')).toEqual(['example/', '', 'v'])
  })

  it('prints the label and the link without https:// under the picture (or photo) in every layout, inside the page and over nothing', async () => {
    for (const layout of ['detailed', 'compact', 'large'] as const) {
      const out = await pdfText((await renderHandout(withVideo(layout, true), fonts)).pdf)
      const all = squash(out.all)
      expect(all, layout).toContain(squash('Watch the video: scan the square with your phone camera, or type'))
      expect(all, layout).toContain(squash(shortLink(LINK)))
      expect(all, layout).toContain(squash(shortLink(LONG)))
      expect(all, layout).not.toContain('https://riversidept')
      out.pages.forEach((page, i) => {
        expect(overlappingText(page), `${layout} page ${i + 1}`).toEqual([])
        for (const run of page.items)
          expect(run.x + run.width, `${layout}: ${run.str}`).toBeLessThanOrEqual(page.width - 30)
      })
      if (layout === 'large') {
        const small = out.pages.flatMap((page) =>
          page.items.filter((run) => run.str.trim() && run.height < 15.99).map((run) => run.str),
        )
        expect(small).toEqual([])
      } else {
        const small = out.pages.flatMap((page) =>
          page.items.filter((run) => run.str.trim() && run.height < 8.99).map((run) => run.str),
        )
        expect(small.filter((s) => /Watch|scan|\/v\/|videos/.test(s))).toEqual([])
      }
    }
  }, 120_000)

  it('prints nothing about a video on the cards without a link', async () => {
    const input = example()
    input.program.items[3]!.video = LINK
    const all = squash((await pdfText((await renderHandout(input, fonts)).pdf)).all)
    expect(all.split(squash('Watch the video')).length - 1).toBe(1)
    expect(all.split(squash(shortLink(LINK))).length - 1).toBe(1)
  }, 60_000)

  it('is refused in a handout file unless it is an http(s) address', () => {
    const input = JSON.parse(readFileSync('docs/handout-example.json', 'utf8')) as {
      program: { items: Record<string, unknown>[] }
    }
    input.program.items[0]!['video'] = 'javascript:alert(1)'
    const parsed = handoutInputSchema.safeParse(input)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toContain('https://')
  })
})
