/**
 * A movement as a patient reads it on paper: numbered frames side by side (or stacked), "1" the start and
 * "2" the end (three or four when the spec has more keyframes), each a complete solid figure with its props,
 * on one scale and one floor line, the arrow on the last frame. A pose held still (an isometric, a stretch)
 * is one frame with a stopwatch mark. A spec may ask for the older overlay (start ghosted under the end)
 * where that reads better, e.g. a small arc of one limb. A spec with a `detail` gets its zoomed inset beside the
 * frames, boxed.
 */
import type { Shape } from './body'
import { specPoses, type Figure } from './figure'
import { cachedFigure, memo } from './figure-cache'
import { badgeShapes, BADGE_RADIUS } from './badges'
import { insetFor } from './inset'
import { MIN_TRAVEL, resolvedViews, viewTravel, viewWords } from './visibility'
import { shapeBox, translateShape, unionBox, type Box } from './shape-geometry'
import { jointNames, type DiagramSpec, type View } from './spec'
import { INK, MIN_STROKE, SEPARATOR } from './style'

/** `setup`: the body barely moves (a shrug, a grip); one frame shows the position and the numbered close-up the movement. */
export type PanelKind = 'frames' | 'hold' | 'overlay' | 'setup'
export type Arrangement = 'row' | 'column'

export interface PanelFrame {
  /** Where the frame sits in the panel (drawing units). */
  x: number
  y: number
  width: number
  height: number
  /** 0-based keyframe drawn. */
  keyframe: number
}

export interface Panel {
  width: number
  height: number
  viewY: number
  shapes: Shape[]
  notes: string[]
  kind: PanelKind
  arrange: Arrangement
  frames: PanelFrame[]
  /** Where the view is seen from, in words ("From the side", "From behind"). */
  from: string
  /** The spec's words for each numbered step of this panel ("" where it has none). */
  labels: string[]
  /** What follows the last step (see DiagramSpec.cycle). */
  cycle: 'return' | 'walk'
}

export interface PanelOptions {
  side?: 'left' | 'right'
  arrange?: Arrangement
  /**
   * The end position is held (a stretch held 30 seconds, a bridge held 5): the last numbered frame, or the
   * close-up's end drawing, gets the stopwatch beside its number. Blind reviewers could not tell a stretch to
   * hold from a movement to repeat.
   */
  holdEnd?: boolean
}

/** Space around a frame's drawing, between frames, and the floor line's overhang (drawing units). */
const PAD = 6
const GAP = 10

const key = (pose: unknown) => JSON.stringify(pose, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))

/** Keyframes that differ from the one before (a repeated keyframe adds no frame). */
export function distinctKeyframes(spec: DiagramSpec): number[] {
  const { poses } = specPoses(spec)
  return poses.flatMap((p, i) => (i === 0 || key(p) !== key(poses[i - 1]) ? [i] : []))
}

export function panelKind(spec: DiagramSpec): PanelKind {
  if (distinctKeyframes(spec).length < 2) return 'hold'
  return spec.display === 'overlay' ? 'overlay' : 'frames'
}

interface Cropped {
  shapes: Shape[]
  box: Box
  floorY?: number
}

/** A frame's shapes without the canvas-wide floor line, and the box they take. */
function crop(figure: Figure): Cropped {
  const floor = figure.shapes.find((s) => s.role === 'floor')
  const shapes = figure.shapes.filter((s) => s !== floor)
  const box = unionBox(shapes.map(shapeBox))
  return { shapes, box, floorY: floor?.kind === 'line' ? floor.y1 : undefined }
}

const overlaps = (a: Box, b: Box) => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY

/** Panels are kept between renders (the live preview redraws the handout after every edit). */
export const panelFor: (spec: DiagramSpec, view: View, options?: PanelOptions) => Panel = memo(
  (spec: DiagramSpec, view: View, options: PanelOptions = {}) => drawPanel(spec, view, options),
)

