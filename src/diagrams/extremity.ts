/**
 * Hands and feet in more detail than a single bone: the hand turns with the forearm (pronation), its
 * fingers curl into a fist and fan apart, the thumb shows which way the palm faces; the foot rolls in
 * and out (inversion, eversion) and its toes curl. Points are given in a limb's own frame so both the
 * whole figure (skeleton.ts) and the zoomed insets (inset.ts) use the same geometry.
 *
 * Hand frame: origin at the wrist, the hand along −z, the palm facing +x, the thumb towards +y on the
 * left hand (−y on the right). Foot frame: origin at the ankle, the foot along +x, the sole facing −z.
 */
import type { LimbAngles } from './skeleton'
import { add, compose, mul, rotX, rotY, rotZ, scale, type Mat3, type Vec3 } from './vec'

/** Palm (wrist to knuckles) and the two finger parts, cm; together the old one-piece hand. */
export const HAND = { palm: 5, proximal: 2.3, distal: 1.7 } as const
/** Heel-to-ball and toe lengths, cm; together the old one-piece foot. */
export const FOOT = { ball: 14, toes: 6 } as const

type Sign = 1 | -1
const deg = (v: number) => (v * Math.PI) / 180

/** The hand's frame from the forearm's: turned about the forearm by pronation, then bent at the wrist. */
export function handFrame(forearm: Mat3, a: LimbAngles, sign: Sign): Mat3 {
  // At −90° (full supination) the hand keeps the model's old resting turn: palm forward with the arm down.
  return compose(compose(forearm, rotZ(-sign * (a.forearmPronation + 90))), rotY(a.wristExtension))
}

/** The foot's frame from the shank's: ankle up or down, then rolled in (inversion) with the toes turning in. */
export function footFrame(shank: Mat3, a: LimbAngles, sign: Sign): Mat3 {
  return compose(
    compose(compose(shank, rotY(-a.ankleDorsiflexion)), rotZ(-sign * a.ankleInversion * 0.5)),
    rotX(-sign * a.ankleInversion),
  )
}

export interface HandPoints {
  knuckle: Vec3
  /** Middle of the middle finger, and its tip (the figure's `Hand` joint). */
  fingerMid: Vec3
  fingerTip: Vec3
  thumbBase: Vec3
  thumbTip: Vec3
}

/** Offsets across the knuckles (thumb side first) and how far each finger fans for full spread. */
const FINGERS = [
  [2.4, 1],
  [0.8, 0.33],
  [-0.8, -0.33],
  [-2.3, -1],
] as const

function finger(a: LimbAngles, across: number, fan: number, sign: Sign, length = 1): [Vec3, Vec3, Vec3] {
  const f = Math.min(100, Math.max(0, a.fingerFlexion)) / 100
  const base: Vec3 = [0, sign * across, -HAND.palm]
  // Spread fans the finger about the palm's normal; flexion curls it towards the palm (+x).
  const fanned = rotX(sign * a.fingerSpread * fan)
  const bend = (angle: number, len: number): Vec3 =>
    mul(fanned, scale([Math.sin(deg(angle)), 0, -Math.cos(deg(angle))], len * length))
  const mid = add(base, bend(90 * f, HAND.proximal))
  return [base, mid, add(mid, bend(190 * f, HAND.distal))]
}

/** Each finger, index to little: knuckle, middle, tip (for insets; the whole figure draws the hand as one). */
export const fingerPoints = (a: LimbAngles, sign: Sign): [Vec3, Vec3, Vec3][] =>
  FINGERS.map(([across, fan], i) => finger(a, across, fan, sign, i === 3 ? 0.8 : 1))

/** Points of the hand in the hand frame. */
export function handPoints(a: LimbAngles, sign: Sign): HandPoints {
  const f = Math.min(100, Math.max(0, a.fingerFlexion)) / 100
  const [knuckle, fingerMid, fingerTip] = finger(a, 0, 0, sign)
  const spread = a.fingerSpread / 30
  const thumbBase: Vec3 = [0.9, sign * 2.6, -1.2]
  // Open, the thumb lies beside the fingers; in a fist it folds across the front of them.
  const thumbTip: Vec3 = [1.2 + 2.4 * f, sign * (4.8 - 3.8 * f + 1.5 * spread), -5.2 + 0.8 * spread]
  return { knuckle, fingerMid, fingerTip, thumbBase, thumbTip }
}

/** Ball of the foot and tip of the toes in the foot frame; curling bends the toes down towards the sole. */
export function footPoints(a: LimbAngles): { ball: Vec3; toeTip: Vec3 } {
  const t = deg(a.toeFlexion)
  const ball: Vec3 = [FOOT.ball, 0, 0]
  return { ball, toeTip: add(ball, [FOOT.toes * Math.cos(t), 0, -FOOT.toes * Math.sin(t)]) }
}
