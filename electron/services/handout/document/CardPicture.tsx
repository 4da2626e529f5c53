import type { ReactNode } from 'react'
import { Text, View } from '@react-pdf/renderer'
import type { Panel } from '../../../../src/diagrams/panel'
import { FigurePdf } from './FigurePdf'
import type { PicturePlan } from './picture-size'
import type { makeStyles } from './styles'
import { VideoBlock } from './VideoBlock'

type Styles = ReturnType<typeof makeStyles>

/**
 * The words under a panel: what each number shows (with the spec's label, e.g. "1 Start: palm down"), that
 * the end is held for the prescribed time (`hold`, "30 seconds", the stopwatch there), and what comes after
 * the last step. Blind reviewers could not tell a movement to repeat from a position to keep, nor palm up from
 * palm down, from the drawing alone.
 */
export function panelCaption(panel: Panel, hold?: string): string {
  const steps = frameCaptions(panel, hold)
  if (panel.kind === 'hold' || panel.kind === 'overlay') return steps[0]!
  // With labels each step gets its own line; without, the short steps fit on one.
  const text = steps.join(panel.labels.some(Boolean) ? '\n' : '   ')
  return panel.kind === 'setup'
    ? `Get into this position. Close-up:${panel.labels.some(Boolean) ? '\n' : ' '}${text}`
    : text
}

/**
 * The caption's words for each numbered step ("1 Start: …", "2 Finish: …; hold 5 seconds, then back to 1"), one
 * string each, so a frame printed on its own (large print, framePanels) carries its own line; a held position or
 * an outline has one.
 */
export function frameCaptions(panel: Panel, hold?: string, count = panel.kind === 'setup' ? 2 : panel.frames.length) {
  const label = (n: number) => (panel.labels[n] ? `: ${panel.labels[n]}` : '')
  if (panel.kind === 'hold') {
    const what = panel.labels[0] ? `${panel.labels[0].replace(/^./, (c) => c.toUpperCase())}. ` : ''
    return [hold ? `${what}Hold this position for ${hold}.` : `${what}Hold this position.`]
  }
  if (panel.kind === 'overlay') {
    // Words for the start go after the outline, words for the end replace "the movement" (arm circles: "small circles forward").
    const [start, end] = panel.labels
    return [
      `Pale outline: where you start${start ? ` (${start})` : ''}. Arrow: ${end || 'the movement'}${hold ? `; hold the end ${hold}` : ''}${after(panel)}.`,
    ]
  }
  return Array.from({ length: count }, (_, n) => {
    const word = n === 0 ? 'Start' : n === count - 1 ? 'Finish' : 'Then'
    const end = n === count - 1 ? `${hold ? `${label(n) ? ';' : ':'} hold ${hold}` : ''}${after(panel)}` : ''
    return `${n + 1} ${word}${label(n)}${end}`
  })
}

const after = (panel: Panel) => (panel.cycle === 'walk' ? ', then step with the other foot' : ', then back to 1')

/** An exercise's diagram on the card, sized by its plan (see picture-size.ts), with a caption per view (named when there are two). */
/**
 * `video`: the clinic's video link, printed under the panels as a QR code and the link (VideoBlock).
 * `children`: parts of the card printed under the picture (tips, cautions), full column width.
 */
export function CardPicture({
  plan,
  s,
  hold,
  video,
  large = false,
  children,
}: {
  plan: PicturePlan
  s: Styles
  hold?: string
  video?: string
  large?: boolean
  children?: ReactNode
}) {
  const named = plan.panels.length > 1
  return (
    <View style={[s.diagram, { width: plan.width, marginRight: plan.placement === 'beside' ? 12 : 0 }]} wrap={false}>
      {plan.panels.map(({ view, panel, width }) => (
        <View key={view} style={s.diagramPanel}>
          {/* Two views are named (reviewers took two unnamed views for two exercises that disagree). */}
          {named ? <Text style={s.caption}>{panel.from}</Text> : null}
          <FigurePdf figure={panel} width={width} />
          <Text style={s.caption}>{panelCaption(panel, hold)}</Text>
        </View>
      ))}
      {video ? <VideoBlock url={video} width={plan.width} s={s} large={large} /> : null}
      {children ? <View style={{ alignSelf: 'stretch' }}>{children}</View> : null}
    </View>
  )
}
