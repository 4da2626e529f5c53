import { createElement, type CSSProperties } from 'react'
import type { Drawing } from './figure'
import { svgElement } from './svg-elements'

/** A figure as an inline SVG for the app (library, builder, editor). */
export function FigureSvg({
  figure,
  title,
  style,
  className,
}: {
  figure: Drawing
  title: string
  style?: CSSProperties
  className?: string
}) {
  return (
    <svg
      viewBox={`0 ${figure.viewY} ${figure.width} ${figure.height}`}
      role="img"
      aria-label={title}
      style={style}
      className={className}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{title}</title>
      {figure.shapes.map((shape, i) => {
        const { tag, attributes } = svgElement(shape)
        return createElement(tag, { key: i, ...attributes })
      })}
    </svg>
  )
}
