/**
 * Detail insets: a zoomed panel of one small part (hand and fingers, wrist, forearm turning, ankle,
 * foot and toes, knee, neck, shoulder blades) for the exercises whose motion is too small to read in
 * the whole figure. Two solid drawings side by side, start on the left and end on the right, both at
 * one scale, with an arrow in the end drawing along the path of the part that moves; a spec of three or
 * four keyframes gets one drawing per keyframe, each with an arrow from the one before. A spec asks for
 * one with `detail`; the handout numbers the drawings.
 */
import { arrowheadPath } from './arrow'
import type { Shape } from './body'
import { anchorToStart, mirror, motionPath, placeForSpec, specPoses, type Figure } from './figure'
import { outline } from './hull'
import { ARM_PARTS } from './inset-arm'
import { AXIAL_PARTS } from './inset-axial'
import { LEG_PARTS } from './inset-leg'
import { view, type InsetContext, type InsetModel, type InsetTone, type PartModel } from './inset-model'
import type { Pose } from './skeleton'
import { jointNames, type DetailPart, type DiagramSpec } from './spec'
import { INK, type Paint } from './style'

/**
 * The inset's box (drawing units): at least `width` wide and at most `maxWidth`, at most `height` tall. The two
 * drawings are zoomed as far as the height allows, then widened up to `maxWidth` and cut to their content's height:
 * a fixed 160 x 180 box left a wrist or a chin tuck at a third of the room it had (reviewers: "the close-up is tiny").
 */
export const INSET = { width: 160, maxWidth: 220, height: 180, gap: 6, margin: 10, zoom: 9 } as const

/** Print-safe paints: no stroke thinner than 1.3 units or lighter than #767676. */
export const INSET_PAINT: Record<InsetTone | 'frame' | 'floor' | 'guide' | 'arrow', Paint> = {
  near: { fill: '#ffffff', stroke: INK, strokeWidth: 1.4 },
  far: { fill: '#cccccc', stroke: '#4a4a4a', strokeWidth: 1.3 },
  mark: { fill: '#3a3a3a', stroke: INK, strokeWidth: 1.3 },
  frame: { fill: 'none', stroke: '#767676', strokeWidth: 1.3 },
  floor: { fill: 'none', stroke: '#4a4a4a', strokeWidth: 1.3 },
  guide: { fill: 'none', stroke: '#767676', strokeWidth: 1.3, dash: '4 3' },
  arrow: { fill: 'none', stroke: INK, strokeWidth: 1.7 },
}

const PARTS: Record<DetailPart, PartModel> = { ...ARM_PARTS, ...LEG_PARTS, ...AXIAL_PARTS }

export interface InsetOptions {
  /** Draw for this side: each drawing of an inset made for the other side is mirrored in place. */
  side?: 'left' | 'right'
}

const f = (n: number) => Math.round(n * 10) / 10

