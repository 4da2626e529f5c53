/**
 * The figure's skeleton: joints, bone lengths (cm, an adult of about 170 cm) and joint angles in the
 * terms a clinician uses, with anatomical limits. Forward kinematics turns a pose into 3D joint
 * positions in the body's own frame (x forward, y to the figure's left, z up; pelvis at the origin).
 */
import type { AxialAngleName, JointName, LimbAngleName } from './spec'
import { footFrame, footPoints, handFrame, handPoints } from './extremity'
import { add, compose, IDENTITY, mul, rotX, rotY, rotZ, scale, type Mat3, type Vec3 } from './vec'

export type Side = 'left' | 'right'
export type { JointName }

/** One side's limb angles, degrees. Positive = the named motion (flexion, abduction, external rotation, extension). */
export type LimbAngles = Record<LimbAngleName, number>
export type Pose = Record<AxialAngleName, number> & { left: LimbAngles; right: LimbAngles }

export const NEUTRAL_LIMB: LimbAngles = {
  hipFlexion: 0,
  hipAbduction: 0,
  hipExternalRotation: 0,
  kneeFlexion: 0,
  ankleDorsiflexion: 0,
  shoulderFlexion: 0,
  shoulderAbduction: 0,
  shoulderExternalRotation: 0,
  elbowFlexion: 0,
  wristExtension: 0,
  // Palm forward with the arm hanging (palm up with the arm held out): the model's resting forearm.
  forearmPronation: -90,
  ankleInversion: 0,
  fingerFlexion: 0,
  fingerSpread: 0,
  toeFlexion: 0,
  scapulaElevation: 0,
  scapulaRetraction: 0,
}
export const NEUTRAL: Pose = {
  left: NEUTRAL_LIMB,
  right: NEUTRAL_LIMB,
  trunkFlexion: 0,
  trunkSideBend: 0,
  trunkRotation: 0,
  neckFlexion: 0,
  neckSideBend: 0,
  neckRotation: 0,
  bodyLean: 0,
  neckRetraction: 0,
  pelvicTilt: 0,
}

/** Usual active ranges (degrees) for adults; poses are clamped to them. */
export const LIMITS: Record<LimbAngleName | AxialAngleName, [number, number]> = {
  hipFlexion: [-30, 125],
  hipAbduction: [-30, 50],
  hipExternalRotation: [-45, 60],
  kneeFlexion: [0, 145],
  ankleDorsiflexion: [-50, 25],
  shoulderFlexion: [-60, 180],
  shoulderAbduction: [-30, 180],
  shoulderExternalRotation: [-90, 90],
  elbowFlexion: [0, 150],
  wristExtension: [-80, 70],
  forearmPronation: [-90, 90],
  ankleInversion: [-20, 35],
  fingerFlexion: [0, 100],
  fingerSpread: [0, 30],
  toeFlexion: [-40, 60],
  scapulaElevation: [-10, 35],
  scapulaRetraction: [-25, 25],
  trunkFlexion: [-30, 90],
  trunkSideBend: [-35, 35],
  trunkRotation: [-45, 45],
  neckFlexion: [-60, 60],
  neckSideBend: [-45, 45],
  neckRotation: [-80, 80],
  bodyLean: [-15, 45],
  neckRetraction: [-20, 30],
  pelvicTilt: [-30, 30],
}

/** How each angle reads to a clinician, for sliders and clamping notes. */
export const ANGLE_LABELS: Record<LimbAngleName | AxialAngleName, string> = {
  hipFlexion: 'hip flexion',
  hipAbduction: 'hip abduction',
  hipExternalRotation: 'hip external rotation',
  kneeFlexion: 'knee flexion',
  ankleDorsiflexion: 'ankle dorsiflexion',
  shoulderFlexion: 'shoulder flexion',
  shoulderAbduction: 'shoulder abduction',
  shoulderExternalRotation: 'shoulder external rotation',
  elbowFlexion: 'elbow flexion',
  wristExtension: 'wrist extension',
  forearmPronation: 'forearm pronation (palm down +)',
  ankleInversion: 'ankle inversion (sole in +)',
  fingerFlexion: 'finger flexion (fist 100)',
  fingerSpread: 'finger spread',
  toeFlexion: 'toe flexion (curl +)',
  scapulaElevation: 'shoulder blade elevation',
  scapulaRetraction: 'shoulder blade retraction (back +)',
  trunkFlexion: 'Trunk flexion',
  trunkSideBend: 'Trunk side-bend (right +)',
  trunkRotation: 'Trunk rotation (right +)',
  neckFlexion: 'Neck flexion',
  neckSideBend: 'Neck side-bend (right +)',
  neckRotation: 'Neck rotation (right +)',
  bodyLean: 'Whole-body lean (forward +)',
  neckRetraction: 'Chin tuck (head back +)',
  pelvicTilt: 'Pelvic tilt (tail under +)',
}

