/**
 * Base positions place the body in the world (x to the right of a side view, y away from the viewer,
 * z up) and keep it on the floor: after the pose is applied the body rests on its lowest surface
 * (joint positions minus the limb's thickness), never floating or sinking. Lying and four-point
 * positions also pivot on their second support (a bridge rests on shoulders and feet, quadruped on
 * hands and knees) when a limb would otherwise go through the floor.
 */
import { forwardKinematics, NEUTRAL, NEUTRAL_LIMB, type FigureJoint, type Joints, type LimbAngles, type Pose } from './skeleton'
import { basePositions, type BasePosition, type Keyframe } from './spec'
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
  supine: NEUTRAL,
  prone: { ...NEUTRAL, left: limb({ ankleDorsiflexion: -40 }), right: limb({ ankleDorsiflexion: -40 }) },
  sitting: { ...NEUTRAL, left: limb({ hipFlexion: 90, kneeFlexion: 90, shoulderFlexion: 20, elbowFlexion: 60 }), right: limb({ hipFlexion: 90, kneeFlexion: 90, shoulderFlexion: 20, elbowFlexion: 60 }) },
  'side-lying-left': { ...NEUTRAL, left: limb({ shoulderFlexion: 150, elbowFlexion: 130 }), right: limb({ shoulderFlexion: 35, elbowFlexion: 60 }) },
  'side-lying-right': { ...NEUTRAL, right: limb({ shoulderFlexion: 150, elbowFlexion: 130 }), left: limb({ shoulderFlexion: 35, elbowFlexion: 60 }) },
  'half-kneeling': { ...NEUTRAL, left: limb({ hipFlexion: 90, kneeFlexion: 90 }), right: limb({ hipFlexion: -10, kneeFlexion: 100 }) },
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
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
  return { ...b, ...defined(axial), left: { ...b.left, ...defined(left ?? {}) }, right: { ...b.right, ...defined(right ?? {}) } }
}

/** How far each joint's surface reaches beyond the joint centre (cm): what touches the floor. */
export const JOINT_RADIUS: Record<FigureJoint, number> = {
  pelvis: 12, waist: 11, chest: 13, neckBase: 5, headTop: 2, face: 2.5,
  leftHip: 8, rightHip: 8, leftKnee: 5.5, rightKnee: 5.5, leftAnkle: 5, rightAnkle: 5, leftToe: 2.5, rightToe: 2.5,
  leftShoulder: 5.5, rightShoulder: 5.5, leftElbow: 4, rightElbow: 4, leftWrist: 3, rightWrist: 3, leftHand: 2.5, rightHand: 2.5,
  leftThumb: 1.2, rightThumb: 1.2, leftBall: 2.5, rightBall: 2.5,
}
export const HEAD_RADIUS = 11

/** The head's centre: half-way along the head from the neck. */
export const headCentre = (j: Joints): Vec3 => [(j.neckBase[0] + j.headTop[0]) / 2, (j.neckBase[1] + j.headTop[1]) / 2, (j.neckBase[2] + j.headTop[2]) / 2]

const bottom = (j: Joints, names: readonly FigureJoint[]) => Math.min(...names.map((n) => j[n][2] - JOINT_RADIUS[n]))
const lowest = (j: Joints) => Math.min(bottom(j, Object.keys(j) as FigureJoint[]), headCentre(j)[2] - HEAD_RADIUS)

/** The part that pivots a lying or four-point body when it would go through the floor (a bridge's feet, the hands on all fours). */
const SUPPORTS: Partial<Record<BasePosition, { pivot: FigureJoint[] }>> = {
  supine: { pivot: ['leftAnkle', 'rightAnkle', 'leftToe', 'rightToe'] },
  quadruped: { pivot: ['leftWrist', 'rightWrist', 'leftHand', 'rightHand'] },
  // A front plank or press-up: on forearms or hands, the toes come down to the floor too.
  prone: { pivot: ['leftToe', 'rightToe'] },
}

/**
 * Standing, the body balances over its stance leg(s): the body is pitched so the mean hip-to-ankle line of the
 * legs bearing weight is vertical. A hip hinge then leans the trunk forward over straight legs, a squat puts the
 * hips back over the feet, and marching (stance leg straight) changes nothing.
 */
function uprightOverStance(joints: Joints): Joints {
  const feet = (['left', 'right'] as const).map((s) => ({ s, z: Math.min(joints[`${s}Ankle`][2] - JOINT_RADIUS[`${s}Ankle`], joints[`${s}Toe`][2] - JOINT_RADIUS[`${s}Toe`]) }))
  const low = Math.min(...feet.map((f) => f.z))
  const stance = feet.filter((f) => f.z - low < 3).map((f) => f.s)
  const dx = stance.reduce((sum, s) => sum + joints[`${s}Ankle`][0] - joints[`${s}Hip`][0], 0) / stance.length
  const dz = stance.reduce((sum, s) => sum + joints[`${s}Ankle`][2] - joints[`${s}Hip`][2], 0) / stance.length
  // The angle that brings (dx, dz) to straight down, about the left-right axis.
  const deg = (Math.atan2(dx, -dz) * 180) / Math.PI
  return Math.abs(deg) < 0.01 ? joints : turn(joints, rotY(deg))
}

const turn = (j: Joints, m: Mat3): Joints => Object.fromEntries(Object.entries(j).map(([n, p]) => [n, mul(m, p)])) as Joints

/** Joint positions in the world, resting on the floor (z = 0 is the floor). */
export function placeFigure(pose: Pose, base: BasePosition, options: { leaningOnWall?: boolean } = {}): Joints {
  let joints = forwardKinematics(pose, ORIENTATION[base])
  const support = SUPPORTS[base]
  if (support) {
    // Pivot about the left-right axis until the pivot part rests on the floor as well (never pulling a raised limb down).
    const others = (Object.keys(joints) as FigureJoint[]).filter((n) => !support.pivot.includes(n))
    const gap = (deg: number) => {
      const j = turn(joints, rotY(deg))
      return bottom(j, support.pivot) - Math.min(bottom(j, others), headCentre(j)[2] - HEAD_RADIUS)
    }
    if (gap(0) < -0.5) {
      let best = 0
      for (let step = 1; step <= 70; step++) {
        const found = [step, -step].find((d) => gap(d) >= 0)
        if (found !== undefined) {
          // Refine between the last angle below the floor and the first above it.
          let [lo, hi] = [found - Math.sign(found), found]
          for (let i = 0; i < 30; i++) {
            const mid = (lo + hi) / 2
            if (gap(mid) >= 0) hi = mid
            else lo = mid
          }
          best = hi
          break
        }
      }
      joints = turn(joints, rotY(best))
    }
  }
  // A back against a wall is held by it (a wall sit): no balancing over the feet.
  if (base === 'standing' && !options.leaningOnWall) joints = uprightOverStance(joints)
  // A whole-body lean tips the body forward as one piece, about the feet.
  if (base === 'standing' && pose.bodyLean) joints = turn(joints, rotY(pose.bodyLean))
  const floor = lowest(joints)
  return Object.fromEntries(Object.entries(joints).map(([name, p]) => [name, [p[0], p[1], p[2] - floor] as Vec3])) as Joints
}

/** The lowest surface of the figure (0 once placed). */
export const lowestSurface = lowest
