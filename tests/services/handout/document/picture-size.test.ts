import { describe, expect, it } from 'vitest'
import { loadBuiltinLibrary } from '../../../../electron/services/library/builtin'
import { panelFor } from '../../../../src/diagrams/panel'
import {
  cardWidth,
  COMPACT_SCALE,
  compactCandidates,
  LYING_FRAME_MIN,
  picturePlan,
  printedHeight,
  printScale,
  TALL_BESIDE,
} from '../../../../electron/services/handout/document/picture-size'
import { printedStrokeWidth } from '../../../../electron/services/handout/document/FigurePdf'
import { PAGE_SIZE } from '../../../../electron/services/handout/document/page-size'

const library = await loadBuiltinLibrary('resources/library/exercises')
const widths = { letter: PAGE_SIZE.LETTER[0] - 80, a4: PAGE_SIZE.A4[0] - 80 }
const lying = /^(supine|prone|side-lying)/

/** WCAG contrast of a grey (or any #rrggbb) against white paper. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05)
}

describe('pictures on the printed handout, every built-in exercise', () => {
  for (const [paper, content] of Object.entries(widths)) {
    it(`are large on ${paper}: 40% of a detailed card, lying frames 1.2 in, large print 1.5x, compact at least 0.85 of the old detailed`, () => {
      const problems: string[] = []
      for (const e of library.exercises) {
        const spec = e.diagram!
        const detailed = picturePlan(spec, 'detailed', content)
        const large = picturePlan(spec, 'large', content)
        if (detailed.width < 0.4 * cardWidth('detailed', content))
          problems.push(`${e.id}: detailed picture ${detailed.width.toFixed(0)} pt wide`)
        detailed.panels.forEach((p, i) => {
          const frame = printScale(p) * Math.min(...p.panel.frames.map((f) => f.height))
          // A figure lying flat is long and thin: as wide as the card is as large as it can be drawn.
          const fullWidth = (panel: typeof p) => panel.width >= cardWidth('detailed', content) - 1
          // Across the card, stacked frames may print taller than the full-width row would: that is as large as it gets.
          const row = panelFor(spec, p.view, { arrange: 'row' })
          const rowFrame = (cardWidth('detailed', content) / row.width) * Math.min(...row.frames.map((f) => f.height))
          const largest = fullWidth(p) || (detailed.placement === 'above' && frame >= rowFrame)
          if (lying.test(spec.base) && frame < LYING_FRAME_MIN - 0.01 && !largest)
            problems.push(`${e.id}: lying frame ${frame.toFixed(0)} pt tall`)
          if (printScale(large.panels[i]!) < 1.5 * printScale(p) && !fullWidth(large.panels[i]!))
            problems.push(`${e.id}: large print ${(printScale(large.panels[i]!) / printScale(p)).toFixed(2)}x`)
        })
        // Whichever column width a compact card chooses, its picture is at least COMPACT_SCALE (0.85 of the old detailed one).
        for (const plan of compactCandidates(spec, content)) {
          if (plan.placement !== 'beside') problems.push(`${e.id}: compact picture ${plan.placement}`)
          for (const p of plan.panels)
            if (printScale(p) < COMPACT_SCALE - 1e-9)
              problems.push(`${e.id}: compact ${printScale(p).toFixed(3)} pt per unit at ${plan.width.toFixed(0)} pt`)
        }
      }
      expect(problems).toEqual([])
    }, 120_000)
  }

  it('puts no picture taller than half a page beside the text in detailed print (ankle circles ran past the page)', () => {
    const tall = library.exercises.flatMap((e) => {
      const plan = picturePlan(e.diagram!, 'detailed', widths.letter)
      return plan.placement === 'beside' && printedHeight(plan.panels) > TALL_BESIDE
        ? [`${e.id} ${printedHeight(plan.panels).toFixed(0)} pt`]
        : []
    })
    expect(tall).toEqual([])
    expect(
      picturePlan(library.exercises.find((e) => e.id === 'seated-ankle-circles')!.diagram!, 'detailed', widths.letter)
        .placement,
    ).toBe('above')
  })

  it('print every line at 1 pt or more, and no line lighter than 3:1 against white', () => {
    const problems = new Set<string>()
    for (const e of library.exercises) {
      for (const layout of ['detailed', 'compact', 'large'] as const) {
        const plans =
          layout === 'compact' ? compactCandidates(e.diagram!, widths.a4) : [picturePlan(e.diagram!, layout, widths.a4)]
        for (const p of plans.flatMap((plan) => plan.panels)) {
          for (const s of p.panel.shapes) {
            // White outlines are knock-outs (a halo that keeps an arrow clear of the lines under it), not lines on paper.
            if (s.stroke === 'none' || s.role.endsWith('halo')) continue
            // As FigurePdf prints it: a line too thin at a small scale is drawn at 1 pt.
            if (printedStrokeWidth(s, printScale(p)) * printScale(p) < 1 - 1e-6)
              problems.add(
                `${e.id} ${layout}: ${s.role} ${(printedStrokeWidth(s, printScale(p)) * printScale(p)).toFixed(2)} pt`,
              )
            // White numerals are drawn on a dark disc, not on the paper: check the disc instead.
            const ground =
              s.stroke === '#ffffff'
                ? (p.panel.shapes.find((d) => d.role === 'frame number')?.fill ?? '#ffffff')
                : s.stroke
            if (contrastOnWhite(ground) < 3) problems.add(`${e.id}: ${s.role} stroke ${s.stroke}`)
          }
        }
      }
    }
    expect([...problems].slice(0, 30)).toEqual([])
  }, 120_000)
})