function drawPanel(given: DiagramSpec, view: View, options: PanelOptions): Panel {
  const detailHere = given.detail !== undefined && view === resolvedViews(given)[0]
  const travel = panelKind(given) === 'hold' ? undefined : viewTravel(given, view)
  const kind: PanelKind = detailHere && travel && travel.most.share < MIN_TRAVEL ? 'setup' : panelKind(given)
  // A movement with no arrow chosen gets one on the part that travels furthest in this view.
  const named = travel
    ? jointNames.filter((n) => travel.joints[n] !== undefined).sort((a, b) => travel.joints[b] - travel.joints[a])[0]
    : undefined
  const spec: DiagramSpec = kind === 'frames' && !given.moving.length && named ? { ...given, moving: [named] } : given
  const base = { side: options.side, trim: true }
  const indices = kind === 'frames' ? distinctKeyframes(spec) : [kind === 'setup' ? 0 : spec.keyframes.length - 1]
  const figures = indices.map((i, n) =>
    kind === 'overlay'
      ? cachedFigure(spec, view, base)
      : cachedFigure(spec, view, { ...base, frame: i, arrow: kind === 'frames' && n === indices.length - 1 }),
  )
  const notes = figures[0]!.notes
  const parts = figures.map(crop)
  // One vertical extent for every frame, so the floor lines and the scale match.
  const top = Math.min(...parts.map((p) => p.box.minY)) - PAD
  const floorY = parts.find((p) => p.floorY !== undefined)?.floorY
  const bottom = Math.max(...parts.map((p) => p.box.maxY), floorY ?? -Infinity) + PAD / 2
  const badge = kind === 'overlay' || kind === 'setup' ? 0 : 2 * BADGE_RADIUS + 2
  const holdEnd = options.holdEnd === true && kind !== 'hold'
  const arrange = options.arrange ?? 'row'
  const shapes: Shape[] = []
  const frames: PanelFrame[] = []
  let cursor = 0
  parts.forEach((part, n) => {
    // The number goes in the frame's top-left corner; when the figure is there, the frame widens to make room.
    const stopwatch = holdEnd && kind === 'frames' && n === parts.length - 1
    const marks = stopwatch ? 2 * badge : badge
    const corner: Box = { minX: part.box.minX - PAD, minY: top, maxX: part.box.minX - PAD + marks, maxY: top + badge }
    const clash = badge > 0 && part.shapes.some((s) => s.role !== 'mat' && overlaps(shapeBox(s), corner))
    const left = part.box.minX - PAD - (clash ? marks : 0)
    const width = part.box.maxX + PAD - left
    const height = bottom - top
    const [ox, oy] = arrange === 'row' ? [cursor, 0] : [0, cursor]
    const dx = ox - left
    const dy = oy - top
    if (n > 0) {
      shapes.push(
        arrange === 'row'
          ? {
              kind: 'line',
              role: 'separator',
              x1: ox - GAP / 2,
              y1: oy + 2,
              x2: ox - GAP / 2,
              y2: oy + height - 2,
              ...SEPARATOR,
            }
          : { kind: 'line', role: 'separator', x1: 2, y1: oy - GAP / 2, x2: 0, y2: oy - GAP / 2, ...SEPARATOR },
      )
    }
    if (floorY !== undefined)
      shapes.push({
        kind: 'line',
        role: 'floor',
        x1: ox + 2,
        y1: floorY + dy,
        x2: ox + width - 2,
        y2: floorY + dy,
        fill: 'none',
        stroke: INK,
        strokeWidth: 1.5,
      })
    shapes.push(...part.shapes.map((s) => translateShape(s, dx, dy)))
    if (badge)
      shapes.push(...badgeShapes(kind === 'hold' ? 'hold' : n + 1, ox + 1 + BADGE_RADIUS, oy + 1 + BADGE_RADIUS))
    if (stopwatch) shapes.push(...badgeShapes('hold', ox + 1 + badge + BADGE_RADIUS, oy + 1 + BADGE_RADIUS))
    frames.push({ x: ox, y: oy, width, height, keyframe: indices[n]! })
    cursor += (arrange === 'row' ? width : height) + GAP
  })
  let width = arrange === 'row' ? cursor - GAP : Math.max(...frames.map((f) => f.width))
  let height = arrange === 'row' ? bottom - top : cursor - GAP
  // A zoomed detail of a small part (fingers, ankle, shoulder blades) goes beside the frames of the first view, boxed.
  const inset = detailHere ? insetFor(spec, options.side ? { side: options.side } : {}) : undefined
  if (inset) {
    const box = unionBox(inset.shapes.map(shapeBox))
    const [w, h] = [box.maxX - box.minX + 2 * PAD, box.maxY - box.minY + 2 * PAD]
    const ox = arrange === 'row' ? width + GAP : 0
    const oy = arrange === 'row' ? 0 : height + GAP
    shapes.push({ kind: 'path', role: 'detail box', d: `M${ox} ${oy}H${ox + w}V${oy + h}H${ox}Z`, ...SEPARATOR })
    // Drawn at the frames' scale, its lines get the same minimum width for print.
    shapes.push(
      ...inset.shapes.map((s) =>
        translateShape(
          { ...s, strokeWidth: Math.max(s.strokeWidth, MIN_STROKE) },
          ox + PAD - box.minX,
          oy + PAD - box.minY,
        ),
      ),
    )
    // When the close-up carries the movement, its start and end drawings are the numbered steps.
    if (kind === 'setup')
      shapes.push(
        ...badgeShapes(1, ox + 1 + BADGE_RADIUS, oy + 1 + BADGE_RADIUS),
        ...badgeShapes(2, ox + w / 2 + 1 + BADGE_RADIUS, oy + 1 + BADGE_RADIUS),
      )
    // One close-up per keyframe (ankle circles): each carries its frame's number, so the caption's words fit it.
    if (kind === 'frames' && (inset.drawings?.length ?? 0) > 2) {
      inset.drawings!.forEach((at, n) =>
        shapes.push(
          ...badgeShapes(
            n + 1,
            ox + PAD - box.minX + at.x + 1 + BADGE_RADIUS,
            oy + PAD - box.minY + at.y + 1 + BADGE_RADIUS,
          ),
        ),
      )
    }
    if (kind === 'setup' && holdEnd)
      shapes.push(...badgeShapes('hold', ox + w / 2 + 3 + 3 * BADGE_RADIUS, oy + 1 + BADGE_RADIUS))
    width = arrange === 'row' ? ox + w : Math.max(width, w)
    height = arrange === 'row' ? Math.max(height, h) : oy + h
  }
  // Column separators span the widest frame.
  for (const s of shapes) if (s.role === 'separator' && s.kind === 'line' && arrange === 'column') s.x2 = width - 2
  // The numbered steps are the frames, or for a close-up that carries the movement its start and end.
  const steps = kind === 'setup' ? [0, given.keyframes.length - 1] : indices
  // A held position is one frame: it takes whichever of its (equal) poses has words.
  // The single overlay picture takes the words of its start (the pale outline) and of its end (the arrow).
  const labels =
    kind === 'hold'
      ? [given.labels?.findLast(Boolean) ?? '']
      : kind === 'overlay'
        ? [given.labels?.[0] ?? '', given.labels?.[given.keyframes.length - 1] ?? '']
        : steps.map((i) => given.labels?.[i] ?? '')
  return {
    width,
    height,
    viewY: 0,
    shapes,
    notes,
    kind,
    arrange,
    frames,
    from: viewWords(given, view),
    labels,
    cycle: given.cycle ?? 'return',
  }
}

