/**
 * The one mapping from figure shapes to SVG elements and attributes. Both renderers (React DOM for the
 * app, @react-pdf for handouts) build their elements from this, so they draw identical shapes.
 */
import type { Shape } from './body'

export interface SvgElement {
  tag: 'path' | 'circle' | 'line'
  attributes: Record<string, string | number>
}

export function svgElement(shape: Shape): SvgElement {
  const paint: Record<string, string | number> = {
    fill: shape.fill,
    stroke: shape.stroke,
    strokeWidth: shape.strokeWidth,
    strokeLinejoin: 'round',
    strokeLinecap: 'round',
  }
  if (shape.dash) paint['strokeDasharray'] = shape.dash
  switch (shape.kind) {
    case 'path':
      return { tag: 'path', attributes: { d: shape.d, ...paint } }
    case 'circle':
      return { tag: 'circle', attributes: { cx: round(shape.cx), cy: round(shape.cy), r: round(shape.r), ...paint } }
    case 'line':
      return {
        tag: 'line',
        attributes: { x1: round(shape.x1), y1: round(shape.y1), x2: round(shape.x2), y2: round(shape.y2), ...paint },
      }
  }
}

const round = (n: number) => Math.round(n * 10) / 10
