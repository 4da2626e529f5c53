/**
 * How well a view shows an exercise's movement, and the views chosen from that. Every joint is placed
 * as the figure draws it (on the floor, planted parts kept planted) in each keyframe, projected into
 * the view, and scaled as the figure would be on its canvas. A joint's travel is the longest distance
 * between two keyframes on the drawing, as a share of the frame's height (about 45 mm on a printed
 * handout), so one threshold reads the same for standing, sitting and lying figures.
 */
import { anchorToStart, elevationFor, placeForSpec, specPoses } from './figure'
import { HEAD_RADIUS, headCentre, JOINT_RADIUS } from './placement'
import { projectPoint, type Projected } from './project'
import type { FigureJoint, Joints } from './skeleton'
import { CANVAS, SCALE } from './style'
import type { DiagramSpec, View } from './spec'

/**
 * The least travel, as a share of the frame height, that still reads at print size: 5 % of a frame
 * 1.5–2 in tall is 1.9–2.5 mm on paper. Below that the start and end poses look alike.
 */
export const MIN_TRAVEL = 0.05

/** Views in the order they read best, when the body reads in them. */
export const CANDIDATE_VIEWS: readonly View[] = ['side', 'front', 'three-quarter', 'top']
/** A view shows the body when the line from the head to the feet keeps this share of its length in it. */
const READABLE = 0.6

/** A preferred view keeps its place unless a later one shows this much more of the movement (a quarter more). */
const PREFERENCE_MARGIN = 1.25

export interface ViewTravel {
  view: View
  /** Travel of each joint, as a share of the frame height. */
  joints: Record<FigureJoint, number>
  /** The joint that travels furthest, and how far. */
  most: { joint: FigureJoint; share: number }
}

/** The spec's keyframes as placed joints, later ones kept on the start pose's planted parts. */
export function placedKeyframes(spec: DiagramSpec): Joints[] {
  const { poses } = specPoses(spec)
  const start = placeForSpec(spec, poses[0]!)
  return poses.map((p, i) => (i === 0 ? start : anchorToStart(start, placeForSpec(spec, p))))
}

export { elevationFor }

/** Drawing units per centimetre for these poses in this view: the figure's scale, shrunk to fit the canvas. */
function drawingScale(
  projected: Record<FigureJoint, Projected>[],
  heads: Projected[],
  view: View,
  elevated: boolean,
): number {
  const points = projected
    .flatMap((p) => (Object.entries(p) as [FigureJoint, Projected][]).map(([n, q]) => ({ ...q, r: JOINT_RADIUS[n] })))
    .concat(heads.map((h) => ({ ...h, r: HEAD_RADIUS })))
  const width = Math.max(...points.map((p) => p.x + p.r)) - Math.min(...points.map((p) => p.x - p.r)) + 12
  const floorBased = view !== 'top' && view !== 'three-quarter' && !elevated
  const height =
    Math.max(...points.map((p) => p.y + p.r)) - (floorBased ? 0 : Math.min(...points.map((p) => p.y - p.r)) - 6) + 8
  const room = {
    w: CANVAS.width - 2 * CANVAS.margin,
    h: CANVAS.height - CANVAS.margin - (view === 'top' ? CANVAS.margin : CANVAS.floorGap),
  }
  return Math.min(SCALE * (view === 'top' ? 2 : 1), room.w / width, room.h / height)
}

const TRUNK: FigureJoint[] = ['pelvis', 'waist', 'chest', 'neckBase']

/** How much wider than its joints the trunk is drawn, seen from above (the shoulders, the hips). */
const TRUNK_SPREAD = 6

/** Seen from above, a joint under the trunk or head (a knee under a standing body) is hidden. */
function hiddenFromAbove(j: Joints, n: FigureJoint): boolean {
  const covers = [
    ...TRUNK.map((t) => ({ p: j[t], r: JOINT_RADIUS[t] + TRUNK_SPREAD })),
    { p: headCentre(j), r: HEAD_RADIUS },
  ]
  return covers.some(({ p, r }) => p[2] > j[n][2] + 5 && Math.hypot(p[0] - j[n][0], p[1] - j[n][1]) < r)
}

/** Whether the body reads in this view: its head-to-feet line is not seen end-on (a standing body from above, a lying one from its feet). */
export function bodyReads(spec: DiagramSpec, view: View, placed: Joints[] = placedKeyframes(spec)): boolean {
  const j = placed[0]!
  const feet = [0, 1, 2].map((i) => (j.leftAnkle[i]! + j.rightAnkle[i]!) / 2) as unknown as Joints['pelvis']
  const elevation = elevationFor(spec, view)
  const [a, b] = [projectPoint(j.headTop, view, false, elevation), projectPoint(feet, view, false, elevation)]
  return (
    Math.hypot(a.x - b.x, a.y - b.y) >=
    READABLE * Math.hypot(j.headTop[0] - feet[0], j.headTop[1] - feet[1], j.headTop[2] - feet[2])
  )
}

