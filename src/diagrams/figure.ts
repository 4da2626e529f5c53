/**
 * A diagram spec drawn in one view: keyframes resolved over the base position and clamped to
 * anatomical limits, placed on the floor (or a step), projected, and turned into flat shapes — floor
 * and props, the start pose ghosted, the end pose solid, a curved arrow along each moving joint's
 * path. The same shapes feed the screen (SVG) and the handout (react-pdf). Units are drawing units;
 * y grows downwards as in SVG.
 */
import { arrowShapes } from './arrow'
import { mapPath } from './shape-geometry'
import { bodyOutlines, bodyShapes, movingLimbs, type DrawPoint, type Mapper, type Shape } from './body'
import { placeFigure, resolvePose, JOINT_RADIUS, headCentre, HEAD_RADIUS, restingJoints } from './placement'
import { projectPoint } from './project'
import { bandAnchorPoint, PROP_REACH, propShapes, STEP_HEIGHT } from './props'
import { clampPose, type Joints, type Pose } from './skeleton'
import { jointNames, type DiagramSpec, type JointName, type View } from './spec'
import { CANVAS, INK, PROP, SCALE } from './style'
import type { Vec3 } from './vec'

export type { Shape }

/** How far above the floor the camera looks at a side-lying figure (degrees). */
export const SIDE_LYING_ELEVATION = 60

/** How far the camera is raised in this view: the spec's choice, or from above for a side-lying body seen from the side. */
export const elevationFor = (spec: DiagramSpec, view: View): number =>
  view === 'side' || view === 'front'
    ? (spec.elevation ?? (view === 'side' && spec.base.startsWith('side-lying') ? SIDE_LYING_ELEVATION : 0))
    : 0

/** What a renderer needs: the view box and the shapes (a figure, a panel of frames, a detail inset). */
export interface Drawing {
  width: number
  height: number
  viewY: number
  shapes: Shape[]
}

export interface Figure {
  width: number
  height: number
  /** Top of the drawing's view box: more than 0 when the empty space above a low figure is trimmed. */
  viewY: number
  shapes: Shape[]
  /** Angles that had to be brought inside their limits, in clinician words. */
  notes: string[]
  /** Where each joint of the solid pose is on the drawing (for dragging joints in the editor). */
  joints: Record<JointName, { x: number; y: number }>
  /** A detail inset's drawings: the top-left corner of each, one per keyframe shown (start first). */
  drawings?: { x: number; y: number }[]
}

export interface FigureOptions {
  /** Draw for this side: a spec made for the other side is mirrored. */
  side?: 'left' | 'right'
  width?: number
  height?: number
  /** Trim the empty canvas above and below the figure, keeping the scale (for handouts, where space counts). */
  trim?: boolean
  /** Draw only the pose this far through the movement (0 = start, 1 = end), without ghost or arrow: animation frames. */
  at?: number
  /**
   * Draw only this keyframe, solid, on the same scale and floor as the whole movement (a numbered frame of a
   * panel). The arrow is drawn only when `arrow` is set (on the last frame).
   */
  frame?: number
  arrow?: boolean
}

/** The side of the first moving joint that belongs to one side, if any. */
const movingSide = (moving: readonly JointName[]): 'left' | 'right' | undefined => {
  const sided = moving.find((j) => j.startsWith('left') || j.startsWith('right'))
  return sided ? (sided.startsWith('left') ? 'left' : 'right') : undefined
}

/** The spec's keyframes as full, clamped poses, with the notes for clamped angles. */
export function specPoses(spec: DiagramSpec): { poses: Pose[]; notes: string[] } {
  const results = spec.keyframes.map((k) => clampPose(resolvePose(spec.base, k)))
  return { poses: results.map((r) => r.pose), notes: [...new Set(results.flatMap((r) => r.notes))] }
}

/** Joint positions of a pose for this spec: on the floor, or standing on a step when one is under a foot. */
export function placeForSpec(spec: DiagramSpec, pose: Pose): Joints {
  const leaningOnWall = spec.props.some((p) => p.kind === 'wall' && ['pelvis', 'chest'].includes(p.at))
  const joints = placeFigure(pose, spec.base, { leaningOnWall })
  const step = spec.props.find((p) => p.kind === 'step')
  if (step?.kind === 'step' && joints[step.at][2] - JOINT_RADIUS[step.at] < 3) {
    for (const key of Object.keys(joints) as (keyof Joints)[])
      joints[key] = [joints[key][0], joints[key][1], joints[key][2] + STEP_HEIGHT]
  }
  return joints
}

