/**
 * Motion arrows keep clear of the body: a PEMAT-P rater found arrowheads on top of the foot (reverse clamshells),
 * inside the hip and arm (bridges), over the other leg (prone hip extension) and behind the arm (kneeling hip
 * flexor stretch). An arrow that lies on the drawn body is moved to the nearest white space; one already clear stays.
 */
import { describe, expect, it } from 'vitest'
import { arrowClash, arrowShapes, clearOfBody, type ArrowRoom } from '../../src/diagrams/arrow'
import type { DrawPoint } from '../../src/diagrams/body'
import { forwardKinematics, NEUTRAL, type Joints } from '../../src/diagrams/skeleton'
import { figureFor } from '../../src/diagrams/figure'
import { loadBuiltinLibrary } from '../../electron/services/library/builtin'
import type { Vec3 } from '../../src/diagrams/vec'
import { resolvedViews } from '../../src/diagrams/visibility'

const map = (p: Vec3): DrawPoint => ({ x: p[0], y: -p[2], depth: p[1] })
const square = (x: number, y: number, r: number): [number, number][] => [
  [x - r, y - r],
  [x + r, y - r],
  [x + r, y + r],
  [x - r, y + r],
]
/** The knee rising 30 units straight up from (100, -40) to (100, -70) on the drawing. */
const rising: Joints[] = Array.from({ length: 11 }, (_, i) => ({
  ...forwardKinematics(NEUTRAL),
  rightKnee: [100, 0, 40 + 3 * i] as Vec3,
}))
const arrowLine = (shapes: ReturnType<typeof arrowShapes>) => {
  const line = shapes.find((s) => s.role === 'arrow')
  if (line?.kind !== 'path') throw new Error('no arrow')
  const n = (line.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number)
  return n.flatMap((_, i) => (i % 2 === 0 ? [{ x: n[i]!, y: n[i + 1]! }] : []))
}

describe('motion arrows clear of the body', () => {
  it('leaves an arrow that is already clear where it was', () => {
    const free = arrowShapes(['rightKnee'], rising, map, 1)
    const room: ArrowRoom = { outlines: [square(300, 0, 10)] }
    expect(arrowShapes(['rightKnee'], rising, map, 1, false, room)).toEqual(free)
  })

  it('moves an arrow lying on a body part into white space, and keeps it pointing the same way', () => {
    const free = arrowLine(arrowShapes(['rightKnee'], rising, map, 1))
    // A body part right over the arrow's usual place.
    const cx = free.reduce((s, p) => s + p.x, 0) / free.length
    const cy = free.reduce((s, p) => s + p.y, 0) / free.length
    const room: ArrowRoom = { outlines: [square(cx, cy, 8)] }
    expect(arrowClash(free, room)).toBeGreaterThan(0)
    const moved = arrowLine(arrowShapes(['rightKnee'], rising, map, 1, false, room))
    expect(arrowClash(moved, room)).toBe(0)
    // Still an upward arrow.
    expect(moved.at(-1)!.y).toBeLessThan(moved[0]!.y - 10)
  })

  it('keeps the arrow inside its room (above the floor line)', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 0, y: -20 },
    ]
    // The body covers the arrow; the floor is just below it, so it may not go down past y = 2.
    const room: ArrowRoom = { outlines: [square(0, -10, 12)], bounds: { minX: -100, minY: -100, maxX: 100, maxY: 2 } }
    const moved = clearOfBody(line, { nx: -1, ny: 0, gap: 5, ux: 0, uy: -1 }, room)
    expect(arrowClash(moved, room)).toBe(0)
    expect(Math.max(...moved.map((p) => p.y))).toBeLessThanOrEqual(2)
  })

  it('draws the arrows of the handout exercises the rater marked down off the body', async () => {
    const library = await loadBuiltinLibrary('resources/library/exercises')
    for (const id of ['reverse-clamshells', 'clamshells', 'bridges', 'prone-hip-extension', 'hip-flexor-stretch']) {
      const spec = library.exercises.find((e) => e.id === id)?.diagram
      if (!spec) throw new Error(`no diagram for ${id}`)
      const figure = figureFor(spec, resolvedViews(spec)[0]!, { frame: spec.keyframes.length - 1, arrow: true })
      const line = arrowLine(figure.shapes)
      // Every point of the arrow and its head is off the body's drawn parts (their outlines are convex polygons).
      const outlines = figure.shapes.flatMap((s) => {
        if (
          s.kind !== 'path' ||
          !/thigh|shank|foot|arm|hand|pelvis|chest|neck|head/.test(s.role) ||
          /^(ghost|arrow)/.test(s.role)
        )
          return []
        const n = (s.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number)
        return [n.flatMap((_, i) => (i % 2 === 0 ? [[n[i]!, n[i + 1]!] as [number, number]] : []))]
      })
      expect(outlines.length, id).toBeGreaterThan(10)
      expect(arrowClash(line, { outlines }), `${id}: the arrow lies on the body`).toBe(0)
    }
  })
})
