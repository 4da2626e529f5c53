import { createElement, useMemo, useRef, useState, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { dragTarget, solveDrag } from '../../diagrams/drag'
import { figureFor } from '../../diagrams/figure'
import { jointNames, type DiagramSpec, type JointName, type Keyframe } from '../../diagrams/spec'
import { svgElement } from '../../diagrams/svg-elements'
import { resolvedViews } from '../../diagrams/visibility'
import { FRAME_KEYS, JOINT_KEYS } from './words'

interface Props {
  spec: DiagramSpec
  frame: number
  onChange: (frame: Keyframe) => void
  height: number
}

/** The pose being edited, drawn solid, with a handle on every joint that can be dragged in this view. */
export function PoseCanvas({ spec, frame, onChange, height }: Props) {
  const { t, i18n } = useTranslation('library')
  const view = resolvedViews(spec)[0]!
  const figure = useMemo(() => figureFor(spec, view, { at: frame / (spec.keyframes.length - 1) }), [spec, view, frame])
  const handles = jointNames.filter((j) => dragTarget(view, j))
  const svg = useRef<SVGSVGElement>(null)
  const [dragging, setDragging] = useState<JointName>()
  const pending = useRef(false)

  const toDrawing = (e: PointerEvent) => {
    const box = svg.current!.getBoundingClientRect()
    return {
      x: ((e.clientX - box.left) / box.width) * figure.width,
      y: figure.viewY + ((e.clientY - box.top) / box.height) * figure.height,
    }
  }
  const move = (e: PointerEvent) => {
    if (!dragging || pending.current) return
    const pointer = toDrawing(e)
    pending.current = true
    // One solve per animation frame: the pointer moves faster than the figure needs redrawing.
    requestAnimationFrame(() => {
      pending.current = false
      const next = solveDrag(spec, frame, view, dragging, pointer)
      if (next && next !== spec.keyframes[frame]) onChange(next)
    })
  }

  return (
    <svg
      ref={svg}
      viewBox={`0 ${figure.viewY} ${figure.width} ${figure.height}`}
      role="img"
      aria-label={t('pose.canvas', { frame: t(FRAME_KEYS[frame === 0 ? 'start' : 'end']) })}
      style={{
        height,
        maxWidth: '100%',
        background: 'white',
        borderRadius: 6,
        touchAction: 'none',
        cursor: dragging ? 'grabbing' : 'default',
      }}
      onPointerMove={move}
      onPointerUp={() => setDragging(undefined)}
      onPointerLeave={() => setDragging(undefined)}
    >
      {figure.shapes.map((shape, i) => {
        const { tag, attributes } = svgElement(shape)
        return createElement(tag, { key: i, ...attributes })
      })}
      {handles.map((j) => (
        <circle
          key={j}
          cx={figure.joints[j].x}
          cy={figure.joints[j].y}
          r={4.5}
          fill="#0b6e79"
          fillOpacity={dragging === j ? 0.9 : 0.45}
          stroke="white"
          strokeWidth={1}
          style={{ cursor: 'grab' }}
          aria-label={t('pose.drag', { joint: t(JOINT_KEYS[j]) })}
          onPointerDown={(e) => {
            svg.current?.setPointerCapture?.(e.pointerId)
            setDragging(j)
          }}
        >
          <title>{t('pose.drag', { joint: t(JOINT_KEYS[j]).toLocaleLowerCase(i18n.language) })}</title>
        </circle>
      ))}
    </svg>
  )
}