const touching = (j: Joints) => restingJoints(j).filter((n) => j[n][2] - JOINT_RADIUS[n] < 1.5)

/**
 * Keeps planted parts planted: each later pose is slid along the floor so the parts that touched the
 * floor at the start and still do (feet in a sit-to-stand or a weight shift, the back in a bridge) stay
 * where they were, and the body moves over them.
 */
export function anchorToStart(first: Joints, later: Joints): Joints {
  const shared = touching(first).filter((n) => later[n][2] - JOINT_RADIUS[n] < 1.5)
  if (!shared.length) return later
  const mean = (j: Joints, axis: 0 | 1) => shared.reduce((sum, n) => sum + j[n][axis], 0) / shared.length
  const [dx, dy] = [mean(first, 0) - mean(later, 0), mean(first, 1) - mean(later, 1)]
  return Object.fromEntries(
    Object.entries(later).map(([n, p]) => [n, [p[0] + dx, p[1] + dy, p[2]]]),
  ) as unknown as Joints
}

const lerp = (a: Pose, b: Pose, t: number): Pose => {
  const mix = <T extends Record<string, unknown>>(x: T, y: T): T =>
    Object.fromEntries(
      Object.entries(x).map(([k, v]) => [
        k,
        typeof v === 'number'
          ? v + ((y[k] as number) - v) * t
          : mix(v as Record<string, unknown>, y[k] as Record<string, unknown>),
      ]),
    ) as T
  return mix(a, b)
}

/** Poses along the movement, start to end, for arrows and animation. */
export function motionPath(poses: readonly Pose[], stepsPerSegment = 10): Pose[] {
  const out: Pose[] = [poses[0]!]
  for (let i = 1; i < poses.length; i++)
    for (let s = 1; s <= stepsPerSegment; s++) out.push(lerp(poses[i - 1]!, poses[i]!, s / stepsPerSegment))
  return out
}