/** How far every joint travels in this view, between any two keyframes. */
export function viewTravel(spec: DiagramSpec, view: View, placed: Joints[] = placedKeyframes(spec)): ViewTravel {
  const elevation = elevationFor(spec, view)
  const projected = placed.map(
    (j) =>
      Object.fromEntries(
        (Object.entries(j) as [FigureJoint, Joints[FigureJoint]][]).map(([n, p]) => [
          n,
          projectPoint(p, view, false, elevation),
        ]),
      ) as Record<FigureJoint, Projected>,
  )
  const k = drawingScale(
    projected,
    placed.map((j) => projectPoint(headCentre(j), view, false, elevation)),
    view,
    elevation > 0,
  )
  const joints = Object.fromEntries(
    (Object.keys(placed[0]!) as FigureJoint[]).map((n) => {
      let most = 0
      for (let a = 0; a < projected.length; a++) {
        for (let b = a + 1; b < projected.length; b++) {
          if (view === 'top' && hiddenFromAbove(placed[a]!, n) && hiddenFromAbove(placed[b]!, n)) continue
          most = Math.max(
            most,
            Math.hypot(projected[a]![n].x - projected[b]![n].x, projected[a]![n].y - projected[b]![n].y),
          )
        }
      }
      return [n, (most * k) / CANVAS.height]
    }),
  ) as Record<FigureJoint, number>
  const [joint, share] = (Object.entries(joints) as [FigureJoint, number][]).reduce((a, b) => (b[1] > a[1] ? b : a))
  return { view, joints, most: { joint, share } }
}

/** True when every keyframe places every joint in the same spot: an isometric or a held position. */
export function isStatic(spec: DiagramSpec, placed: Joints[] = placedKeyframes(spec)): boolean {
  return placed.every((j) =>
    (Object.keys(j) as FigureJoint[]).every(
      (n) => Math.hypot(j[n][0] - placed[0]![n][0], j[n][1] - placed[0]![n][1], j[n][2] - placed[0]![n][2]) < 0.5,
    ),
  )
}

/**
 * The views that show the movement best while the body still reads: of the views in which the body
 * reads (side, front, three-quarter, top, in that order), the first that shows the movement clearly,
 * unless a later one shows a quarter more; a second view when a part that moves clearly is hidden in
 * the first but seen in another. A view in which the body does not read (a standing body from above) only
 * when no other shows the movement and it shows it twice as clearly as needed, and then after the side view. Held positions get a side view.
 */
export function chooseViews(spec: DiagramSpec): View[] {
  const placed = placedKeyframes(spec)
  if (isStatic(spec, placed)) return ['side']
  const travel = CANDIDATE_VIEWS.map((v) => viewTravel(spec, v, placed))
  const reads = travel.filter((t) => bodyReads(spec, t.view, placed))
  const best = Math.max(...reads.map((t) => t.most.share))
  if (best < MIN_TRAVEL) {
    const other = travel
      .filter((t) => !reads.includes(t) && t.most.share >= 2 * MIN_TRAVEL)
      .sort((a, b) => b.most.share - a.most.share)[0]
    if (other) return [...new Set<View>(['side', other.view])]
    return [reads.reduce((a, b) => (b.most.share > a.most.share * PREFERENCE_MARGIN ? b : a)).view]
  }
  // A person seen from above reads poorly on paper (blind reviewers could not tell lying from standing, or face up
  // from face down): another view that shows the movement clearly comes first, and a top view never comes alone.
  const around = reads.filter((t) => t.view !== 'top')
  const bestAround = Math.max(0, ...around.map((t) => t.most.share))
  const first =
    (bestAround >= MIN_TRAVEL
      ? around.find((t) => t.most.share >= MIN_TRAVEL && t.most.share * PREFERENCE_MARGIN >= bestAround)
      : undefined) ?? reads.find((t) => t.most.share >= MIN_TRAVEL && t.most.share * PREFERENCE_MARGIN >= best)!
  if (first.view === 'top' && around.length)
    return [around.reduce((a, b) => (b.most.share > a.most.share ? b : a)).view, 'top']
  // A part that moves clearly somewhere but not in the first view: show it in the view that shows it best.
  const hidden = (Object.keys(first.joints) as FigureJoint[]).filter(
    (n) => first.joints[n] < MIN_TRAVEL && reads.some((t) => t.joints[n] >= 2 * MIN_TRAVEL),
  )
  if (!hidden.length) return [first.view]
  const shows = (t: ViewTravel) => Math.max(...hidden.map((n) => t.joints[n]))
  const second = reads.filter((t) => t !== first).reduce((a, b) => (shows(b) > shows(a) ? b : a))
  return [first.view, second.view]
}

const chosen = new WeakMap<DiagramSpec, View[]>()

/** The views to draw: the spec's own list when it has one, otherwise the ones chosen by the movement. */
export function resolvedViews(spec: DiagramSpec): View[] {
  if (spec.views?.length) return spec.views
  let views = chosen.get(spec)
  if (!views) chosen.set(spec, (views = chooseViews(spec)))
  return views
}

/**
 * Where the camera is, in a patient's words, for naming the views of a picture drawn in two: a front view of a
 * body facing away (a four-point kneel seen from the feet) is "From behind".
 */
export function viewWords(spec: DiagramSpec, view: View): string {
  if (view === 'side') return 'From the side'
  if (view === 'top') return 'From above'
  if (view === 'three-quarter') return 'From an angle'
  const j = placedKeyframes(spec)[0]!
  const elevation = elevationFor(spec, view)
  return projectPoint(j.face, view, false, elevation).depth < projectPoint(headCentre(j), view, false, elevation).depth
    ? 'From the front'
    : 'From behind'
}
