/**
 * The figure's skeleton: joints, bone lengths (cm, an adult of about 170 cm) and joint angles in the
 * terms a clinician uses, with anatomical limits. Forward kinematics turns a pose into 3D joint
 * positions; everything else (base position, views, drawing) builds on that.
 */
import { add, compose, IDENTITY, mul, rotX, rotY, rotZ, scale, type Mat3, type Vec3 } from './vec'

export type Side = 'left' | 'right'

/** One side's limb angles, degrees. Positive = the named motion (flexion, abduction, external rotation). */
export interface LimbAngles {
  hipFlexion: number
  hipAbduction: number
  hipExternalRotation: number
  kneeFlexion: number
  ankleDorsiflexion: number
  shoulderFlexion: number
  shoulderAbduction: number
  elbowFlexion: number
}

export interface Pose {
  left: LimbAngles
  right: LimbAngles
  trunkFlexion: number
  trunkSideBend: number
  trunkRotation: number
  neckFlexion: number
}

export const NEUTRAL_LIMB: LimbAngles = {
  hipFlexion: 0, hipAbduction: 0, hipExternalRotation: 0, kneeFlexion: 0, ankleDorsiflexion: 0,
  shoulderFlexion: 0, shoulderAbduction: 0, elbowFlexion: 0,
}
export const NEUTRAL: Pose = { left: NEUTRAL_LIMB, right: NEUTRAL_LIMB, trunkFlexion: 0, trunkSideBend: 0, trunkRotation: 0, neckFlexion: 0 }

/** Usual active ranges (degrees) for adults; poses are clamped to them. */
export const LIMITS: { [K in keyof LimbAngles]: [number, number] } & Record<'trunkFlexion' | 'trunkSideBend' | 'trunkRotation' | 'neckFlexion', [number, number]> = {
  hipFlexion: [-30, 125],
  hipAbduction: [-30, 50],
  hipExternalRotation: [-45, 60],
  kneeFlexion: [0, 145],
  ankleDorsiflexion: [-50, 25],
  shoulderFlexion: [-60, 180],
  shoulderAbduction: [-30, 180],
  elbowFlexion: [0, 150],
  trunkFlexion: [-30, 90],
  trunkSideBend: [-35, 35],
  trunkRotation: [-45, 45],
  neckFlexion: [-60, 60],
}

/** Segment lengths in centimetres. */
export const BONES = {
  pelvisHalfWidth: 9, lumbar: 20, thoracic: 28, neck: 10, head: 22, shoulderHalfWidth: 19,
  upperArm: 30, forearm: 26, thigh: 44, shank: 43, foot: 20,
} as const

export type JointName =
  | 'pelvis' | 'chest' | 'neckBase' | 'headTop'
  | `${Side}Hip` | `${Side}Knee` | `${Side}Ankle` | `${Side}Toe`
  | `${Side}Shoulder` | `${Side}Elbow` | `${Side}Wrist`

export type Joints = Record<JointName, Vec3>

/** The pose with every angle inside its limit, plus a note for each that had to be changed. */
export function clampPose(pose: Pose): { pose: Pose; notes: string[] } {
  const notes: string[] = []
  const clamp = (name: string, key: keyof typeof LIMITS, value: number) => {
    const [lo, hi] = LIMITS[key]
    const v = Math.min(hi, Math.max(lo, value))
    if (v !== value) notes.push(`${name}: ${value}° is outside ${lo}° to ${hi}°; drawn at ${v}°.`)
    return v
  }
  const limb = (side: Side, angles: LimbAngles): LimbAngles =>
    Object.fromEntries(Object.entries(angles).map(([k, v]) => [k, clamp(`${side === 'left' ? 'Left' : 'Right'} ${k}`, k as keyof LimbAngles, v)])) as unknown as LimbAngles
  return {
    pose: {
      left: limb('left', pose.left),
      right: limb('right', pose.right),
      trunkFlexion: clamp('Trunk flexion', 'trunkFlexion', pose.trunkFlexion),
      trunkSideBend: clamp('Trunk side-bend', 'trunkSideBend', pose.trunkSideBend),
      trunkRotation: clamp('Trunk rotation', 'trunkRotation', pose.trunkRotation),
      neckFlexion: clamp('Neck flexion', 'neckFlexion', pose.neckFlexion),
    },
    notes,
  }
}

