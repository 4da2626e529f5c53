/**
 * Dragging a joint in the picture: each draggable joint moves one angle of the joint above it, the one
 * that moves it in the plane of the view (the knee swings the hip's flexion in a side view, its abduction
 * in a front view). The new angle is the one that puts the joint closest to the pointer, found by a
 * coarse scan over the angle's range and a fine search around the best.
 */
import { figureFor } from './figure'
import { resolvePose } from './placement'
import { LIMITS } from './skeleton'
import type { AxialAngleName, DiagramSpec, JointName, Keyframe, LimbAngleName, View } from './spec'

export type DragTarget = { side: 'left' | 'right'; key: LimbAngleName } | { side?: undefined; key: AxialAngleName }

/** Seen from the side (straight or turned a quarter), a dragged joint bends the joint above it forward or back. */
const SAGITTAL: Partial<Record<string, LimbAngleName>> = {
  Knee: 'hipFlexion',
  Ankle: 'kneeFlexion',
  Toe: 'ankleDorsiflexion',
  Elbow: 'shoulderFlexion',
  Wrist: 'elbowFlexion',
  Hand: 'wristExtension',
}
const LIMB_BY_VIEW: Record<View, Partial<Record<string, LimbAngleName>>> = {
  side: SAGITTAL,
  'three-quarter': SAGITTAL,
  front: { Knee: 'hipAbduction', Ankle: 'hipAbduction', Elbow: 'shoulderAbduction', Wrist: 'elbowFlexion' },
  top: { Elbow: 'shoulderAbduction', Wrist: 'shoulderExternalRotation', Knee: 'hipAbduction' },
}
const AXIAL_BY_VIEW: Record<View, Partial<Record<JointName, AxialAngleName>>> = {
  side: { headTop: 'neckFlexion', chest: 'trunkFlexion' },
  'three-quarter': { headTop: 'neckFlexion', chest: 'trunkFlexion' },
  front: { headTop: 'neckSideBend', chest: 'trunkSideBend' },
  top: { headTop: 'neckRotation', chest: 'trunkRotation' },
}

/** The angle a drag on this joint changes in this view, if any. */
export function dragTarget(view: View, joint: JointName): DragTarget | undefined {
  const axial = AXIAL_BY_VIEW[view][joint]
  if (axial) return { key: axial }
  const m = /^(left|right)(.*)$/.exec(joint)
  const key = m ? LIMB_BY_VIEW[view][m[2]!] : undefined
  return m && key ? { side: m[1] as 'left' | 'right', key } : undefined
}

const withAngle = (frame: Keyframe, target: DragTarget, value: number): Keyframe =>
  target.side
    ? { ...frame, [target.side]: { ...frame[target.side], [target.key]: value } }
    : { ...frame, [target.key]: value }

/** The keyframe with the dragged joint's angle set so the joint lands as near the pointer as it can. */
export function solveDrag(
  spec: DiagramSpec,
  frameIndex: number,
  view: View,
  joint: JointName,
  pointer: { x: number; y: number },
  side?: 'left' | 'right',
): Keyframe | undefined {
  const target = dragTarget(view, joint)
  const frame = spec.keyframes[frameIndex]
  if (!target || !frame) return undefined
  const at = frameIndex / (spec.keyframes.length - 1)
  const distance = (value: number) => {
    const trial = {
      ...spec,
      keyframes: spec.keyframes.map((k, i) => (i === frameIndex ? withAngle(k, target, value) : k)),
    }
    const p = figureFor(trial, view, { at, side }).joints[joint]
    return Math.hypot(p.x - pointer.x, p.y - pointer.y)
  }
  const [lo, hi] = LIMITS[target.key]
  let best = lo
  let bestD = Infinity
  for (let v = lo; v <= hi; v += 10) {
    const d = distance(v)
    if (d < bestD) [best, bestD] = [v, d]
  }
  for (const step of [5, 2, 1]) {
    for (const v of [best - step, best + step]) {
      if (v < lo || v > hi) continue
      const d = distance(v)
      if (d < bestD) [best, bestD] = [v, d]
    }
  }
  const pose = resolvePose(spec.base, frame)
  const current = target.side ? pose[target.side][target.key] : pose[target.key]
  return best === current ? frame : withAngle(frame, target, best)
}