export function figureFor(spec: DiagramSpec, view: View, options: FigureOptions = {}): Figure {
  const width = options.width ?? CANVAS.width
  const height = options.height ?? CANVAS.height
  const { poses, notes } = specPoses(spec)
  const start = placeForSpec(spec, poses[0]!)
  const place = (p: Pose) => anchorToStart(start, placeForSpec(spec, p))
  const placed = poses.map(place)
  const end = placed.at(-1)!
  // Keep the working side nearest the viewer: look from the other side when it would be behind.
  const working = spec.side
  // The side nearest the viewer: the working side, or for a spec drawn for both sides the side of the part that
  // moves (a moving limb drawn grey behind the body was missed by reviewers).
  const near = working ?? movingSide(spec.moving)
  const otherSide =
    near !== undefined &&
    !spec.base.startsWith('side-lying') &&
    (view === 'side' || view === 'three-quarter') &&
    projectPoint(end[`${near}Hip`], view).depth > projectPoint(end.pelvis, view).depth + 1
  const elevation = elevationFor(spec, view)

  // One scale for every exercise (top views twice it); only figures that would not fit shrink.
  const path = spec.moving.length ? motionPath(poses).map(place) : []
  const xs = placed.flatMap((j) => Object.values(j).map((p) => p[0]))
  const matCorners: Vec3[] =
    elevation || view === 'three-quarter'
      ? (
          [
            [-45, -38],
            [45, -38],
            [45, 38],
            [-45, 38],
          ] as const
        ).map(([dx, y]) => [dx < 0 ? Math.min(...xs) + dx / 3 : Math.max(...xs) + dx / 3, y, 0])
      : []
  const everything = [...placed, ...path]
    .flatMap((j) => [
      ...Object.entries(j).map(([n, p]) => ({
        ...projectPoint(p, view, otherSide, elevation),
        r: JOINT_RADIUS[n as keyof Joints],
      })),
      { ...projectPoint(headCentre(j), view, otherSide, elevation), r: HEAD_RADIUS },
    ])
    .concat(
      matCorners.map((c) => ({ ...projectPoint(c, view, otherSide, elevation), r: 0 })),
      // Props reach beyond the joint they touch (a chair, a band's anchor): keep them on the canvas too.
      spec.props.flatMap((prop) => {
        // A band tied at a place in the room: that place (and the post under it) is on the canvas.
        const tied = prop.kind === 'band' ? bandAnchorPoint(prop, placed) : undefined
        if (tied)
          return [tied, [tied[0], tied[1], 0] as Vec3].map((p) => ({
            ...projectPoint(p, view, otherSide, elevation),
            r: 6,
          }))
        const at = 'at' in prop ? prop.at : 'from' in prop ? prop.from : undefined
        // A band reaches sideways to its anchor (or up, for an anchor above), not all round.
        const [rx, ry] =
          prop.kind === 'band'
            ? prop.anchor === 'above'
              ? [8, PROP_REACH.band]
              : [PROP_REACH.band, 8]
            : [PROP_REACH[prop.kind], PROP_REACH[prop.kind]]
        return at ? placed.map((j) => ({ ...projectPoint(j[at], view, otherSide, elevation), r: 0, rx, ry })) : []
      }),
    )
  const rx = (p: { r: number; rx?: number }) => p.rx ?? p.r
  const ry = (p: { r: number; ry?: number }) => p.ry ?? p.r
  const minX = Math.min(...everything.map((p) => p.x - rx(p))) - 6
  const maxX = Math.max(...everything.map((p) => p.x + rx(p))) + 6
  const minY =
    view === 'top' || view === 'three-quarter' || elevation ? Math.min(...everything.map((p) => p.y - ry(p))) - 6 : 0
  const maxY = Math.max(...everything.map((p) => p.y + ry(p))) + 8
  const room = {
    w: width - 2 * CANVAS.margin,
    h: height - CANVAS.margin - (view === 'top' ? CANVAS.margin : CANVAS.floorGap),
  }
  // Seen from above a body is small: top views get twice the scale so the movement still reads at 4 cm.
  const k = Math.min(
    SCALE * (view === 'top' ? 2 : 1) * (width / CANVAS.width),
    room.w / (maxX - minX),
    room.h / (maxY - minY),
  )
  const floorY = height - (view === 'top' ? CANVAS.margin : CANVAS.floorGap)
  const ox = (width - k * (maxX - minX)) / 2 - k * minX
  const oy = view === 'top' ? floorY - (room.h - k * (maxY - minY)) / 2 : floorY
  const map: Mapper = (p: Vec3): DrawPoint => {
    const q = projectPoint(p, view, otherSide, elevation)
    return { x: ox + q.x * k, y: oy - (q.y - minY) * k, depth: q.depth * k }
  }

  // The chair goes under the lowest-sitting keyframe in every frame (the start of a sit-to-stand), not under the one drawn.
  const seated = placed.reduce((a, b) => (b.pelvis[2] < a.pelvis[2] ? b : a))
  const keyframes = [...placed]
  if (options.at !== undefined) {
    // An animation frame: the pose part-way along the movement, in the same frame as the still picture.
    const frames = motionPath(poses, 20)
    const frame = frames[Math.round(Math.min(1, Math.max(0, options.at)) * (frames.length - 1))]!
    placed.splice(0, placed.length, place(frame))
  } else if (options.frame !== undefined) {
    const one = placed[Math.min(placed.length - 1, Math.max(0, Math.round(options.frame)))]!
    placed.splice(0, placed.length, one)
  }
  const current = placed.at(-1)!
  const shapes: Shape[] = []
  if (elevation || view === 'three-quarter') {
    // Seen from above, the floor is a plane: draw it as a mat under the body.
    const corners = matCorners.map(map)
    shapes.push({
      kind: 'path',
      role: 'mat',
      d: `M${corners.map((c) => `${c.x.toFixed(1)} ${c.y.toFixed(1)}`).join('L')}Z`,
      ...PROP,
      fill: '#efefef',
    })
  } else if (view !== 'top') {
    if (spec.props.some((p) => p.kind === 'mat')) {
      const xs = placed.flatMap((j) => Object.values(j).map((p) => map(p).x))
      shapes.push({
        kind: 'path',
        role: 'mat',
        d: `M${Math.min(...xs) - 10 * k} ${floorY - 3 * k}H${Math.max(...xs) + 10 * k}V${floorY}H${Math.min(...xs) - 10 * k}Z`,
        ...PROP,
      })
    }
    shapes.push({
      kind: 'line',
      role: 'floor',
      x1: CANVAS.margin / 2,
      y1: floorY,
      x2: width - CANVAS.margin / 2,
      y2: floorY,
      fill: 'none',
      stroke: INK,
      strokeWidth: 1.5,
    })
  }
  const facing = Math.sign(map(current.face).x - map(headCentre(current)).x) || 1
  // A push in a movement (a quad set: the knee presses down as the foot pulls up) belongs to the frame where it
  // happens, with the arrow: drawn on the start frame too, readers took the start for the press. A held push (an
  // isometric, every keyframe alike) is drawn in its one frame as before.
  const still = keyframes.every((j) =>
    (Object.keys(j) as (keyof Joints)[]).every(
      (n) => Math.hypot(...([0, 1, 2] as const).map((a) => j[n][a] - keyframes[0]![n][a])) < 0.5,
    ),
  )
  const pushHere = options.frame === undefined || options.arrow === true || still
  const props = propShapes(pushHere ? spec.props : spec.props.filter((p) => p.kind !== 'push'), {
    joints: current,
    seated,
    keyframes,
    map,
    scale: k,
    facing,
  })
  const chair =
    spec.base === 'sitting' &&
    !spec.props.some((p) => p.kind === 'chair') &&
    seated.pelvis[2] - JOINT_RADIUS.pelvis > 25
  if (chair) shapes.push(...propShapes([{ kind: 'chair' }], { joints: current, seated, map, scale: k, facing }).back)
  shapes.push(...props.back)
  // Each earlier pose is one pale outline: its parts in a single path (a quarter of the shapes to draw).
  placed.slice(0, -1).forEach((j) => {
    const parts = bodyShapes(j, map, k, true).filter((p): p is Extract<Shape, { kind: 'path' }> => p.kind === 'path')
    if (parts.length) shapes.push({ ...parts[0]!, role: 'ghost', d: parts.map((p) => p.d).join('') })
  })
  shapes.push(...bodyShapes(current, map, k, false, movingLimbs(spec.moving)))
  shapes.push(...props.front)
  if (options.at === undefined && (options.frame === undefined || options.arrow)) {
    // Asked to (`arrow: 'clear'`), the arrow keeps clear of the body drawn in this frame, above the floor and inside the
    // space the drawn poses take (so a picture does not grow for its arrow, and a handout's pages stay as they were).
    const drawn = keyframes.flatMap((j) => bodyOutlines(j, map, k)).flat()
    const bounds = {
      minX: Math.max(2, Math.min(...drawn.map((p) => p[0]))),
      minY: Math.max(2, Math.min(...drawn.map((p) => p[1]))),
      maxX: Math.min(width - 2, Math.max(...drawn.map((p) => p[0]))),
      maxY: view === 'top' ? height - 2 : floorY - 1.5,
    }
    const room = spec.arrow === 'clear' ? { outlines: bodyOutlines(current, map, k), bounds } : undefined
    shapes.push(...arrowShapes(spec.moving, path, map, k, spec.arrow === 'straight', room))
  }
  const mirrored = options.side !== undefined && working !== undefined && options.side !== working
  const joints = Object.fromEntries(
    jointNames.map((n) => {
      const p = map(current[n])
      return [n, { x: mirrored ? width - p.x : p.x, y: p.y }]
    }),
  ) as Figure['joints']
  // The drawing spans from the top of the tallest pose to the floor line (or the bottom of a top view).
  const top = Math.max(0, oy - (maxY - minY) * k - CANVAS.margin)
  const bottom = Math.min(height, (view === 'top' ? oy : Math.max(oy, floorY)) + CANVAS.margin / 2)
  const frame = options.trim ? { viewY: top, height: bottom - top } : { viewY: 0, height }
  return { width, ...frame, shapes: mirrored ? shapes.map((s) => mirror(s, width)) : shapes, notes, joints }
}

/** The same shape reflected left to right across the canvas. */
export function mirror(shape: Shape, width: number): Shape {
  switch (shape.kind) {
    case 'circle':
      return { ...shape, cx: width - shape.cx }
    case 'line':
      return { ...shape, x1: width - shape.x1, x2: width - shape.x2 }
    case 'path':
      return { ...shape, d: mirrorPath(shape.d, width) }
  }
}

/** Reflects a path left to right across the canvas (the shared path walker; diagrams write no arcs, whose sweep would flip). */
export function mirrorPath(d: string, width: number): string {
  return mapPath(d, (x, y) => [width - x, y])
}
