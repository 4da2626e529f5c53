/**
 * How large an exercise's picture is printed, per layout. The pictures teach the movement, so they get room:
 * - detailed: a column of half the card beside the text; a lying figure's frames stack so each is at least
 *   1.2 in tall;
 * - large print: at least 1.5 times its detailed size, beside the text when that leaves half the card for it,
 *   otherwise across the card above the text;
 * - compact: a column beside the text of whichever width (COMPACT_SHARES) makes the card shortest, no smaller
 *   than the old detailed picture (0.71 pt per drawing unit).
 * Every line of a figure is at least 1 pt wide at these sizes (tests/services/handout/document/picture-size.test.ts).
 */
import { memo } from '../../../../src/diagrams/figure-cache'
import { bestArrangement, panelFor, type Arrangement, type Panel } from '../../../../src/diagrams/panel'
import type { DiagramSpec, View } from '../../../../src/diagrams/spec'
import { resolvedViews } from '../../../../src/diagrams/visibility'
import type { Layout } from './styles'

export interface PrintedPanel {
  view: View
  panel: Panel
  /** Printed width in points. */
  width: number
}

export interface PicturePlan {
  /** Beside the text (a column on the left) or above it across the card. */
  placement: 'beside' | 'above'
  /** Width of the picture block in points. */
  width: number
  panels: PrintedPanel[]
}

/** Points per drawing unit of the old detailed picture (a 240-unit canvas printed 170 pt wide). */
export const OLD_DETAILED_SCALE = 170 / 240
/** Compact saves paper with smaller pictures: at least this many points per drawing unit (0.85 of the old detailed size). */
export const COMPACT_SCALE = OLD_DETAILED_SCALE * 0.85

/** The picture box for each layout, as shares of the card's width and a height limit in points. */
const BOX: Record<'detailed' | 'compact', { share: number; maxHeight: number; placement: PicturePlan['placement'] }> = {
  detailed: { share: 0.4, maxHeight: 200, placement: 'beside' },
  compact: { share: 0.36, maxHeight: 150, placement: 'beside' },
}

/** Card widths (points) for a page's usable width: every layout's cards run across the page. */
export const cardWidth = (_layout: Layout, contentWidth: number) => contentWidth

/** Large print scales each picture to this many times its detailed size (at least 1.5, the promise). */
export const LARGE_FACTOR = 1.52
/** Large print keeps the picture beside the text when it takes no more than this share of the card. */
const LARGE_BESIDE = 0.56

/** A lying figure's frame is printed at least this tall (1.2 in) in the detailed layout, widening its column up to MAX_SHARE. */
export const LYING_FRAME_MIN = 86.4
const MAX_SHARE = 0.6
const ABOVE_HEIGHT = 260
/** A picture beside the text taller than this (points, about half a page) goes across the card instead. */
export const TALL_BESIDE = 400
/** A picture's printed height in points (its panels one above the other, captions not counted). */
export const printedHeight = (panels: readonly PrintedPanel[]) =>
  panels.reduce((sum, p) => sum + (p.width * p.panel.height) / p.panel.width, 0)
const lying = (spec: DiagramSpec) => /^(supine|prone|side-lying)/.test(spec.base)

/**
 * The detailed pictures, widened (up to `maxWidth`) until a lying figure's frames are LYING_FRAME_MIN tall; a
 * figure lying flat needs more than the column can give, and goes across the card above the text instead.
 */
function detailedFit(
  spec: DiagramSpec,
  fit: (w: number, h?: number, force?: Arrangement) => PrintedPanel[],
  width: number,
  maxWidth: number,
  cardWidth: number,
): { panels: PrintedPanel[]; above: boolean } {
  const shortest = (panels: PrintedPanel[]) =>
    Math.min(...panels.map((p) => printScale(p) * Math.min(...p.panel.frames.map((f) => f.height))))
  const panels = fit(width)
  // A column of three or four frames with their close-ups ran past the page (seated ankle circles: 741 pt), so its
  // card was split by react-pdf itself, picture on one page and words on the next: across the card it is shorter.
  if (printedHeight(panels) > TALL_BESIDE) {
    const across = (['row', 'column'] as const)
      .map((a) => fit(cardWidth, ABOVE_HEIGHT, a))
      .sort((a, b) => printedHeight(a) - printedHeight(b))[0]!
    if (printedHeight(across) < printedHeight(panels)) return { panels: across, above: true }
  }
  if (!lying(spec) || shortest(panels) >= LYING_FRAME_MIN) return { panels, above: false }
  const wider = fit(Math.min(maxWidth, (width * LYING_FRAME_MIN) / shortest(panels)))
  if (shortest(wider) >= LYING_FRAME_MIN - 0.01) return { panels: wider, above: false }
  // Across the card, the picture may also be a little taller (a flat figure with a close-up beside it); of the
  // two arrangements, the one whose frames print taller (a wide close-up can make the stacked one the larger overall).
  const across = (['row', 'column'] as const).map((a) => fit(cardWidth, ABOVE_HEIGHT, a))
  return { panels: shortest(across[0]!) >= shortest(across[1]!) ? across[0]! : across[1]!, above: true }
}

