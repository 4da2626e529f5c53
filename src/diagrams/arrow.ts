/**
 * Motion arrows: a smooth curve along the path a moving joint takes from the start pose to the end
 * pose, set off to the outside of the curve so it does not cover the limb, ending in an arrowhead.
 */
import type { Mapper, Shape } from './body'
import { JOINT_RADIUS } from './placement'
import type { Joints } from './skeleton'
import type { JointName } from './spec'
import { ARROW, INK } from './style'

const f = (n: number) => Math.round(n * 10) / 10

/**
 * The shortest arrow drawn (drawing units, about a seventh of a standing figure's height): a joint that moves
 * only a little still gets an arrow a reader sees, straight along its direction of travel and centred on its path
 * (blind reviewers missed the 3-4 unit arrows that small movements used to get, and there was none at all below 6).
 */
export const MIN_ARROW = 24
const HEAD = 9

/** A filled arrowhead of this size whose tip sits a little past `end`, pointing along the unit vector (ux, uy). */
export function arrowheadPath(end: { x: number; y: number }, ux: number, uy: number, size: number): string {
  const tip = { x: end.x + ux * size * 0.6, y: end.y + uy * size * 0.6 }
  return `M${f(tip.x)} ${f(tip.y)}L${f(tip.x - ux * size - uy * size * 0.55)} ${f(tip.y - uy * size + ux * size * 0.55)}L${f(tip.x - ux * size + uy * size * 0.55)} ${f(tip.y - uy * size - ux * size * 0.55)}Z`
}

type Pt = { x: number; y: number }

/** What an arrow keeps clear of: the outlines of the drawn body (convex polygons) and the room it may use. */
export interface ArrowRoom {
  outlines: readonly (readonly [number, number][])[]
  /** The arrow stays inside this box (the canvas above the floor line). */
  bounds?: { minX: number; minY: number; maxX: number; maxY: number }
}

/** How far a point lies inside a convex polygon (negative outside: minus its distance to the outline). */
function depthIn(p: Pt, poly: readonly [number, number][]): number {
  let nearest = Infinity
  let sign = 0
  let inside = true
  for (let i = 0; i < poly.length; i++) {
    const [ax, ay] = poly[i]!
    const [bx, by] = poly[(i + 1) % poly.length]!
    const [ex, ey] = [bx - ax, by - ay]
    const cross = ex * (p.y - ay) - ey * (p.x - ax)
    const side = Math.sign(cross)
    if (side !== 0) {
      if (sign === 0) sign = side
      else if (side !== sign) inside = false
    }
    const l2 = ex * ex + ey * ey || 1
    const t = Math.max(0, Math.min(1, ((p.x - ax) * ex + (p.y - ay) * ey) / l2))
    nearest = Math.min(nearest, Math.hypot(p.x - ax - t * ex, p.y - ay - t * ey))
  }
  return inside ? nearest : -nearest
}

/** Points every 2 units along an arrow's line, and its head's tip and corners. */
function arrowSamples(line: readonly Pt[], ux: number, uy: number): Pt[] {
  const out: Pt[] = []
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1]!, line[i]!]
    const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 2))
    for (let s = 0; s <= n; s++) out.push({ x: a.x + ((b.x - a.x) * s) / n, y: a.y + ((b.y - a.y) * s) / n })
  }
  const end = line.at(-1)!
  const tip = { x: end.x + ux * HEAD * 0.6, y: end.y + uy * HEAD * 0.6 }
  const back = { x: tip.x - ux * HEAD, y: tip.y - uy * HEAD }
  out.push(
    tip,
    { x: back.x - uy * HEAD * 0.55, y: back.y + ux * HEAD * 0.55 },
    { x: back.x + uy * HEAD * 0.55, y: back.y - ux * HEAD * 0.55 },
  )
  return out
}

/** How many of an arrow's points fall on the body (within its halo) or outside the room. */
export function arrowClash(line: readonly Pt[], room: ArrowRoom): number {
  const a = line.at(-2)!
  const b = line.at(-1)!
  const l = Math.hypot(b.x - a.x, b.y - a.y) || 1
  const margin = ARROW.strokeWidth / 2 + 1.5
  const box = room.bounds
  return arrowSamples(line, (b.x - a.x) / l, (b.y - a.y) / l).filter(
    (p) =>
      (box && (p.x < box.minX || p.x > box.maxX || p.y < box.minY || p.y > box.maxY)) ||
      room.outlines.some((poly) => depthIn(p, poly) > -margin),
  ).length
}

/**
 * An arrow that would lie on the body (an arrowhead on the foot, a line inside the hip and arm) is moved into white
 * space: further out beside the path, to its other side, or ahead of or behind the part along its travel (below the
 * hips pointing up at them), whichever clear place is nearest. An arrow already clear stays where it is.
 */
export function clearOfBody(
  line: readonly Pt[],
  side: { nx: number; ny: number; gap: number; ux: number; uy: number },
  room: ArrowRoom,
): Pt[] {
  const clash = arrowClash(line, room)
  if (clash === 0) return [...line]
  let best = { line: [...line], clash, cost: 0 }
  for (const s of [1, -1]) {
    for (let extra = 0; extra <= 30; extra += 3) {
      for (const t of [0, 6, -6, 12, -12, 18, -18, 24, -24, 30, -30, 36, -36]) {
        const normal = s * (side.gap + extra) - side.gap
        const [dx, dy] = [side.nx * normal + side.ux * t, side.ny * normal + side.uy * t]
        const moved = line.map((p) => ({ x: p.x + dx, y: p.y + dy }))
        const c = arrowClash(moved, room)
        const cost = Math.hypot(dx, dy)
        if (c < best.clash || (c === best.clash && cost < best.cost)) best = { line: moved, clash: c, cost }
      }
    }
  }
  return best.line
}