/** Segment lengths in centimetres. */
export const BONES = {
  pelvisHalfWidth: 9,
  lumbar: 20,
  thoracic: 28,
  neck: 10,
  head: 22,
  shoulderHalfWidth: 18,
  upperArm: 30,
  forearm: 26,
  hand: 9,
  thigh: 44,
  shank: 43,
  foot: 20,
} as const

/**
 * Joints drawn but not named in diagram specs (the waist, which splits the spine, is named: see spec.ts): the face shows where the head
 * looks; the thumb tip and the ball of the foot shape hands and feet (the `Hand` joint is the middle fingertip).
 */
export type FigureJoint = JointName | 'face' | `${Side}${'Thumb' | 'Ball'}`
export type Joints = Record<FigureJoint, Vec3>

/** The pose with every angle inside its limit, plus a note for each that had to be changed. */
export function clampPose(pose: Pose): { pose: Pose; notes: string[] } {
  const notes: string[] = []
  const clamp = (label: string, key: keyof typeof LIMITS, value: number) => {
    const [lo, hi] = LIMITS[key]
    const v = Math.min(hi, Math.max(lo, value))
    if (v !== value) notes.push(`${label}: ${value}° is outside ${lo}° to ${hi}°; drawn at ${v}°.`)
    return v
  }
  const limb = (side: Side, angles: LimbAngles): LimbAngles =>
    Object.fromEntries(
      Object.entries(angles).map(([k, v]) => [
        k,
        clamp(`${side === 'left' ? 'Left' : 'Right'} ${ANGLE_LABELS[k as LimbAngleName]}`, k as LimbAngleName, v),
      ]),
    ) as LimbAngles
  const axial = (key: AxialAngleName) => clamp(ANGLE_LABELS[key].replace(/ \(right \+\)$/, ''), key, pose[key])
  return {
    pose: {
      left: limb('left', pose.left),
      right: limb('right', pose.right),
      trunkFlexion: axial('trunkFlexion'),
      trunkSideBend: axial('trunkSideBend'),
      trunkRotation: axial('trunkRotation'),
      neckFlexion: axial('neckFlexion'),
      neckSideBend: axial('neckSideBend'),
      neckRotation: axial('neckRotation'),
      bodyLean: axial('bodyLean'),
      neckRetraction: axial('neckRetraction'),
      pelvicTilt: axial('pelvicTilt'),
    },
    notes,
  }
}

/** Left and right swapped exactly: the same exercise done on the other side. */
export function mirrorPose(pose: Pose): Pose {
  return {
    ...pose,
    left: pose.right,
    right: pose.left,
    trunkSideBend: -pose.trunkSideBend,
    trunkRotation: -pose.trunkRotation,
    neckSideBend: -pose.neckSideBend,
    neckRotation: -pose.neckRotation,
  }
}

const DOWN: Vec3 = [0, 0, -1]
/** Flexion forward, side-bend to the right, rotation to the right, each a fraction of the whole. */
const spine = (flexion: number, sideBend: number, rotation: number): Mat3 =>
  compose(compose(rotZ(-rotation), rotX(sideBend)), rotY(flexion))

/**
 * Joint positions for a pose in the body's frame, turned by `orientation` (the base position).
 * Bone lengths never change with the pose.
 */
