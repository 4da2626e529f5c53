import { Circle, Line, Path, Svg } from '@react-pdf/renderer'
import type { Drawing } from '../diagrams/figure'
import { svgElement } from '../diagrams/svg-elements'

const TAGS = { path: Path, circle: Circle, line: Line } as const

/** A figure drawn into the handout with react-pdf's SVG primitives (the same shapes as the app's SVG). */
export function FigurePdf({ figure, width }: { figure: Drawing; width: number }) {
  return (
    <Svg viewBox={`0 ${figure.viewY} ${figure.width} ${figure.height}`} style={{ width, height: (width * figure.height) / figure.width }}>
      {figure.shapes.map((shape, i) => {
        const { tag, attributes } = svgElement(shape)
        const Tag = TAGS[tag] as unknown as (props: Record<string, unknown>) => React.ReactElement
        return <Tag key={i} {...attributes} />
      })}
    </Svg>
  )
}
