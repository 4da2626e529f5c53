import { Text, View } from '@react-pdf/renderer'
import type { Panel } from '../diagrams/panel'
import { FigurePdf } from './FigurePdf'
import type { PicturePlan } from './picture-size'
import type { makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/**
 * The words under a panel: what the numbers mean, or that the position is held; `hold` is the prescribed hold
 * ("30 seconds"), said at the end position (the stopwatch there).
 */
export function panelCaption(panel: Panel, hold?: string): string {
  const held = hold ? `: hold ${hold}` : ''
  if (panel.kind === 'hold') return hold ? `Hold this position for ${hold}.` : 'Hold this position.'
  if (panel.kind === 'setup') return `Get into this position. Close-up: 1 Start   2 Finish${held}`
  if (panel.kind === 'overlay') return `Pale outline: where you start. Arrow: the movement${hold ? `; hold the end ${hold}` : ''}.`
  const words = panel.frames.map((_, i) => `${i + 1} ${i === 0 ? 'Start' : i === panel.frames.length - 1 ? `Finish${held}` : 'Then'}`)
  return words.join('   ')
}

/** An exercise's diagram on the card, sized by its plan (see picture-size.ts), with a caption per view (named when there are two). */
export function CardPicture({ plan, s, hold }: { plan: PicturePlan; s: Styles; hold?: string }) {
  const named = plan.panels.length > 1
  return (
    <View style={[s.diagram, { width: plan.width, marginRight: plan.placement === 'beside' ? 12 : 0 }]}>
      {plan.panels.map(({ view, panel, width }) => (
        <View key={view} style={s.diagramPanel}>
          {/* Two views are named (reviewers took two unnamed views for two exercises that disagree). */}
          {named ? <Text style={s.caption}>{panel.from}</Text> : null}
          <FigurePdf figure={panel} width={width} />
          <Text style={s.caption}>{panelCaption(panel, hold)}</Text>
        </View>
      ))}
    </View>
  )
}
