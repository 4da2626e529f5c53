import { dosageLine } from '../../../../src/core/dosage-format'
import type { HandoutItem } from '../../../../src/core/handout-model'
import { dosagePlain, pictureHold } from '../../../../src/core/dosage-words'
import type { HandoutLanguage } from '../../../../src/core/languages'
import { handoutT } from '../../../../src/i18n'
import { balance, cardWords, type CardText, type ColumnMetrics } from './card-balance'
import { panelCaption } from './CardPicture'
import { cardWidth, compactCandidates, picturePlan, type PicturePlan } from './picture-size'
import type { Layout, makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/** The side to draw: the prescribed one when the program says left or right. */
const side = (item: HandoutItem) =>
  item.dosage.side === 'left' || item.dosage.side === 'right' ? item.dosage.side : undefined

/**
 * One exercise, always in the same order: picture, steps, how much, tips, cautions, note. Never split across
 * pages, unless `breakable`: a card taller than a page cannot be kept whole, so it goes on over the next page
 * (and starts a page, unless `startsPage` is false because it is first on a page anyway).
 */
export type CardProps = {
  item: HandoutItem
  index: number
  s: Styles
  layout: Layout
  contentWidth: number
  breakable?: boolean
  startsPage?: boolean
  shorthand?: boolean
  stack?: boolean
  /** The language of the card's own words (labels, dose, captions); English when left out. */
  language?: HandoutLanguage
} & CardChoice

/**
 * How a card with its picture beside the text is arranged: how many closing parts go under the picture and, in
 * compact, the picture column's share of the card. Estimated from the words when not given; the page plan measures
 * the likely choices (cardChoices) and passes the shortest.
 */
export interface CardChoice {
  under?: number
  share?: number
}

/** What the card prints and the estimated arrangement. */
export function cardLayout({ item, s, layout, contentWidth, shorthand = false, language = 'en' }: CardProps) {
  const t = handoutT(language)
  const hold = pictureHold(item.dosage, item.diagram, t)
  const dose = dosagePlain(item.dosage, t)
  // Compact runs each label into its text ("Tips: …"), a line saved per part, so three cards fit a page.
  const compact = layout === 'compact'
  const text = {
    steps: item.steps,
    dose: shorthand ? [dose, dosageLine(item.dosage, t)] : [dose],
    tips: item.cues ?? [],
    cautions: item.cautions ?? [],
    note: item.notes,
    video: item.video,
    words: cardWords(t),
  }
  const captions = (plan: PicturePlan) => plan.panels.map((p) => panelCaption(p.panel, hold, t))
  const ranked =
    !item.image && item.diagram && compact ? compactPlans(item, text, hold, contentWidth, metricsOf(s), captions) : []
  const plan =
    !item.image && item.diagram
      ? compact
        ? ranked[0]!
        : picturePlan(item.diagram, layout, contentWidth, side(item), hold !== undefined)
      : undefined
  // The closing parts that go under a picture beside the text, so the two columns come out about even (card-balance.ts).
  const under = plan
    ? balance(text, plan, captions(plan), cardWidth(layout, contentWidth), metricsOf(s), compact).moved
    : 0
  return { hold, dose, compact, plan, under, ranked }
}

/**
 * The arrangements worth measuring for a card: every number of closing parts under its picture (0 up to all it
 * has) and, in compact, the two column widths estimated shortest. Only one when the picture is not beside the text.
 */
export function cardChoices(props: CardProps): CardChoice[] {
  const { plan, ranked, compact } = cardLayout(props)
  if (plan?.placement !== 'beside') return [{}]
  const { item } = props
  // Parts move from the end (note, cautions, tips); a count that ends on a part the card lacks moves nothing more.
  const present = [item.cues?.length, item.cautions?.length, item.notes].map(Boolean)
  const counts = [0, ...[1, 2, 3].filter((n) => present[present.length - n])]
  const shares = compact ? [...new Set(ranked.slice(0, 2).map((p) => p.share!))] : [undefined]
  return shares.flatMap((share) => counts.map((under) => (share === undefined ? { under } : { under, share })))
}

/** A compact card's pictures (COMPACT_SHARES), shortest card first by estimate; ties to the wider, larger drawing. */
function compactPlans(
  item: HandoutItem,
  text: CardText,
  hold: string | undefined,
  contentWidth: number,
  m: ColumnMetrics,
  captions: (plan: PicturePlan) => string[],
): (PicturePlan & { share: number })[] {
  const height = (plan: PicturePlan) => balance(text, plan, captions(plan), contentWidth, m, true).height
  return compactCandidates(item.diagram!, contentWidth, side(item), hold !== undefined)
    .map((plan) => ({ ...plan, share: plan.width / contentWidth, height: height(plan) }))
    .sort((a, b) => a.height - b.height || b.share - a.share)
}

/** The width (pt) of the photo's column: a share of the card in compact, a fixed width otherwise (styles.ts figure). */
export const photoColumn = ({ s, layout, contentWidth }: CardProps) => {
  const width = s.figure.width
  return typeof width === 'number' ? width : cardWidth(layout, contentWidth) * (parseFloat(String(width)) / 100)
}

/** The layout's own sizes (styles.ts), for the column estimate. */
const metricsOf = (s: Styles) => ({
  body: Number(s.page.fontSize),
  caption: Number(s.caption.fontSize),
  marker: Number(s.stepNo.width),
  gutter: 12,
})