export function forwardKinematics(pose: Pose, orientation: Mat3 = IDENTITY): Joints {
  const at = (m: Mat3, v: Vec3) => mul(compose(orientation, m), v)
  const j = {} as Record<FigureJoint, Vec3>
  j.pelvis = [0, 0, 0]
  // A pelvic tilt turns the pelvis and everything above it about the hip axis (through the pelvis joint); the thighs,
  // posed from the hips below, stay where they are. Posterior (+) tips the top of the pelvis back.
  const pelvis = rotY(-(pose.pelvicTilt ?? 0))
  // The lumbar spine takes 40 % of trunk flexion and side-bend, the thoracic spine the rest; rotation is mostly thoracic.
  const lumbar = compose(pelvis, spine(pose.trunkFlexion * 0.4, pose.trunkSideBend * 0.4, pose.trunkRotation * 0.2))
  const trunk = compose(lumbar, spine(pose.trunkFlexion * 0.6, pose.trunkSideBend * 0.6, pose.trunkRotation * 0.8))
  j.waist = at(lumbar, [0, 0, BONES.lumbar])
  j.chest = add(j.waist, at(trunk, [0, 0, BONES.thoracic]))
  const neck = compose(trunk, spine(pose.neckFlexion, pose.neckSideBend, pose.neckRotation))
  // A chin tuck tips the lower neck back while the head above it keeps its angle, so the head slides back.
  j.neckBase = add(j.chest, at(compose(trunk, rotY(-pose.neckRetraction)), [0, 0, BONES.neck]))
  j.headTop = add(j.neckBase, at(neck, [0, 0, BONES.head]))
  j.face = add(j.neckBase, at(neck, [10.5, 0, BONES.head * 0.45]))
  for (const side of ['left', 'right'] as const) {
    const a = pose[side]
    const sign = side === 'left' ? 1 : -1
    // Hip: flexion swings the thigh forward (about y), abduction outward (about x), rotation about the thigh.
    const hipFrame = compose(
      compose(rotY(-a.hipFlexion), rotX(sign * a.hipAbduction)),
      rotZ(sign * a.hipExternalRotation),
    )
    const hip = at(IDENTITY, [0, sign * BONES.pelvisHalfWidth, 0])
    const knee = add(hip, at(hipFrame, scale(DOWN, BONES.thigh)))
    const shankFrame = compose(hipFrame, rotY(a.kneeFlexion))
    const ankle = add(knee, at(shankFrame, scale(DOWN, BONES.shank)))
    const foot = compose(shankFrame, footFrame(IDENTITY, a, sign))
    const { ball, toeTip } = footPoints(a)
    const toe = add(ankle, at(foot, toeTip))
    // Shoulder: flexion forward, abduction outward, then rotation about the upper arm (shows with the elbow bent).
    const armFrame = compose(
      trunk,
      compose(
        compose(rotY(-a.shoulderFlexion), rotX(sign * a.shoulderAbduction)),
        rotZ(sign * a.shoulderExternalRotation),
      ),
    )
    // The shoulder girdle pivots at the breastbone: elevation lifts the shoulder, retraction draws it back.
    const girdle = compose(rotZ(sign * a.scapulaRetraction), rotX(sign * a.scapulaElevation))
    const shoulder = add(j.chest, at(trunk, add([0, 0, -3], mul(girdle, [0, sign * BONES.shoulderHalfWidth, 0]))))
    const elbow = add(shoulder, at(armFrame, scale(DOWN, BONES.upperArm)))
    const forearmFrame = compose(armFrame, rotY(-a.elbowFlexion))
    const wrist = add(elbow, at(forearmFrame, scale(DOWN, BONES.forearm)))
    const palm = handFrame(forearmFrame, a, sign)
    const h = handPoints(a, sign)
    const hand = add(wrist, at(palm, h.fingerTip))
    Object.assign(j, {
      [`${side}Thumb`]: add(wrist, at(palm, h.thumbTip)),
      [`${side}Ball`]: add(ankle, at(foot, ball)),
      [`${side}Hip`]: hip,
      [`${side}Knee`]: knee,
      [`${side}Ankle`]: ankle,
      [`${side}Toe`]: toe,
      [`${side}Shoulder`]: shoulder,
      [`${side}Elbow`]: elbow,
      [`${side}Wrist`]: wrist,
      [`${side}Hand`]: hand,
    })
  }
  return j
}

/** The bones, as joint pairs (bone lengths are constant along these; the hand is not, as the fingers curl). */
export const SEGMENTS: [FigureJoint, FigureJoint][] = [
  ['pelvis', 'waist'],
  ['waist', 'chest'],
  ['chest', 'neckBase'],
  ['neckBase', 'headTop'],
  ...(['left', 'right'] as const).flatMap((s): [FigureJoint, FigureJoint][] => [
    ['pelvis', `${s}Hip`],
    [`${s}Hip`, `${s}Knee`],
    [`${s}Knee`, `${s}Ankle`],
    [`${s}Ankle`, `${s}Ball`],
    [`${s}Ball`, `${s}Toe`],
    [`${s}Shoulder`, `${s}Elbow`],
    [`${s}Elbow`, `${s}Wrist`],
  ]),
]

/**
 * The joints a body rests on. The thumb tip and the ball of the foot only shape the hand and foot drawings: a
 * pointed foot lying face down must rest on its top, not tip the body onto the ball of the foot.
 */
export const restingJoints = (j: Joints): FigureJoint[] =>
  (Object.keys(j) as FigureJoint[]).filter((n) => !/(Thumb|Ball)$/.test(n))