/** The inset a spec asks for with `detail`, or undefined when it asks for none. */
export function insetFor(spec: DiagramSpec, options: InsetOptions = {}): Figure | undefined {
  if (!spec.detail) return undefined
  const side = spec.detail.side ?? spec.side ?? 'right'
  const { poses, notes } = specPoses(spec)
  const first = placeForSpec(spec, poses[0]!)
  const startJoints = first
  const context = (pose: Pose): InsetContext => ({
    spec,
    side,
    sign: side === 'left' ? 1 : -1,
    start: poses[0]!,
    end: poses.at(-1)!,
    joints: anchorToStart(first, placeForSpec(spec, pose)),
    startJoints,
  })
  const part = PARTS[spec.detail.part]
  const model = (pose: Pose) => part(pose, context(pose))
  // Two drawings, start and end; a longer sequence (ankle circles) gets one per keyframe, numbered like the frames,
  // each with an arrow from the pose before it, so the in and out of a circle each have their own close-up.
  const shown = poses.length > 2 ? poses.map((_, i) => i) : [0, poses.length - 1]
  const models = shown.map((i) => model(poses[i]!))
  const start = models[0]!
  const end = models.at(-1)!
  const pathFor = (n: number) =>
    (shown.length > 2 ? motionPath([poses[shown[n - 1]!]!, poses[shown[n]!]!], 8) : motionPath(poses, 8)).map((p) =>
      model(p),
    )
  const paths = models.map((_, n) => (n === 0 ? [] : pathFor(n)))
  const trackOf = (n: number) => paths[n]!.map((m) => view(models[n]!.camera, m.track))
  // Other moving points with an arrow of their own (each shoulder blade).
  const tracksOf = (n: number) =>
    (models[n]!.tracks ?? []).map((_, t) => paths[n]!.map((m) => view(models[n]!.camera, m.tracks![t]!)))
  const allTracks = models.flatMap((_, n) => (n === 0 ? [] : [trackOf(n), ...tracksOf(n)]))

  // One scale for every drawing: the largest fits its box, the tracks and floor included.
  const circles = models.flatMap((m) =>
    m.blobs.flatMap((b) => b.circles.map(([p, r]) => ({ ...view(m.camera, p), r }))),
  )
  const floor = start.floor ?? end.floor
  const ys = [
    ...circles.map((c) => c.y - c.r),
    ...circles.map((c) => c.y + c.r),
    ...allTracks.flat().map((t) => t.y),
    ...(floor === undefined ? [] : [floor]),
  ]
  const xs = [...circles.map((c) => c.x - c.r), ...circles.map((c) => c.x + c.r), ...allTracks.flat().map((t) => t.x)]
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  const [half, most] = [(INSET.width - INSET.gap) / 2, (INSET.maxWidth - INSET.gap) / 2]
  const k = Math.min(
    INSET.zoom,
    (most - 2 * INSET.margin) / (maxX - minX),
    (INSET.height - 2 * INSET.margin) / (maxY - minY),
  )
  const panel = {
    w: Math.max(half, f((maxX - minX) * k + 2 * INSET.margin)),
    h: Math.min(INSET.height, Math.max(90, (maxY - minY) * k + 2 * INSET.margin)),
  }
  // Three or four close-ups go in rows of two, so the picture keeps its width on a narrow handout column.
  const cols = Math.min(2, models.length)
  const cell = (i: number) => ({
    left: (i % cols) * (panel.w + INSET.gap),
    top: Math.floor(i / cols) * (panel.h + INSET.gap),
  })
  const mapper = (i: number) => {
    const { left, top } = cell(i)
    const ox = left + panel.w / 2 - (k * (minX + maxX)) / 2
    const oy = top + panel.h / 2 + (k * (minY + maxY)) / 2
    return (p: { x: number; y: number }) => ({ x: ox + p.x * k, y: oy - p.y * k })
  }
  const startAt = trackOf(1)[0]!
  const drawn = models.map((m, i) => {
    const map = mapper(i)
    const { left, top } = cell(i)
    const [x1, x2, y1, y2] = [f(left + 0.7), f(left + panel.w - 0.7), f(top + 0.7), f(top + panel.h - 0.7)]
    const shapes: Shape[] = [
      {
        kind: 'path',
        role: 'inset frame',
        d: `M${x1} ${y1}L${x2} ${y1}L${x2} ${y2}L${x1} ${y2}Z`,
        ...INSET_PAINT.frame,
      },
    ]
    if (m.floor !== undefined) {
      const y = f(map({ x: 0, y: m.floor }).y)
      shapes.push({
        kind: 'line',
        role: 'inset floor',
        x1: left + 4,
        y1: y,
        x2: left + panel.w - 4,
        y2: y,
        ...INSET_PAINT.floor,
      })
    }
    if (start.guide) {
      // Through the start position in every drawing, behind the part, so the others can be measured against it.
      const at = map(startAt)
      const line =
        start.guide === 'upright'
          ? { x1: f(at.x), y1: top + 6, x2: f(at.x), y2: top + panel.h - 6 }
          : { x1: left + 5, y1: f(at.y), x2: left + panel.w - 5, y2: f(at.y) }
      shapes.push({ kind: 'line', role: 'inset guide', ...line, ...INSET_PAINT.guide })
    }
    shapes.push(...blobShapes(m, map, k, i === 0 ? 'start' : i === models.length - 1 ? 'end' : `step${i + 1}`))
    if (i > 0) {
      const centres = m.blobs.flatMap((b) => b.circles.map(([p]) => map(view(m.camera, p))))
      const middle = {
        x: centres.reduce((s, c) => s + c.x, 0) / centres.length,
        y: centres.reduce((s, c) => s + c.y, 0) / centres.length,
      }
      for (const t of [trackOf(i), ...tracksOf(i)]) shapes.push(...insetArrow(t.map(map), middle))
    }
    return { shapes, centre: left + panel.w / 2, left, top }
  })
  const mirrored = options.side !== undefined && options.side !== side
  const shapes = drawn.flatMap((d) => (mirrored ? d.shapes.map((s) => mirror(s, 2 * d.centre)) : d.shapes))
  // Insets have nothing to drag: every joint is given as the middle of the end drawing.
  const centre = { x: drawn.at(-1)!.centre, y: drawn.at(-1)!.top + panel.h / 2 }
  const rows = Math.ceil(models.length / cols)
  return {
    width: cols * panel.w + (cols - 1) * INSET.gap,
    height: rows * panel.h + (rows - 1) * INSET.gap,
    viewY: 0,
    shapes,
    notes,
    drawings: drawn.map((d) => ({ x: d.left, y: d.top })),
    joints: Object.fromEntries(jointNames.map((n) => [n, centre])) as Figure['joints'],
  }
}

