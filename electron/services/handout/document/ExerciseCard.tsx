import { Image, Text, View } from '@react-pdf/renderer'
import { dosageLine } from '../../../../src/core/dosage-format'
import {
  dosagePlain,
  itemTitle,
  pictureHold,
  positionWords,
  type HandoutItem,
} from '../../../../src/core/handout-model'
import { balance, partsUnderPicture, type CardText, type ColumnMetrics } from './card-balance'
import { CardPicture, panelCaption } from './CardPicture'
import { VideoBlock } from './VideoBlock'
import { cardWidth, compactCandidates, picturePlan, type PicturePlan } from './picture-size'
import type { Layout, makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/** One numbered (or marked) line of a list; two-digit numbers get a wider column ("10." ran into its text). */
export function Line({
  text,
  i,
  count,
  s,
  marker,
}: {
  text: string
  i: number
  count: number
  s: Styles
  marker?: string
}) {
  const wide = marker === undefined && count >= 10 ? { width: Number(s.stepNo.width) * 1.45 } : {}
  return (
    <View style={s.step}>
      <Text style={[s.stepNo, wide]}>{marker ?? `${i + 1}.`}</Text>
      <Text style={s.stepText}>{text}</Text>
    </View>
  )
}

function List({ label, items, s, marker }: { label?: string; items?: string[]; s: Styles; marker?: string }) {
  if (!items?.length) return null
  return (
    <View>
      {label ? <Text style={s.label}>{label}</Text> : null}
      {items.map((item, i) => (
        <Line key={i} text={item} i={i} count={items.length} s={s} marker={marker} />
      ))}
    </View>
  )
}

/** A label run into its sentences, one paragraph: "Tips: Keep … Only …". */
function RunIn({ label, items, s }: { label: string; items?: string[]; s: Styles }) {
  if (!items?.length) return null
  return (
    <Text style={s.runIn}>
      <Text style={{ fontWeight: 700 }}>{label}: </Text>
      {items.join(' ')}
    </Text>
  )
}

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
function cardLayout({ item, s, layout, contentWidth, shorthand = false }: CardProps) {
  const hold = pictureHold(item.dosage, item.diagram)
  const dose = dosagePlain(item.dosage)
  // Compact runs each label into its text ("Tips: …"), a line saved per part, so three cards fit a page.
  const compact = layout === 'compact'
  const text = {
    steps: item.steps,
    dose: shorthand ? [dose, dosageLine(item.dosage)] : [dose],
    tips: item.cues ?? [],
    cautions: item.cautions ?? [],
    note: item.notes,
    video: item.video,
  }
  const captions = (plan: PicturePlan) => plan.panels.map((p) => panelCaption(p.panel, hold))
  const ranked =
    !item.image && item.diagram && compact ? compactPlans(item, text, hold, contentWidth, metricsOf(s)) : []
  const plan =
    !item.image && item.diagram
      ? compact
        ? ranked[0]!
        : picturePlan(item.diagram, layout, contentWidth, side(item), hold !== undefined)
      : undefined
  // The closing parts that go under a picture beside the text, so the two columns come out about even (card-balance.ts).
  const under = plan
    ? partsUnderPicture(text, plan, captions(plan), cardWidth(layout, contentWidth), metricsOf(s), compact)
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

/** What a card prints, built once for the whole card (ExerciseCard) and for its pieces (cardPieces). */
export function cardElements(props: CardProps) {
  const { item, index, s } = props
  const estimated = cardLayout(props)
  const { hold, dose, compact } = estimated
  const start = item.position ? (positionWords[item.position] ?? item.position) : undefined
  const chosen =
    compact && props.share !== undefined && item.diagram
      ? estimated.ranked.find((p) => p.share === props.share)
      : undefined
  // `stack`: the picture above the text whatever its size, for a card taller than a page that breaks between its pieces.
  const stack = props.stack === true
  const plan =
    stack && estimated.plan
      ? { ...(chosen ?? estimated.plan), placement: 'above' as const }
      : (chosen ?? estimated.plan)
  const under = stack ? 0 : (props.under ?? estimated.under)
  const closing = [
    compact ? (
      <RunIn key="tips" label="Tips" items={item.cues} s={s} />
    ) : (
      <List key="tips" label="Tips" items={item.cues} s={s} marker="•" />
    ),
    compact ? (
      <RunIn key="careful" label="Be careful" items={item.cautions} s={s} />
    ) : (
      <List key="careful" label="Be careful" items={item.cautions} s={s} marker="!" />
    ),
    item.notes ? (
      <View key="note" style={s.note}>
        <Text>
          <Text style={{ fontWeight: 700 }}>From your therapist: </Text>
          {item.notes}
        </Text>
      </View>
    ) : null,
  ]
  const title = () => (
    <View style={s.cardTitle}>
      <Text style={s.number}>{index + 1}</Text>
      <Text style={s.name}>{itemTitle(item)}</Text>
    </View>
  )
  // On the next page, at body size and without the clinical name: enough to say whose steps these are, in little room.
  const continued = (
    <View style={s.cardTitle}>
      <Text style={s.number}>{index + 1}</Text>
      <Text style={[s.name, { fontSize: s.page.fontSize }]}>Continued: {item.title ?? item.name}</Text>
    </View>
  )
  const large = props.layout === 'large'
  const photo = item.image ? (
    <Image style={s.figureImage} src={item.image} />
  ) : (
    <Text style={s.figureText}>
      {start ? `Starting position:\n${start}` : 'Your therapist will show you this one.'}
    </Text>
  )
  const picture =
    !item.image && item.diagram ? (
      <CardPicture plan={plan!} s={s} hold={hold} video={item.video} large={large}>
        {under ? closing.slice(closing.length - under) : null}
      </CardPicture>
    ) : item.video ? (
      // The photo (or placeholder) and the video under it, in the photo's column.
      <View style={{ width: s.figure.width, marginRight: s.figure.marginRight, marginBottom: 6 }} wrap={false}>
        <View style={[s.figure, { width: '100%', marginRight: 0 }]}>{photo}</View>
        <VideoBlock url={item.video} width={photoColumn(props)} s={s} large={large} />
      </View>
    ) : (
      <View style={s.figure}>{photo}</View>
    )
  return {
    dose,
    compact,
    under,
    closing,
    title,
    continued,
    picture,
    plan,
    hold,
    above: stack || plan?.placement === 'above',
  }
}

export function ExerciseCard(props: CardProps) {
  const { item, s, breakable = false, startsPage = breakable } = props
  const { dose, compact, under, closing, title, picture, above } = cardElements(props)
  const shorthand = props.shorthand ?? false
  return (
    <View style={s.card} wrap={breakable} break={startsPage}>
      {above ? (
        // A card that breaks keeps its title with its picture: the title alone at the foot of a page read as lost.
        <View wrap={false}>
          {title()}
          {picture}
        </View>
      ) : (
        title()
      )}
      <View style={[s.cardBody, above ? { flexDirection: 'column' } : {}]}>
        {above ? null : picture}
        {/* Under a picture (a column) flex: 1 would collapse the text to no height; beside it, it takes the rest of the row. */}
        <View style={above ? {} : s.text}>
          <List label={compact ? undefined : 'How to do it'} items={item.steps} s={s} />
          {compact ? (
            <Text style={s.runIn}>
              <Text style={s.dose}>How much: </Text>
              <Text style={s.dose}>{dose}</Text>
            </Text>
          ) : (
            <View wrap={false}>
              <Text style={s.label}>How much</Text>
              <Text style={s.dose}>{dose}</Text>
            </View>
          )}
          {shorthand ? <Text style={s.doseLine}>{dosageLine(item.dosage)}</Text> : null}
          {closing.slice(0, closing.length - under)}
        </View>
      </View>
    </View>
  )
}

/** A compact card's pictures (COMPACT_SHARES), shortest card first by estimate; ties to the wider, larger drawing. */
function compactPlans(
  item: HandoutItem,
  text: CardText,
  hold: string | undefined,
  contentWidth: number,
  m: ColumnMetrics,
): (PicturePlan & { share: number })[] {
  const height = (plan: PicturePlan) =>
    balance(
      text,
      plan,
      plan.panels.map((p) => panelCaption(p.panel, hold)),
      contentWidth,
      m,
      true,
    ).height
  return compactCandidates(item.diagram!, contentWidth, side(item), hold !== undefined)
    .map((plan) => ({ ...plan, share: plan.width / contentWidth, height: height(plan) }))
    .sort((a, b) => a.height - b.height || b.share - a.share)
}

/** The width (pt) of the photo's column: a share of the card in compact, a fixed width otherwise (styles.ts figure). */
const photoColumn = ({ s, layout, contentWidth }: CardProps) => {
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
