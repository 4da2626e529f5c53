/**
 * Base positions place the body in the world (x to the right of a side view, y away from the viewer,
 * z up) and keep it on the floor: after the pose is applied, the body is lifted or lowered so its
 * lowest point touches z = 0, never floating or sinking. Views are orthographic projections that keep
 * the dropped coordinate as depth, so far limbs can be drawn behind and lighter.
 */
import { forwardKinematics, type JointName, type Joints, type Pose } from './skeleton'
import { compose, IDENTITY, rotY, rotZ, type Mat3, type Vec3 } from './vec'

export const basePositions = ['standing', 'supine', 'prone', 'side-lying-left', 'side-lying-right', 'sitting', 'half-kneeling', 'quadruped'] as const
export type BasePosition = (typeof basePositions)[number]

/** How the body frame (x forward, y left, z up) sits in the world for each base position. */
export const ORIENTATION: Record<BasePosition, Mat3> = {
  standing: IDENTITY,
  sitting: IDENTITY,
  'half-kneeling': IDENTITY,
  // Lying on the back, head to the left of the picture, facing up.
  supine: rotY(-90),
  // Lying on the front, head to the left, facing the floor.
  prone: compose(rotZ(180), rotY(90)),
  // Lying on one side (that side down), facing the viewer (-y): head to the right when lying on the
  // left side, to the left when lying on the right side. Columns are where the body's x, y, z axes go.
  'side-lying-left': [
    [0, 0, 1],
    [-1, 0, 0],
    [0, -1, 0],
  ],
  'side-lying-right': [
    [0, 0, -1],
    [-1, 0, 0],
    [0, 1, 0],
  ],
  // On hands and knees, head to the left.
  quadruped: compose(rotZ(180), rotY(90)),
}

/** Joint positions in the world with the lowest point on the floor. */
export function placeFigure(pose: Pose, base: BasePosition): Joints {
  const joints = forwardKinematics(pose, ORIENTATION[base])
  const floor = Math.min(...Object.values(joints).map((p) => p[2]))
  return Object.fromEntries(Object.entries(joints).map(([name, p]) => [name, [p[0], p[1], p[2] - floor] as Vec3])) as Joints
}

export type View = 'side' | 'front' | 'top'

export interface Projected {
  /** 2D position on the drawing (y grows upwards, as in the world). */
  x: number
  y: number
  /** Distance from the viewer: larger is further away. */
  depth: number
}

/** Orthographic projection: each view drops one world axis and keeps it as depth. */
export function project(joints: Joints, view: View): Record<JointName, Projected> {
  const to = ([x, y, z]: Vec3): Projected => (view === 'side' ? { x, y: z, depth: y } : view === 'front' ? { x: -y, y: z, depth: -x } : { x, y: -y, depth: -z })
  return Object.fromEntries(Object.entries(joints).map(([name, p]) => [name, to(p)])) as Record<JointName, Projected>
}
