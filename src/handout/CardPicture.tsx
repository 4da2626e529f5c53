import { Text, View } from '@react-pdf/renderer'
import type { Panel } from '../diagrams/panel'
import { FigurePdf } from './FigurePdf'
import type { PicturePlan } from './picture-size'
import type { makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/** The words under a panel: what the numbers mean, or that the position is held. */
export function panelCaption(panel: Panel): string {
  if (panel.kind === 'hold') return 'Hold this position.'
  if (panel.kind === 'setup') return 'Get into this position. Close-up: 1 Start   2 Finish'
  if (panel.kind === 'overlay') return 'Pale outline: where you start. Arrow: the movement.'
  const words = panel.frames.map((_, i) => `${i + 1} ${i === 0 ? 'Start' : i === panel.frames.length - 1 ? 'Finish' : 'Then'}`)
  return words.join('   ')
}

/** An exercise's diagram on the card, sized by its plan (see picture-size.ts), with a caption per view. */
export function CardPicture({ plan, s }: { plan: PicturePlan; s: Styles }) {
  return (
    <View style={[s.diagram, { width: plan.width, marginRight: plan.placement === 'beside' ? 12 : 0 }]}>
      {plan.panels.map(({ view, panel, width }) => (
        <View key={view} style={s.diagramPanel}>
          <FigurePdf figure={panel} width={width} />
          <Text style={s.caption}>{panelCaption(panel)}</Text>
        </View>
      ))}
    </View>
  )
}
