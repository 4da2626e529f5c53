/**
 * Base positions place the body in the world (x to the right of a side view, y away from the viewer,
 * z up) and keep it on the floor: after the pose is applied the body rests on its lowest surface
 * (joint positions minus the limb's thickness), never floating or sinking. Lying and four-point
 * positions also pivot on their second support (a bridge rests on shoulders, head and feet, quadruped on
 * hands and knees) when a limb would otherwise go through the floor, and a side-lying body settles onto
 * its lower hip (see pivot.ts).
 */
import { restingJoints } from './skeleton'
export { restingJoints }
import {
  forwardKinematics,
  NEUTRAL,
  NEUTRAL_LIMB,
  type FigureJoint,
  type Joints,
  type LimbAngles,
  type Pose,
} from './skeleton'
import { basePositions, type BasePosition, type Keyframe } from './spec'
import { bendDown, pivotOnto, settleOnto } from './pivot'
import { compose, IDENTITY, mul, rotY, rotZ, type Mat3, type Vec3 } from './vec'

export { basePositions, type BasePosition }

/** How the body frame (x forward, y left, z up) sits in the world for each base position. */
export const ORIENTATION: Record<BasePosition, Mat3> = {
  standing: IDENTITY,
  sitting: IDENTITY,
  'half-kneeling': IDENTITY,
  'tall-kneeling': IDENTITY,
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

const limb = (angles: Partial<LimbAngles>): LimbAngles => ({ ...NEUTRAL_LIMB, ...angles })

/** The pose each base position already has; a keyframe overrides single angles of it. */
export const BASE_POSE: Record<BasePosition, Pose> = {
  standing: NEUTRAL,
  // Lying face up the legs rest on the heels: the thighs slope down a little from the (thick) pelvis.
  supine: { ...NEUTRAL, left: limb({ hipFlexion: -5 }), right: limb({ hipFlexion: -5 }) },
  // Face down the thighs slope from the (thick) pelvis to knees resting on the floor, feet pointed.
  prone: {
    ...NEUTRAL,
    left: limb({ hipFlexion: 10, kneeFlexion: 10, ankleDorsiflexion: -40 }),
    right: limb({ hipFlexion: 10, kneeFlexion: 10, ankleDorsiflexion: -40 }),
  },
  sitting: {
    ...NEUTRAL,
    left: limb({ hipFlexion: 90, kneeFlexion: 90, shoulderFlexion: 20, elbowFlexion: 60 }),
    right: limb({ hipFlexion: 90, kneeFlexion: 90, shoulderFlexion: 20, elbowFlexion: 60 }),
  },
  // The lower arm lies on the floor under the head, which tips down onto it; the upper arm rests along the body;
  // the waist sags a little towards the floor so the lower hip rests as well as the (wider) shoulder.
  'side-lying-left': {
    ...NEUTRAL,
    trunkSideBend: 8,
    neckSideBend: -15,
    left: limb({ shoulderFlexion: 150, shoulderAbduction: 10, elbowFlexion: 130 }),
    right: limb({ shoulderFlexion: 15, elbowFlexion: 45 }),
  },
  'side-lying-right': {
    ...NEUTRAL,
    trunkSideBend: -8,
    neckSideBend: 15,
    right: limb({ shoulderFlexion: 150, shoulderAbduction: 10, elbowFlexion: 130 }),
    left: limb({ shoulderFlexion: 15, elbowFlexion: 45 }),
  },
  'half-kneeling': {
    ...NEUTRAL,
    left: limb({ hipFlexion: 90, kneeFlexion: 90 }),
    right: limb({ hipFlexion: -10, kneeFlexion: 100 }),
  },
  'tall-kneeling': { ...NEUTRAL, left: limb({ kneeFlexion: 110 }), right: limb({ kneeFlexion: 110 }) },
  quadruped: {
    ...NEUTRAL,
    left: limb({ hipFlexion: 90, kneeFlexion: 120, shoulderFlexion: 90, ankleDorsiflexion: -50, wristExtension: -70 }),
    right: limb({ hipFlexion: 90, kneeFlexion: 120, shoulderFlexion: 90, ankleDorsiflexion: -50, wristExtension: -70 }),
  },
}

/** A keyframe laid over its base position's pose. */
export function resolvePose(base: BasePosition, frame: Keyframe): Pose {
  const b = BASE_POSE[base]
  const { left, right, ...axial } = frame
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
  return {
    ...b,
    ...defined(axial),
    left: { ...b.left, ...defined(left ?? {}) },
    right: { ...b.right, ...defined(right ?? {}) },
  }
}

/** How far each joint's surface reaches beyond the joint centre (cm): what touches the floor. */
export const JOINT_RADIUS: Record<FigureJoint, number> = {
  pelvis: 12,
  waist: 11,
  chest: 13,
  neckBase: 5,
  headTop: 2,
  face: 2.5,
  leftHip: 8,
  rightHip: 8,
  leftKnee: 5.5,
  rightKnee: 5.5,
  leftAnkle: 5,
  rightAnkle: 5,
  leftToe: 2.5,
  rightToe: 2.5,
  leftShoulder: 5.5,
  rightShoulder: 5.5,
  leftElbow: 4,
  rightElbow: 4,
  leftWrist: 3,
  rightWrist: 3,
  leftHand: 2.5,
  rightHand: 2.5,
  leftThumb: 1.2,
  rightThumb: 1.2,
  leftBall: 2.5,
  rightBall: 2.5,
}
export const HEAD_RADIUS = 11

/** The head's centre: half-way along the head from the neck. */
export const headCentre = (j: Joints): Vec3 => [
  (j.neckBase[0] + j.headTop[0]) / 2,
  (j.neckBase[1] + j.headTop[1]) / 2,
  (j.neckBase[2] + j.headTop[2]) / 2,
]

const bottom = (j: Joints, names: readonly FigureJoint[]) => Math.min(...names.map((n) => j[n][2] - JOINT_RADIUS[n]))
const lowest = (j: Joints) => Math.min(bottom(j, restingJoints(j)), headCentre(j)[2] - HEAD_RADIUS)

/** The part that pivots a lying or four-point body when it would go through the floor (a bridge's feet, the hands on all fours). */
const SUPPORTS: Partial<Record<BasePosition, { pivot: FigureJoint[]; headFollows?: boolean }>> = {
  // A bridge: the neck bends so the head stays down with the shoulders instead of the body resting on the back of the head.
  supine: { pivot: ['leftAnkle', 'rightAnkle', 'leftToe', 'rightToe'], headFollows: true },
  quadruped: { pivot: ['leftWrist', 'rightWrist', 'leftHand', 'rightHand'] },
  // A front plank or press-up: on forearms or hands, the toes come down to the floor too.
  prone: { pivot: ['leftToe', 'rightToe'] },
}

/** Lying on a side, the shoulder is wider than the hip: the body tips down until the pelvis or legs rest as well. */
const LOWER_BODY: FigureJoint[] = [
  'pelvis',
  'waist',
  ...(['left', 'right'] as const).flatMap((s) =>
    (['Hip', 'Knee', 'Ankle', 'Toe'] as const).map((j) => `${s}${j}` as const),
  ),
]
const SETTLE: Partial<Record<BasePosition, FigureJoint[]>> = {
  'side-lying-left': LOWER_BODY,
  'side-lying-right': LOWER_BODY,
}

const SURFACES = { radius: JOINT_RADIUS, headRadius: HEAD_RADIUS, headCentre }

/**
 * Standing, the body balances over its stance leg(s): the body is pitched so the mean hip-to-ankle line of the
 * legs bearing weight is vertical. A hip hinge then leans the trunk forward over straight legs, a squat puts the
 * hips back over the feet, and marching (stance leg straight) changes nothing.
 */
function uprightOverStance(joints: Joints): Joints {
  const feet = (['left', 'right'] as const).map((s) => ({
    s,
    z: Math.min(joints[`${s}Ankle`][2] - JOINT_RADIUS[`${s}Ankle`], joints[`${s}Toe`][2] - JOINT_RADIUS[`${s}Toe`]),
  }))
  const low = Math.min(...feet.map((f) => f.z))
  const stance = feet.filter((f) => f.z - low < 3).map((f) => f.s)
  const dx = stance.reduce((sum, s) => sum + joints[`${s}Ankle`][0] - joints[`${s}Hip`][0], 0) / stance.length
  const dz = stance.reduce((sum, s) => sum + joints[`${s}Ankle`][2] - joints[`${s}Hip`][2], 0) / stance.length
  // The angle that brings (dx, dz) to straight down, about the left-right axis.
  const deg = (Math.atan2(dx, -dz) * 180) / Math.PI
  return Math.abs(deg) < 0.01 ? joints : turn(joints, rotY(deg))
}

const turn = (j: Joints, m: Mat3): Joints =>
  Object.fromEntries(Object.entries(j).map(([n, p]) => [n, mul(m, p)])) as Joints

/**
 * Lying face down with the feet pointed, the weight of the leg presses the ankle further down than it
 * bends actively: the tops of the feet lie on the floor instead of the toes propping up the legs.
 * Tucked toes (a plank) are left alone, so the body still pivots onto them.
 */
function pointedFeetFlat(joints: Joints, pose: Pose): Joints {
  const rest = restingJoints(joints).filter((n) => !/Toe$/.test(n))
  const floor = Math.min(bottom(joints, rest), headCentre(joints)[2] - HEAD_RADIUS)
  let j = joints
  for (const s of ['left', 'right'] as const)
    if (pose[s].ankleDorsiflexion < -20) j = bendDown(j, [`${s}Toe`], `${s}Ankle`, floor, SURFACES)
  return j
}

/** Joint positions in the world, resting on the floor (z = 0 is the floor). */
export function placeFigure(pose: Pose, base: BasePosition, options: { leaningOnWall?: boolean } = {}): Joints {
  let joints = forwardKinematics(pose, ORIENTATION[base])
  if (base === 'prone') joints = pointedFeetFlat(joints, pose)
  const support = SUPPORTS[base]
  if (support) joints = pivotOnto(joints, support.pivot, SURFACES, support.headFollows)
  const settle = SETTLE[base]
  if (settle) joints = settleOnto(joints, settle, SURFACES)
  // A back against a wall is held by it (a wall sit): no balancing over the feet.
  if (base === 'standing' && !options.leaningOnWall) joints = uprightOverStance(joints)
  // A whole-body lean tips the body forward as one piece, about the feet.
  if (base === 'standing' && pose.bodyLean) joints = turn(joints, rotY(pose.bodyLean))
  const floor = lowest(joints)
  return Object.fromEntries(
    Object.entries(joints).map(([name, p]) => [name, [p[0], p[1], p[2] - floor] as Vec3]),
  ) as Joints
}

/** The lowest surface of the figure (0 once placed). */
export const lowestSurface = lowest
