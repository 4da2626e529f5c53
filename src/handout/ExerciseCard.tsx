import { Image, Text, View } from '@react-pdf/renderer'
import { dosageLine } from '../core/dosage-format'
import { dosagePlain, itemTitle, pictureHold, positionWords, type HandoutItem } from '../core/handout-model'
import { balance, partsUnderPicture, type CardText, type ColumnMetrics } from './card-balance'
import { CardPicture, panelCaption } from './CardPicture'
import { cardWidth, compactCandidates, picturePlan, type PicturePlan } from './picture-size'
import type { Layout, makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

function List({ label, items, s, marker }: { label?: string; items?: string[]; s: Styles; marker?: string }) {
  if (!items?.length) return null
  return (
    <View>
      {label ? <Text style={s.label}>{label}</Text> : null}
      {items.map((item, i) => (
        <View key={i} style={s.step}>
          <Text style={s.stepNo}>{marker ?? `${i + 1}.`}</Text>
          <Text style={s.stepText}>{item}</Text>
        </View>
      ))}
    </View>
  )
}

/** A label run into its sentences, one paragraph: "Tips: Keep … Only …". */
function RunIn({ label, items, s }: { label: string; items?: string[]; s: Styles }) {
  if (!items?.length) return null
  return <Text style={s.runIn}><Text style={{ fontWeight: 700 }}>{label}: </Text>{items.join(' ')}</Text>
}

/** The side to draw: the prescribed one when the program says left or right. */
const side = (item: HandoutItem) => (item.dosage.side === 'left' || item.dosage.side === 'right' ? item.dosage.side : undefined)

/**
 * One exercise, always in the same order: picture, steps, how much, tips, cautions, note. Never split across
 * pages, unless `breakable`: a card taller than a page cannot be kept whole, so it goes on over the next page
 * (and starts a page, unless `startsPage` is false because it is first on a page anyway).
 */
export function ExerciseCard(props: { item: HandoutItem; index: number; s: Styles; layout: Layout; contentWidth: number; breakable?: boolean; startsPage?: boolean; shorthand?: boolean }) {
  const { item, index, s, layout, contentWidth, breakable = false, startsPage = breakable, shorthand = false } = props
  const hold = pictureHold(item.dosage, item.diagram)
  const start = item.position ? positionWords[item.position] ?? item.position : undefined
  const dose = dosagePlain(item.dosage)
  // Compact runs each label into its text ("Tips: …"), a line saved per part, so three cards fit a page.
  const compact = layout === 'compact'
  const text = { steps: item.steps, dose: shorthand ? [dose, dosageLine(item.dosage)] : [dose], tips: item.cues ?? [], cautions: item.cautions ?? [], note: item.notes }
  const plan = !item.image && item.diagram ? (compact ? compactPlan(item, text, hold, contentWidth, metricsOf(s)) : picturePlan(item.diagram, layout, contentWidth, side(item), hold !== undefined)) : undefined
  // The closing parts that go under a picture beside the text, so the two columns come out about even (card-balance.ts).
  const under = plan ? partsUnderPicture(text, plan, plan.panels.map((p) => panelCaption(p.panel, hold)), cardWidth(layout, contentWidth), metricsOf(s), compact) : 0
  const closing = [
    compact ? <RunIn key="tips" label="Tips" items={item.cues} s={s} /> : <List key="tips" label="Tips" items={item.cues} s={s} marker="•" />,
    compact ? <RunIn key="careful" label="Be careful" items={item.cautions} s={s} /> : <List key="careful" label="Be careful" items={item.cautions} s={s} marker="!" />,
    item.notes ? (
      <View key="note" style={s.note}>
        <Text><Text style={{ fontWeight: 700 }}>From your therapist: </Text>{item.notes}</Text>
      </View>
    ) : null,
  ]
  const above = plan?.placement === 'above'
  const title = (
    <View style={s.cardTitle}>
      <Text style={s.number}>{index + 1}</Text>
      <Text style={s.name}>{itemTitle(item)}</Text>
    </View>
  )
  const picture = !item.image && item.diagram ? (
    <CardPicture plan={plan!} s={s} hold={hold}>{under ? closing.slice(closing.length - under) : null}</CardPicture>
  ) : (
    <View style={s.figure}>
      {item.image ? (
        <Image style={s.figureImage} src={item.image} />
      ) : (
        <Text style={s.figureText}>{start ? `Starting position:\n${start}` : 'Your therapist will show you this one.'}</Text>
      )}
    </View>
  )
  return (
    <View style={s.card} wrap={breakable} break={startsPage}>
      {above ? (
        // A card that breaks keeps its title with its picture: the title alone at the foot of a page read as lost.
        <View wrap={false}>
          {title}
          {picture}
        </View>
      ) : (
        title
      )}
      <View style={[s.cardBody, above ? { flexDirection: 'column' } : {}]}>
        {above ? null : picture}
        {/* Under a picture (a column) flex: 1 would collapse the text to no height; beside it, it takes the rest of the row. */}
        <View style={above ? {} : s.text}>
          <List label={compact ? undefined : 'How to do it'} items={item.steps} s={s} />
          {compact ? (
            <Text style={s.runIn}><Text style={s.dose}>How much: </Text><Text style={s.dose}>{dose}</Text></Text>
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

/** A compact card's picture at the column width (COMPACT_SHARES) that leaves the card shortest, by estimate. */
function compactPlan(item: HandoutItem, text: CardText, hold: string | undefined, contentWidth: number, m: ColumnMetrics): PicturePlan {
  const height = (plan: PicturePlan) => balance(text, plan, plan.panels.map((p) => panelCaption(p.panel, hold)), contentWidth, m, true).height
  // Ties go to the wider picture: it is the larger drawing for the same paper.
  return compactCandidates(item.diagram!, contentWidth, side(item), hold !== undefined).reduce((best, plan) => (height(plan) <= height(best) + 0.5 ? plan : best))
}

/** The layout's own sizes (styles.ts), for the column estimate. */
const metricsOf = (s: Styles) => ({ body: Number(s.page.fontSize), caption: Number(s.caption.fontSize), marker: Number(s.stepNo.width), gutter: 12 })
