import type { ReactNode } from 'react'
import { Text, View } from '@react-pdf/renderer'
import type { Panel } from '../../../../src/diagrams/panel'
import { FigurePdf } from './FigurePdf'
import { handoutT, type HandoutT } from '../../../../src/i18n'
import type { HandoutLanguage } from '../../../../src/core/languages'
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
export function panelCaption(panel: Panel, hold?: string, t: HandoutT = handoutT()): string {
  const steps = frameCaptions(panel, hold, undefined, t)
  if (panel.kind === 'hold' || panel.kind === 'overlay') return steps[0]!
  // With labels each step gets its own line; without, the short steps fit on one.
  const text = steps.join(panel.labels.some(Boolean) ? '\n' : '   ')
  return panel.kind === 'setup' ? `${t('picture.closeUp')}${panel.labels.some(Boolean) ? '\n' : ' '}${text}` : text
}

/**
 * The caption's words for each numbered step ("1 Start: …", "2 Finish: …; hold 5 seconds, then back to 1"), one
 * string each, so a frame printed on its own (large print, framePanels) carries its own line; a held position or
 * an outline has one.
 */
export function frameCaptions(
  panel: Panel,
  hold?: string,
  count = panel.kind === 'setup' ? 2 : panel.frames.length,
  t: HandoutT = handoutT(),
) {
  const label = (n: number) => (panel.labels[n] ? `: ${panel.labels[n]}` : '')
  if (panel.kind === 'hold') {
    const what = panel.labels[0] ? `${panel.labels[0].replace(/^./, (c) => c.toUpperCase())}. ` : ''
    return [`${what}${hold ? t('picture.holdFor', { hold }) : t('picture.hold')}`]
  }
  if (panel.kind === 'overlay') {
    // Words for the start go after the outline, words for the end replace "the movement" (arm circles: "small circles forward").
    const [start, end] = panel.labels
    return [
      `${t('picture.outline')}${start ? ` (${start})` : ''}. ${t('picture.arrow', { what: end || t('picture.theMovement') })}${hold ? t('picture.holdEnd', { hold }) : ''}${after(panel, t)}.`,
    ]
  }
  return Array.from({ length: count }, (_, n) => {
    const word = t(n === 0 ? 'picture.start' : n === count - 1 ? 'picture.finish' : 'picture.then')
    const end =
      n === count - 1
        ? `${hold ? `${label(n) ? ';' : ':'} ${t('picture.holdStep', { hold })}` : ''}${after(panel, t)}`
        : ''
    return `${n + 1} ${word}${label(n)}${end}`
  })
}

const after = (panel: Panel, t: HandoutT) => t(panel.cycle === 'walk' ? 'picture.otherFoot' : 'picture.backTo1')

/** The view's name over each of two views (src/diagrams names them in English). */
const VIEW_KEYS = {
  'From the side': 'picture.fromSide',
  'From above': 'picture.fromAbove',
  'From an angle': 'picture.fromAngle',
  'From the front': 'picture.fromFront',
  'From behind': 'picture.fromBehind',
} as const
const viewName = (from: string, t: HandoutT) =>
  from in VIEW_KEYS ? t(VIEW_KEYS[from as keyof typeof VIEW_KEYS]) : from

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
  language = 'en',
  children,
}: {
  plan: PicturePlan
  s: Styles
  hold?: string
  video?: string
  large?: boolean
  language?: HandoutLanguage
  children?: ReactNode
}) {
  const t = handoutT(language)
  const named = plan.panels.length > 1
  return (
    <View style={[s.diagram, { width: plan.width, marginRight: plan.placement === 'beside' ? 12 : 0 }]} wrap={false}>
      {plan.panels.map(({ view, panel, width }) => (
        <View key={view} style={s.diagramPanel}>
          {/* Two views are named (reviewers took two unnamed views for two exercises that disagree). */}
          {named ? <Text style={s.caption}>{viewName(panel.from, t)}</Text> : null}
          <FigurePdf figure={panel} width={width} />
          <Text style={s.caption}>{panelCaption(panel, hold, t)}</Text>
        </View>
      ))}
      {video ? <VideoBlock url={video} width={plan.width} s={s} large={large} language={language} /> : null}
      {children ? <View style={{ alignSelf: 'stretch' }}>{children}</View> : null}
    </View>
  )
}
