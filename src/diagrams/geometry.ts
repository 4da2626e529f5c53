/**
 * Turns a diagram (base position, view, start and end pose, the moving joint) into flat 2D shapes that
 * both renderers draw the same way: limbs as rounded bars (far side lighter, drawn first), the head,
 * the floor, the start pose ghosted, and a curved arrow for the movement. Units are drawing units;
 * y grows downwards as in SVG.
 */
import { placeFigure, project, type BasePosition, type View } from './placement'
import { SEGMENTS, type JointName, type Pose } from './skeleton'

export type Tone = 'near' | 'far' | 'ghost'
export type Shape =
  | { kind: 'limb'; x1: number; y1: number; x2: number; y2: number; width: number; tone: Tone }
  | { kind: 'head'; cx: number; cy: number; r: number; tone: Tone }
  | { kind: 'floor'; x1: number; x2: number; y: number }
  | { kind: 'arrow'; d: string; head: [number, number][] }

export interface Diagram {
  base: BasePosition
  view: View
  end: Pose
  start?: Pose
  /** The joint whose path the arrow follows (e.g. the top knee in a clamshell). */
  moving?: JointName
}

export interface Figure {
  width: number
  height: number
  shapes: Shape[]
}

/** Bar thickness of each bone, in centimetres (the trunk is the widest). */
const THICKNESS: Record<string, number> = { trunk: 13, neck: 5, thigh: 9, shank: 7, foot: 4, upperArm: 6, forearm: 5, girdle: 6 }

function thickness(a: JointName, b: JointName): number {
  const pair = `${a}-${b}`
  if (pair === 'pelvis-chest') return THICKNESS['trunk']!
  if (pair === 'chest-neckBase' || pair === 'neckBase-headTop') return THICKNESS['neck']!
  if (/Hip-.*Knee/.test(pair)) return THICKNESS['thigh']!
  if (/Knee-.*Ankle/.test(pair)) return THICKNESS['shank']!
  if (/Ankle-.*Toe/.test(pair)) return THICKNESS['foot']!
  if (/Shoulder-.*Elbow/.test(pair)) return THICKNESS['upperArm']!
  if (/Elbow-.*Wrist/.test(pair)) return THICKNESS['forearm']!
  return THICKNESS['girdle']!
}

const HEAD_RADIUS = 10

export function figureGeometry(diagram: Diagram, width = 240, height = 160, margin = 10): Figure {
  const poses = [...(diagram.start ? [{ pose: diagram.start, ghost: true }] : []), { pose: diagram.end, ghost: false }]
  const projected = poses.map(({ pose, ghost }) => ({ ghost, points: project(placeFigure(pose, diagram.base), diagram.view) }))
  const all = projected.flatMap((p) => Object.values(p.points))
  const pad = HEAD_RADIUS + 6
  const minX = Math.min(...all.map((p) => p.x)) - pad
  const maxX = Math.max(...all.map((p) => p.x)) + pad
  const minY = Math.min(0, ...all.map((p) => p.y)) - 2
  const maxY = Math.max(...all.map((p) => p.y)) + pad
  const k = Math.min((width - 2 * margin) / (maxX - minX), (height - 2 * margin) / (maxY - minY))
  const ox = (width - k * (maxX - minX)) / 2
  const oy = (height - k * (maxY - minY)) / 2
  const X = (x: number) => ox + (x - minX) * k
  const Y = (y: number) => height - (oy + (y - minY) * k)

  const shapes: Shape[] = [{ kind: 'floor', x1: margin / 2, x2: width - margin / 2, y: Y(0) }]
  for (const { ghost, points } of projected) {
    const mid = points.pelvis.depth
    const bars = SEGMENTS.map(([a, b]) => {
      const depth = (points[a].depth + points[b].depth) / 2
      return { a, b, depth, tone: (ghost ? 'ghost' : depth > mid + 1 ? 'far' : 'near') as Tone }
    }).sort((p, q) => q.depth - p.depth)
    for (const { a, b, tone } of bars) {
      shapes.push({ kind: 'limb', x1: X(points[a].x), y1: Y(points[a].y), x2: X(points[b].x), y2: Y(points[b].y), width: thickness(a, b) * k, tone })
    }
    const head = points.headTop
    const neck = points.neckBase
    const len = Math.hypot(head.x - neck.x, head.y - neck.y) || 1
    // The head sits at the end of the neck, its centre one radius back from the top.
    shapes.push({ kind: 'head', cx: X(head.x - ((head.x - neck.x) / len) * HEAD_RADIUS), cy: Y(head.y - ((head.y - neck.y) / len) * HEAD_RADIUS), r: HEAD_RADIUS * k, tone: ghost ? 'ghost' : 'near' })
  }
  if (diagram.start && diagram.moving) {
    const from = projected[0]!.points[diagram.moving]
    const to = projected.at(-1)!.points[diagram.moving]
    const [x1, y1, x2, y2] = [X(from.x), Y(from.y), X(to.x), Y(to.y)]
    const dx = x2 - x1
    const dy = y2 - y1
    const d = Math.hypot(dx, dy) || 1
    // A gentle curve, bulging to the outside of the movement, ending in an arrowhead.
    const cx = (x1 + x2) / 2 - (dy / d) * d * 0.25
    const cy = (y1 + y2) / 2 + (dx / d) * d * 0.25
    const ux = (x2 - cx) / (Math.hypot(x2 - cx, y2 - cy) || 1)
    const uy = (y2 - cy) / (Math.hypot(x2 - cx, y2 - cy) || 1)
    const size = Math.max(5, 6 * k)
    shapes.push({
      kind: 'arrow',
      d: `M${x1.toFixed(1)} ${y1.toFixed(1)} Q${cx.toFixed(1)} ${cy.toFixed(1)} ${x2.toFixed(1)} ${y2.toFixed(1)}`,
      head: [[x2, y2], [x2 - ux * size - uy * size * 0.5, y2 - uy * size + ux * size * 0.5], [x2 - ux * size + uy * size * 0.5, y2 - uy * size - ux * size * 0.5]],
    })
  }
  return { width, height, shapes }
}
