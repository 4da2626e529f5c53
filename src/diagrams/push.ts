/**
 * The push of an isometric exercise: a bold straight arrow at the joint that presses, pointing where the
 * patient pushes, with two short bars across its tail that say "hold still, do not move". Directions are
 * the body's own (front of the chest, out from the midline, up to the ceiling), worked out from the
 * placed joints, so a push reads the same lying, sitting or standing. A push that points straight at or
 * away from the viewer is drawn as a circled dot (towards you) or a circled cross (away from you).
 */
import type { Mapper, Shape } from './body'
import { HEAD_RADIUS, headCentre, JOINT_RADIUS } from './placement'
import type { Joints } from './skeleton'
import { pushDirections, type Prop } from './spec'
import { INK, MIN_STROKE } from './style'
import { add, length, scale, sub, type Vec3 } from './vec'

export type PushDirection = (typeof pushDirections)[number]
export type PushProp = Extract<Prop, { kind: 'push' }>
type JointName = PushProp['at']

/** Arrow length and stroke (drawing units): bold enough for a black-and-white printer. */
export const PUSH_STYLE = { length: 20, stroke: 2.4, head: 7, bar: 9 } as const

const unit = (v: Vec3): Vec3 => scale(v, 1 / (length(v) || 1))
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
]
const f = (n: number) => Math.round(n * 10) / 10

/**
 * The push as a world direction. "Out" is away from the midline on the joint's own side; for a joint on
 * the midline (the head, the chest) it is towards the figure's right, and "in" towards its left.
 */
export function pushVector(j: Joints, at: JointName, toward: PushDirection): Vec3 {
  const left = unit(sub(j.leftShoulder, j.rightShoulder))
  const up = unit(sub(j.neckBase, j.pelvis))
  const front = unit(cross(left, up))
  const outward = at.startsWith('left') ? left : scale(left, -1)
  switch (toward) {
    case 'front':
      return front
    case 'behind':
      return scale(front, -1)
    case 'out':
      return outward
    case 'in':
      return scale(outward, -1)
    case 'up':
      return [0, 0, 1]
    case 'down':
      return [0, 0, -1]
  }
}

/** Where the push starts and the part's radius: the head pushes from its centre, other joints from themselves. */
const origin = (j: Joints, at: JointName): { p: Vec3; r: number } =>
  at === 'headTop' ? { p: headCentre(j), r: HEAD_RADIUS } : { p: j[at], r: JOINT_RADIUS[at] }

/** The push's direction on the drawing (unit vector, or null when it points along the line of sight). */
export function pushOnDrawing(push: PushProp, j: Joints, map: Mapper): { x: number; y: number } | null {
  const { p } = origin(j, push.at)
  const a = map(p)
  const b = map(add(p, scale(pushVector(j, push.at, push.toward), 10)))
  const len = Math.hypot(b.x - a.x, b.y - a.y)
  const full = Math.hypot(b.x - a.x, b.y - a.y, b.depth - a.depth)
  return len < 0.4 * full ? null : { x: (b.x - a.x) / len, y: (b.y - a.y) / len }
}

/**
 * `intoWall`: a wall (door frame) stands at the pushing part, on the side the push points to. The arrow then
 * comes from the other side and ends at the part, pressing it into the wall: drawn from the part outwards it
 * crossed the door edge and pointed away from it, and blind readers saw the palm with nothing to press on.
 */
export function pushShapes(push: PushProp, j: Joints, map: Mapper, k: number, intoWall = false): Shape[] {
  const { p, r } = origin(j, push.at)
  const c = map(p)
  const dir = pushOnDrawing(push, j, map)
  const ink = { fill: 'none', stroke: INK, strokeWidth: PUSH_STYLE.stroke }
  if (!dir) {
    // Along the line of sight: a circled dot comes towards the viewer, a circled cross goes away.
    const a = map(p)
    const b = map(add(p, pushVector(j, push.at, push.toward)))
    const s = 4.5
    const mark: Shape[] =
      b.depth < a.depth
        ? [{ kind: 'circle', role: 'push', cx: c.x, cy: c.y, r: 1.6, fill: INK, stroke: INK, strokeWidth: MIN_STROKE }]
        : [
            {
              kind: 'path',
              role: 'push',
              d: `M${f(c.x - s * 0.7)} ${f(c.y - s * 0.7)}L${f(c.x + s * 0.7)} ${f(c.y + s * 0.7)}M${f(c.x + s * 0.7)} ${f(c.y - s * 0.7)}L${f(c.x - s * 0.7)} ${f(c.y + s * 0.7)}`,
              ...ink,
              strokeWidth: 1.6,
            },
          ]
    return [
      { kind: 'circle', role: 'push', cx: c.x, cy: c.y, r: s + 1.5, fill: '#ffffff', stroke: INK, strokeWidth: 1.6 },
      ...mark,
    ]
  }
  const [ux, uy] = [dir.x, dir.y]
  const [nx, ny] = [-uy, ux]
  // The tail sits just off the part's surface and the head points where the patient pushes; a push down
  // (into the floor, a towel, a bed) comes from above and ends on the part, so it stays above the floor; a push
  // into a wall likewise ends on the part, from the side away from the wall.
  const gap = r * k + 3
  const start = push.toward === 'down' || intoWall ? -(gap + PUSH_STYLE.length) : gap
  const tail = { x: c.x + ux * start, y: c.y + uy * start }
  const tip = { x: tail.x + ux * PUSH_STYLE.length, y: tail.y + uy * PUSH_STYLE.length }
  const h = PUSH_STYLE.head
  const neck = { x: tip.x - ux * h, y: tip.y - uy * h }
  const shaft = `M${f(tail.x)} ${f(tail.y)}L${f(neck.x)} ${f(neck.y)}`
  const bars = [2, 5.5]
    .map((t) => {
      const m = { x: tail.x + ux * t, y: tail.y + uy * t }
      const w = PUSH_STYLE.bar / 2
      return `M${f(m.x - nx * w)} ${f(m.y - ny * w)}L${f(m.x + nx * w)} ${f(m.y + ny * w)}`
    })
    .join('')
  const head = `M${f(tip.x)} ${f(tip.y)}L${f(neck.x + nx * h * 0.6)} ${f(neck.y + ny * h * 0.6)}L${f(neck.x - nx * h * 0.6)} ${f(neck.y - ny * h * 0.6)}Z`
  return [
    // A white halo first, so the arrow reads over a wall, a limb or the floor.
    {
      kind: 'path',
      role: 'push halo',
      d: shaft + bars,
      fill: 'none',
      stroke: '#ffffff',
      strokeWidth: PUSH_STYLE.stroke + 2.4,
    },
    { kind: 'path', role: 'push', d: shaft + bars, ...ink },
    { kind: 'path', role: 'push head', d: head, fill: INK, stroke: INK, strokeWidth: MIN_STROKE },
  ]
}
