import { Text, View } from '@react-pdf/renderer'
import { cloneElement, type ReactElement } from 'react'
import { dosageLine } from '../../../../src/core/dosage-format'
import { framePanels } from '../../../../src/diagrams/panel'
import { frameCaptions } from './CardPicture'
import type { CardProps } from './card-layout'
import { Line } from './card-text'
import { cardElements } from './ExerciseCard'
import { FigurePdf } from './FigurePdf'

/**
 * A card with its picture above the text (large print, or any card taller than a page given `stack`) as the
 * blocks a page may break between (paginate.ts): the title with the picture, then each step, the dose, each tip
 * and caution (a list's label stays with its first line), the note. `continued` heads the card's part on the next
 * page ("Continued: …"): a page that began with a card's last steps did not say which exercise they belonged to.
 *
 * In large print a picture of frames one above the other comes as one piece per frame, each with its own line of
 * caption, the title with the first: `head` counts them. The page plan keeps them together unless that would leave
 * a page mostly empty (a 390 pt picture left an A4 page 54% blank). Undefined for a card with its picture beside
 * the text. `byFrame` false keeps the picture one piece, as react-pdf's own page breaking prints it.
 */
export function cardPieces(
  props: CardProps,
  byFrame = true,
): { pieces: ReactElement[]; continued: ReactElement; head: number } | undefined {
  const { item, s, index } = props
  const k = (name: string) => `card-${index}-${name}`
  const { t, dose, closing, title, continued, picture, above, under, plan, hold } = cardElements(props)
  if (!above || under) return undefined
  const head = { ...s.card, marginBottom: 0 }
  const list = (key: string, label: string, items: string[] | undefined, marker?: string) =>
    (items ?? []).map((text, i, all) => {
      const line = <Line text={text} i={i} count={all.length} s={s} marker={marker} />
      return (
        <View key={k(`${key}-${i}`)} wrap={false}>
          {i ? null : <Text style={s.label}>{label}</Text>}
          {line}
        </View>
      )
    })
  const only =
    byFrame && props.layout === 'large' && !item.image && !item.video && plan?.panels.length === 1
      ? plan.panels[0]
      : undefined
  const frames = only ? framePanels(only.panel) : undefined
  const words = only && frames ? frameCaptions(only.panel, hold, undefined, t) : []
  const width = only?.width ?? 0
  const pictured = frames
    ? frames.map((frame, n) => (
        <View key={k(`frame-${n}`)} style={n ? {} : head} wrap={false}>
          {n ? null : title()}
          <View style={[s.diagram, { width, marginTop: n ? 8 : 0, marginBottom: n === frames.length - 1 ? 6 : 0 }]}>
            <View style={s.diagramPanel}>
              <FigurePdf figure={frame} width={width} />
              <Text style={s.caption}>{words[n]}</Text>
            </View>
          </View>
        </View>
      ))
    : [
        <View key={k('head')} style={head} wrap={false}>
          {title()}
          {picture}
        </View>,
      ]
  const pieces = [
    ...pictured,
    ...list('step', t('card.howToDoIt'), item.steps),
    <View key={k('dose')} wrap={false}>
      <Text style={s.label}>{t('card.howMuch')}</Text>
      <Text style={s.dose}>{dose}</Text>
    </View>,
    ...(props.shorthand
      ? [
          <Text key={k('shorthand')} style={s.doseLine}>
            {dosageLine(item.dosage, t)}
          </Text>,
        ]
      : []),
    ...list('tips', t('card.tips'), item.cues, '•'),
    ...list('careful', t('card.careful'), item.cautions, '!'),
    ...(closing[2] ? [cloneElement(closing[2], { key: k('note') })] : []),
  ]
  // The card's space below goes with its last piece, as it would below the whole card.
  const last = pieces.length - 1
  pieces[last] = (
    <View key={`${pieces[last]!.key}-end`} style={{ marginBottom: s.card.marginBottom }} wrap={false}>
      {pieces[last]}
    </View>
  )
  return {
    pieces,
    head: pictured.length,
    continued: (
      <View key={k('continued')} style={head} wrap={false}>
        {continued}
      </View>
    ),
  }
}