/** Left and right swapped exactly: the same exercise done on the other side. */
export function mirrorPose(pose: Pose): Pose {
  return { ...pose, left: pose.right, right: pose.left, trunkSideBend: -pose.trunkSideBend, trunkRotation: -pose.trunkRotation }
}

const DOWN: Vec3 = [0, 0, -1]

/**
 * Joint positions for a pose, in the body's own frame (pelvis at the origin, standing upright, facing +x),
 * rotated by `orientation` (the base position). Bone lengths never change with the pose.
 */
export function forwardKinematics(pose: Pose, orientation: Mat3 = IDENTITY): Joints {
  const at = (m: Mat3, v: Vec3) => mul(compose(orientation, m), v)
  const joints = {} as Record<JointName, Vec3>
  joints.pelvis = [0, 0, 0]
  const trunk = compose(compose(rotZ(pose.trunkRotation), rotX(-pose.trunkSideBend)), rotY(pose.trunkFlexion))
  joints.chest = at(trunk, [0, 0, BONES.lumbar + BONES.thoracic])
  const neck = compose(trunk, rotY(pose.neckFlexion))
  joints.neckBase = add(joints.chest, at(trunk, [0, 0, BONES.neck]))
  joints.headTop = add(joints.neckBase, at(neck, [0, 0, BONES.head]))
  for (const side of ['left', 'right'] as const) {
    const a = pose[side]
    const sign = side === 'left' ? 1 : -1
    // Hip: flexion swings the thigh forward (about y), abduction outward (about x), rotation about the thigh.
    const hipFrame = compose(compose(rotY(-a.hipFlexion), rotX(sign * a.hipAbduction)), rotZ(sign * a.hipExternalRotation))
    const hip = at(IDENTITY, [0, sign * BONES.pelvisHalfWidth, 0])
    const knee = add(hip, at(hipFrame, scale(DOWN, BONES.thigh)))
    const shankFrame = compose(hipFrame, rotY(a.kneeFlexion))
    const ankle = add(knee, at(shankFrame, scale(DOWN, BONES.shank)))
    const footFrame = compose(shankFrame, rotY(-a.ankleDorsiflexion))
    const toe = add(ankle, at(footFrame, [BONES.foot, 0, 0]))
    const armFrame = compose(trunk, compose(rotY(-a.shoulderFlexion), rotX(sign * a.shoulderAbduction)))
    const shoulder = add(joints.chest, at(trunk, [0, sign * BONES.shoulderHalfWidth, 0]))
    const elbow = add(shoulder, at(armFrame, scale(DOWN, BONES.upperArm)))
    const wrist = add(elbow, at(compose(armFrame, rotY(-a.elbowFlexion)), scale(DOWN, BONES.forearm)))
    Object.assign(joints, { [`${side}Hip`]: hip, [`${side}Knee`]: knee, [`${side}Ankle`]: ankle, [`${side}Toe`]: toe, [`${side}Shoulder`]: shoulder, [`${side}Elbow`]: elbow, [`${side}Wrist`]: wrist })
  }
  return joints
}


/** The bones drawn, as joint pairs. */
export const SEGMENTS: [JointName, JointName][] = [
  ['pelvis', 'chest'], ['chest', 'neckBase'], ['neckBase', 'headTop'],
  ...(['left', 'right'] as const).flatMap((s): [JointName, JointName][] => [
    ['pelvis', `${s}Hip`], [`${s}Hip`, `${s}Knee`], [`${s}Knee`, `${s}Ankle`], [`${s}Ankle`, `${s}Toe`],
    ['chest', `${s}Shoulder`], [`${s}Shoulder`, `${s}Elbow`], [`${s}Elbow`, `${s}Wrist`],
  ]),
]