/** The arrangement that draws the panel largest inside a box of this shape (width / height). */
export function bestArrangement(
  spec: DiagramSpec,
  view: View,
  boxAspect: number,
  side?: 'left' | 'right',
  holdEnd?: boolean,
): Arrangement {
  const scaleIn = (p: Panel) => Math.min(boxAspect / p.width, 1 / p.height)
  const row = panelFor(spec, view, { side, arrange: 'row', holdEnd })
  if (row.frames.length < 2 && !row.shapes.some((s) => s.role === 'detail box')) return 'row'
  return scaleIn(panelFor(spec, view, { side, arrange: 'column', holdEnd })) > scaleIn(row) * 1.05 ? 'column' : 'row'
}

/**
 * A panel of numbered frames one above the other, cut into one panel per frame at the same scale (same width,
 * each frame's own height), or undefined when the panel is not such a column (one frame, frames side by side, a
 * close-up beside them, a held position or an outline). Large print lets a page break between the frames, so a
 * tall picture no longer leaves half a page empty before it.
 */
export function framePanels(panel: Panel): Panel[] | undefined {
  if (panel.kind !== 'frames' || panel.arrange !== 'column' || panel.frames.length < 2) return undefined
  if (panel.shapes.some((s) => s.role === 'detail box')) return undefined
  const owner = (shape: Shape) => {
    const box = shapeBox(shape)
    const middle = (box.minY + box.maxY) / 2
    return panel.frames.findIndex((f) => middle >= f.y && middle <= f.y + f.height)
  }
  const owners = panel.shapes.map((s) => (s.role === 'separator' ? -1 : owner(s)))
  // A shape in no frame (other than the lines between them) would be lost: keep the picture whole.
  if (owners.some((o, i) => o < 0 && panel.shapes[i]!.role !== 'separator')) return undefined
  return panel.frames.map((frame, n) => ({
    ...panel,
    viewY: panel.viewY + frame.y,
    height: frame.height,
    shapes: panel.shapes.filter((_, i) => owners[i] === n),
    frames: [frame],
    labels: [panel.labels[n] ?? ''],
  }))
}