/** Points per drawing unit of a printed panel. */
export const printScale = (p: PrintedPanel) => p.width / p.panel.width

/** The picture plan for a spec in its printed views (its own list, or the ones its movement shows best); kept between renders. */
export const picturePlan = memo(planPicture)

/**
 * Shares of a compact card's width its picture may take: the card tries each and keeps the one that makes it
 * shortest (a kneeling figure wants a wide column for its frames side by side, long steps want a narrow one).
 */
export const COMPACT_SHARES = [0.3, 0.34, 0.38, 0.42, 0.46, 0.5] as const

/**
 * The compact pictures a card may choose from: one per share in COMPACT_SHARES, but only those that print every
 * view at the old detailed scale or more (a narrow column shrinks a long lying figure below it); the default
 * share's if none does.
 */
export function compactCandidates(
  spec: DiagramSpec,
  contentWidth: number,
  side?: 'left' | 'right',
  holdEnd?: boolean,
): PicturePlan[] {
  const plans = COMPACT_SHARES.map((share) => picturePlan(spec, 'compact', contentWidth, side, holdEnd, share))
  const large = plans.filter((plan) => plan.panels.every((p) => printScale(p) >= COMPACT_SCALE - 1e-9))
  return large.length ? large : [picturePlan(spec, 'compact', contentWidth, side, holdEnd)]
}

/**
 * `holdEnd`: the prescription holds the end position, so the last frame carries the stopwatch (see panel.ts).
 * `share`: a compact picture's share of the card (one of COMPACT_SHARES); the layout's own otherwise.
 */
function planPicture(
  spec: DiagramSpec,
  layout: Layout,
  contentWidth: number,
  side?: 'left' | 'right',
  holdEnd?: boolean,
  share?: number,
): PicturePlan {
  const views = resolvedViews(spec)
  const box = BOX[layout === 'large' ? 'detailed' : layout]
  // Several views share the column's height.
  const maxHeight = (box.maxHeight - 6 * (views.length - 1)) / views.length
  const smallest = layout === 'compact' ? COMPACT_SCALE : OLD_DETAILED_SCALE
  const fit = (boxWidth: number, boxHeight = maxHeight, force?: Arrangement): PrintedPanel[] =>
    views.map((view) => {
      const arranged = (arrange: 'row' | 'column') => {
        const panel = panelFor(spec, view, { side, arrange, holdEnd })
        // Height-bound first; never below the smallest scale, when the card is wide enough for it.
        const width = Math.min(boxWidth, Math.max((boxHeight * panel.width) / panel.height, panel.width * smallest))
        return { view, panel, width }
      }
      if (force) return arranged(force)
      const best = arranged(bestArrangement(spec, view, boxWidth / boxHeight, side, holdEnd))
      if (printScale(best) >= smallest) return best
      const other = arranged(best.panel.arrange === 'row' ? 'column' : 'row')
      return printScale(other) > printScale(best) ? other : best
    })
  const width =
    cardWidth(layout, contentWidth) * (layout === 'large' ? 1 : layout === 'compact' ? (share ?? box.share) : box.share)
  if (layout === 'compact') return { placement: box.placement, width, panels: fit(width) }
  const card = cardWidth('detailed', contentWidth)
  const { panels: detailed, above } = detailedFit(spec, fit, card * box.share, card * MAX_SHARE, card)
  if (layout === 'detailed')
    return {
      placement: above ? 'above' : 'beside',
      width: above ? card : Math.max(width, ...detailed.map((p) => p.width)),
      panels: detailed,
    }
  // Large print: each detailed picture's scale times LARGE_FACTOR; frames side by side when they fit across the
  // card at that scale (less paper), stacked otherwise.
  const panels = detailed.map(({ view, panel, width: printed }) => {
    const scale = (printed / panel.width) * LARGE_FACTOR
    const row = panelFor(spec, view, { side, arrange: 'row', holdEnd })
    const chosen = row.width * scale <= width ? row : panelFor(spec, view, { side, arrange: 'column', holdEnd })
    return { view, panel: chosen, width: Math.min(width, chosen.width * scale) }
  })
  // Narrow enough (a standing figure), the picture stays beside the text, so a card still fits on a page.
  const widest = Math.max(...panels.map((p) => p.width))
  return widest <= width * LARGE_BESIDE
    ? { placement: 'beside', width: widest, panels }
    : { placement: 'above', width, panels }
}
