import { Circle, Line, Path, Svg } from '@react-pdf/renderer'
import type { Shape } from '../../../../src/diagrams/body'
import type { Drawing } from '../../../../src/diagrams/figure'
import { svgElement } from '../../../../src/diagrams/svg-elements'

const TAGS = { path: Path, circle: Circle, line: Line } as const

/** No printed line is thinner than this (points): thinner ones fade on a photocopy. */
export const MIN_PRINTED_LINE = 1

/**
 * A shape's stroke width (drawing units) as printed at `scale` points per unit: at least MIN_PRINTED_LINE, so a
 * picture printed small (compact) keeps lines a patient can see. Unstroked shapes keep theirs.
 */
export function printedStrokeWidth(shape: Pick<Shape, 'stroke' | 'strokeWidth'>, scale: number): number {
  if (shape.stroke === 'none' || !(shape.strokeWidth > 0)) return shape.strokeWidth
  return Math.max(shape.strokeWidth, MIN_PRINTED_LINE / scale)
}

/** A figure drawn into the handout with react-pdf's SVG primitives (the same shapes as the app's SVG). */
export function FigurePdf({ figure, width }: { figure: Drawing; width: number }) {
  const scale = width / figure.width
  return (
    <Svg
      viewBox={`0 ${figure.viewY} ${figure.width} ${figure.height}`}
      style={{ width, height: (width * figure.height) / figure.width }}
    >
      {figure.shapes.map((shape, i) => {
        const { tag, attributes } = svgElement({ ...shape, strokeWidth: printedStrokeWidth(shape, scale) } as Shape)
        const Tag = TAGS[tag] as unknown as (props: Record<string, unknown>) => React.ReactElement
        return <Tag key={i} {...attributes} />
      })}
    </Svg>
  )
}