export function arrowShapes(
  moving: readonly JointName[],
  path: readonly Joints[],
  map: Mapper,
  k: number,
  straight = false,
  room?: ArrowRoom,
): Shape[] {
  const shapes: Shape[] = []
  for (const joint of moving) {
    let points = path.map((j) => map(j[joint]))
    // A straight arrow (spec.arrow 'straight'): from the start to the end, with no curve between.
    if (straight && points.length > 2) points = [points[0]!, points.at(-1)!]
    // A head that turns or nods about its own centre hardly moves its top: the arrow follows the nose instead.
    const far = (ps: typeof points) => Math.hypot(ps.at(-1)!.x - ps[0]!.x, ps.at(-1)!.y - ps[0]!.y)
    if (joint === 'headTop' && far(points) < MIN_ARROW / 2) {
      const nose = path.map((j) => map(j.face))
      if (far(nose) > far(points)) points = nose
    }
    const first = points[0]!
    const last = points.at(-1)!
    const chord = Math.hypot(last.x - first.x, last.y - first.y)
    // How far the joint really travels: a circle (arm circles) comes back near where it began, so its chord is
    // short while its path is not; it keeps its curve instead of becoming a short straight arrow.
    const travelled = points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y), 0)
    if (travelled < 1.5) continue
    // Outside of the curve: from the chord's middle towards the path's middle; straight paths go to the left of travel.
    const middle = points[Math.floor(points.length / 2)]!
    let [nx, ny] = [middle.x - (first.x + last.x) / 2, middle.y - (first.y + last.y) / 2]
    let len = Math.hypot(nx, ny)
    if ((len < chord * 0.08 || points.length === 2) && chord >= 1e-6) {
      ;[nx, ny] = [(last.y - first.y) / chord, -(last.x - first.x) / chord]
      len = 1
    }
    if (len < 1e-6) [nx, ny, len] = [0, -1, 1]
    const gap = joint === 'waist' ? 0 : JOINT_RADIUS[joint] * k + 5
    const off = points.map((p) => ({ x: p.x + (nx / len) * gap, y: p.y + (ny / len) * gap }))
    // Trim both ends a little so the arrow sits beside the joint rather than on it; a short path becomes a
    // straight arrow of the shortest length, along the chord.
    const [ux, uy] = chord >= 1e-6 ? [(last.x - first.x) / chord, (last.y - first.y) / chord] : [1, 0]
    const mid = { x: (off[0]!.x + off.at(-1)!.x) / 2, y: (off[0]!.y + off.at(-1)!.y) / 2 }
    const half = MIN_ARROW / 2 - HEAD * 0.6
    let trimmed =
      travelled < MIN_ARROW
        ? [{ x: mid.x - ux * half, y: mid.y - uy * half }, mid, { x: mid.x + ux * half, y: mid.y + uy * half }]
        : off.slice(1, -1).length >= 2
          ? off.slice(1, off.length - 1)
          : off
    if (joint === 'waist') {
      // The back rounding up or sagging (a cat-camel, a pelvic tilt): the arrow comes from outside the body and ends
      // at the back's surface where it goes, pointing the way it moves; beside the waist it was lost in the thighs.
      const end = trimmed.at(-1)!
      const reach = JOINT_RADIUS.waist * k + HEAD * 0.6 + 1
      const [dx, dy] = [last.x - ux * reach - end.x, last.y - uy * reach - end.y]
      trimmed = trimmed.map((p) => ({ x: p.x + dx, y: p.y + dy }))
    } else if (room) {
      trimmed = clearOfBody(trimmed, { nx: nx / len, ny: ny / len, gap, ux, uy }, room)
    }
    const a = trimmed[0]!
    const b = trimmed.at(-1)!
    const before = trimmed.at(-2)!
    let d = `M${f(a.x)} ${f(a.y)}`
    for (let i = 1; i < trimmed.length - 1; i++) {
      const p = trimmed[i]!
      const q = trimmed[i + 1]!
      d += `Q${f(p.x)} ${f(p.y)} ${f((p.x + q.x) / 2)} ${f((p.y + q.y) / 2)}`
    }
    d += `L${f(b.x)} ${f(b.y)}`
    // A white halo under the line, so the arrow reads where it crosses a limb, a prop or the floor.
    shapes.push({
      kind: 'path',
      role: 'arrow halo',
      d,
      fill: 'none',
      stroke: '#ffffff',
      strokeWidth: ARROW.strokeWidth + 2.4,
    })
    shapes.push({ kind: 'path', role: 'arrow', d, ...ARROW })
    const dl = Math.hypot(b.x - before.x, b.y - before.y) || 1
    const [hx, hy] = [(b.x - before.x) / dl, (b.y - before.y) / dl]
    shapes.push({
      kind: 'path',
      role: 'arrowhead',
      fill: INK,
      stroke: INK,
      strokeWidth: 1.45,
      d: arrowheadPath(b, hx, hy, HEAD),
    })
  }
  return shapes
}