/** The model's blobs back to front, each a solid outline. */
function blobShapes(
  m: InsetModel,
  map: (p: { x: number; y: number }) => { x: number; y: number },
  k: number,
  which: string,
): Shape[] {
  return m.blobs
    .map((b, order) => {
      const points = b.circles.map(([p, r]) => ({ ...view(m.camera, p), r }))
      const depth = points.reduce((s, p) => s + p.depth, 0) / points.length + (b.bias ?? 0)
      const d = outline(points.map((p) => ({ ...map(p), r: p.r * k })))
      return {
        order,
        depth,
        shape: { kind: 'path' as const, role: `inset ${which} ${b.role}`, d, ...INSET_PAINT[b.tone] },
      }
    })
    .sort((a, b) => (Math.abs(b.depth - a.depth) < 0.3 ? a.order - b.order : b.depth - a.depth))
    .map((p) => p.shape)
}

/** The shortest arrow shaft drawn (units): shorter paths are stretched to it. */
const MIN_ARROW = 20

/**
 * A curved arrow beside the tracked point's path, to the outside of its curve (a straight path: on the
 * side away from `centre`, the middle of the drawing, so a mirrored drawing gets the mirrored arrow).
 */
export function insetArrow(given: readonly { x: number; y: number }[], centre: { x: number; y: number }): Shape[] {
  // A glide of a few units would be all arrowhead: a short path is stretched about its middle to a readable length.
  const [g0, g1] = [given[0]!, given.at(-1)!]
  const span = Math.hypot(g1.x - g0.x, g1.y - g0.y)
  const grow = span > 0.5 && span < MIN_ARROW ? MIN_ARROW / span : 1
  const mid = { x: (g0.x + g1.x) / 2, y: (g0.y + g1.y) / 2 }
  const points = given.map((p) => ({ x: mid.x + (p.x - mid.x) * grow, y: mid.y + (p.y - mid.y) * grow }))
  const first = points[0]!
  const last = points.at(-1)!
  const chord = Math.hypot(last.x - first.x, last.y - first.y) || 1
  const middle = points[Math.floor(points.length / 2)]!
  let [nx, ny] = [middle.x - (first.x + last.x) / 2, middle.y - (first.y + last.y) / 2]
  if (Math.hypot(nx, ny) < chord * 0.08) {
    ;[nx, ny] = [(last.y - first.y) / chord, -(last.x - first.x) / chord]
    if (nx * (middle.x - centre.x) + ny * (middle.y - centre.y) < 0) [nx, ny] = [-nx, -ny]
  }
  const len = Math.hypot(nx, ny) || 1
  const off = points.map((p) => ({ x: p.x + (nx / len) * 7, y: p.y + (ny / len) * 7 }))
  const a = off[0]!
  const b = off.at(-1)!
  let d = `M${f(a.x)} ${f(a.y)}`
  for (let i = 1; i < off.length - 1; i++)
    d += `Q${f(off[i]!.x)} ${f(off[i]!.y)} ${f((off[i]!.x + off[i + 1]!.x) / 2)} ${f((off[i]!.y + off[i + 1]!.y) / 2)}`
  d += `L${f(b.x)} ${f(b.y)}`
  const before = off.at(-2) ?? a
  const dl = Math.hypot(b.x - before.x, b.y - before.y) || 1
  const [ux, uy] = [(b.x - before.x) / dl, (b.y - before.y) / dl]
  const head = arrowheadPath(b, ux, uy, 7)
  return [
    { kind: 'path', role: 'inset arrow', d, ...INSET_PAINT.arrow },
    { kind: 'path', role: 'inset arrowhead', d: head, fill: INK, stroke: INK, strokeWidth: 1.3 },
  ]
}
