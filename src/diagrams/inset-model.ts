/**
 * What a detail inset draws, before it is laid out: a few solid blobs (each the outline of circles in
 * 3D, like the mannequin's parts), a camera, the point whose path the arrow follows, and optionally a
 * floor height. Each part (inset-arm.ts, inset-leg.ts, inset-axial.ts) builds one of these per pose.
 */
import type { Joints, Pose } from './skeleton'
import type { DiagramSpec } from './spec'
import { mul, type Mat3, type Vec3 } from './vec'

export type InsetTone = 'near' | 'far' | 'mark'

export interface InsetBlob {
  role: string
  circles: [Vec3, number][]
  tone: InsetTone
  /** Added to the blob's depth when sorting back to front (negative draws it later, in front). */
  bias?: number
}

export interface InsetModel {
  blobs: InsetBlob[]
  /** The point the motion arrow follows. */
  track: Vec3
  /** More points that get an arrow of their own (the other shoulder blade: both move). */
  tracks?: Vec3[]
  /** Rows give the drawing's x, the depth (away from the viewer) and the drawing's y (up). A proper rotation. */
  camera: Mat3
  /** Height of the floor, drawn as a line under the part. */
  floor?: number
  /** A thin line through where the tracked point starts, upright or across, to measure a small glide against. */
  guide?: 'upright' | 'across'
}

export interface InsetContext {
  spec: DiagramSpec
  side: 'left' | 'right'
  sign: 1 | -1
  start: Pose
  end: Pose
  /** The pose's joints placed as in the whole figure (for parts drawn in place: neck, knee). */
  joints: Joints
  /** The start pose's joints, placed the same way (to measure, and enlarge, a small glide). */
  startJoints: Joints
}

export type PartModel = (pose: Pose, context: InsetContext) => InsetModel

export const view = (camera: Mat3, p: Vec3) => {
  const [x, depth, y] = mul(camera, p)
  return { x, y, depth }
}

export const blob = (role: string, circles: [Vec3, number][], tone: InsetTone = 'near', bias = 0): InsetBlob => ({
  role,
  circles,
  tone,
  bias,
})

/** A chain of capsules through points (a bent finger is two capsules, not the hull of three circles). */
export const chain = (role: string, points: [Vec3, number][], tone: InsetTone = 'near', bias = 0): InsetBlob[] =>
  points.slice(1).map((p, i) => blob(`${role} ${i + 1}`, [points[i]!, p], tone, bias))
