/**
 * The mannequin: tapered limbs, a two-part torso, neck and a head with a nose, each the outline of a
 * few circles at the joints, drawn from the furthest part to the nearest. Far-side limbs are shaded,
 * ghosted (start) poses are light and dashed.
 */
import { hullOfCircles, outline, type Circle } from './hull'
import { headCentre, HEAD_RADIUS } from './placement'
import type { FigureJoint, Joints } from './skeleton'
import { TONES, type Paint, type Tone } from './style'
import { add, length, scale as times, sub, type Vec3 } from './vec'

export interface DrawPoint {
  x: number
  y: number
  depth: number
}
export type Mapper = (p: Vec3) => DrawPoint

export type Shape =
  | ({ kind: 'path'; role: string; d: string } & Paint)
  | ({ kind: 'circle'; role: string; cx: number; cy: number; r: number } & Paint)
  | ({ kind: 'line'; role: string; x1: number; y1: number; x2: number; y2: number } & Paint)

type Part = { role: string; circles: [FigureJoint | 'head', number][]; side?: 'left' | 'right' }

const limbParts = (s: 'left' | 'right'): Part[] => [
  {
    role: `${s} thigh`,
    side: s,
    circles: [
      [`${s}Hip`, 8],
      [`${s}Knee`, 5.5],
    ],
  },
  {
    role: `${s} shank`,
    side: s,
    circles: [
      [`${s}Knee`, 5.5],
      [`${s}Ankle`, 4],
    ],
  },
  // The ball of the foot lies inside the old heel-to-toe taper, so a foot with flat toes looks as before.
  {
    role: `${s} foot`,
    side: s,
    circles: [
      [`${s}Ankle`, 4.2],
      [`${s}Ball`, 3],
      [`${s}Toe`, 2.6],
    ],
  },
  {
    role: `${s} upper arm`,
    side: s,
    circles: [
      [`${s}Shoulder`, 5.2],
      [`${s}Elbow`, 4],
    ],
  },
  {
    role: `${s} forearm`,
    side: s,
    circles: [
      [`${s}Elbow`, 4],
      [`${s}Wrist`, 3],
    ],
  },
  // Wrist to fingertip as before (shorter when the fingers curl into a fist); the thumb makes a bump on its side.
  {
    role: `${s} hand`,
    side: s,
    circles: [
      [`${s}Wrist`, 3],
      [`${s}Hand`, 3.2],
      [`${s}Thumb`, 1.4],
    ],
  },
]

const PARTS: Part[] = [
  {
    role: 'pelvis',
    circles: [
      ['pelvis', 12],
      ['leftHip', 8.5],
      ['rightHip', 8.5],
      ['waist', 11],
    ],
  },
  {
    role: 'chest',
    circles: [
      ['waist', 11],
      ['chest', 13],
      ['leftShoulder', 6],
      ['rightShoulder', 6],
      ['neckBase', 5.5],
    ],
  },
  {
    role: 'neck',
    circles: [
      ['neckBase', 5],
      ['head', 5],
    ],
  },
  {
    role: 'head',
    circles: [
      ['head', HEAD_RADIUS - 0.5],
      ['face', 4],
    ],
  },
  ...limbParts('left'),
  ...limbParts('right'),
]

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
const unit = (a: Vec3): Vec3 => times(a, 1 / (length(a) || 1))
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
]

/**
 * The eyes: two dots on the face, drawn only where they face the viewer. They say which way the head looks
 * (blind reviewers could not tell face up from face down in lying pictures, or see a head turn from the front).
 */
function eyeShapes(joints: Joints, map: Mapper, scale: number): Shape[] {
  const centre = headCentre(joints)
  const up = unit(sub(joints.headTop, joints.neckBase))
  const toFace = sub(joints.face, joints.neckBase)
  const forward = unit(sub(toFace, times(up, dot(toFace, up))))
  const across = cross(up, forward)
  const r = HEAD_RADIUS - 0.5
  const middle = map(centre)
  return [1, -1].flatMap((s) => {
    const eye = add(centre, add(times(forward, 0.8 * r), add(times(up, 0.15 * r), times(across, 0.4 * s * r))))
    const p = map(eye)
    // Facing the viewer: nearer than the head's centre by a good part of its radius.
    if (p.depth > middle.depth - 0.25 * r * scale) return []
    return [
      {
        kind: 'circle' as const,
        role: 'eye',
        cx: Math.round(p.x * 10) / 10,
        cy: Math.round(p.y * 10) / 10,
        r: 1.5 * scale,
        fill: '#1a1a1a',
        stroke: 'none',
        strokeWidth: 0,
      },
    ]
  })
}

/**
 * The outline of each body part of a pose on the drawing, as a convex polygon (the same hulls `bodyShapes` draws):
 * what a motion arrow is kept clear of.
 */
export function bodyOutlines(joints: Joints, map: Mapper, scale: number): [number, number][][] {
  const head = headCentre(joints)
  const at = (name: FigureJoint | 'head') => map(name === 'head' ? head : joints[name])
  return PARTS.map((part) => hullOfCircles(part.circles.map(([name, r]) => ({ ...at(name), r: r * scale }))))
}

/** A limb of one side: the parts a moving joint belongs to. */
export type Limb = `${'left' | 'right'} ${'leg' | 'arm'}`

const LEG_PARTS = ['thigh', 'shank', 'foot']
const limbOf = (role: string, side: 'left' | 'right'): Limb =>
  `${side} ${LEG_PARTS.some((p) => role.endsWith(p)) ? 'leg' : 'arm'}`

/** The limbs whose joints move (`rightKnee` -> the right leg); their parts are never shaded as far. */
export function movingLimbs(moving: readonly string[]): Set<Limb> {
  const limbs = new Set<Limb>()
  for (const joint of moving) {
    const side = joint.startsWith('left') ? 'left' : joint.startsWith('right') ? 'right' : undefined
    if (side) limbs.add(`${side} ${/Hip|Knee|Ankle|Toe|Ball/.test(joint) ? 'leg' : 'arm'}`)
  }
  return limbs
}

/**
 * Outlines of the whole body, sorted back to front. `ghost` draws every part in the ghost tone. Parts of an
 * `emphasised` limb (the one that moves) stay white even when they are behind: blind reviewers read a grey limb
 * as "the other side, not this one" and missed the movement.
 */
export function bodyShapes(
  joints: Joints,
  map: Mapper,
  scale: number,
  ghost: boolean,
  emphasised: ReadonlySet<Limb> = new Set(),
): Shape[] {
  const head = headCentre(joints)
  const at = (name: FigureJoint | 'head') => map(name === 'head' ? head : joints[name])
  const placed = PARTS.map((part) => {
    const points = part.circles.map(([name, r]) => ({ ...at(name), r: r * scale }))
    return { part, points, depth: points.reduce((sum, p) => sum + p.depth, 0) / points.length }
  })
  const depthOf = new Map(placed.map((p) => [p.part.role, p.depth]))
  const torso = Math.min(depthOf.get('chest') ?? Infinity, depthOf.get('pelvis') ?? Infinity)
  const measured = placed.map(({ part, points, depth }, order) => {
    // Far (drawn grey) only when the same part of the other side is clearly nearer: seen from the front or from
    // above, two arms at the same distance are both near (both grey read as "the other side" to reviewers).
    const twin = part.side && depthOf.get(part.role.replace(part.side, part.side === 'left' ? 'right' : 'left'))
    // ... and only when it lies behind the body's middle: an arm across the chest seen from the front, or a
    // standing leg under the pelvis, is not "the far side" (reviewers read it so and swapped the arms).
    const behind = depth > torso + 1 * scale
    const far =
      twin !== undefined && depth > twin + 3 * scale && behind && !emphasised.has(limbOf(part.role, part.side!))
    return { order, depth, part, points, far }
  })
  // One tone per limb: a leg white at the thigh and grey from the knee down read as a third leg to a rater
  // (side-lying clamshells seen from a raised camera). A leg is far when any part of it is (the bottom leg of a
  // figure lying on its side is the far one, as the key on page 1 says); an arm when most of it is, so a hand
  // reaching over the head to the far side leaves the arm white (the arm that pulls in a neck stretch).
  const farLimbs = new Set<Limb>()
  for (const limb of new Set(measured.flatMap(({ part }) => (part.side ? [limbOf(part.role, part.side)] : [])))) {
    const own = measured.filter(({ part }) => part.side && limbOf(part.role, part.side) === limb)
    const far = own.filter((p) => p.far).length
    if (limb.endsWith('leg') ? far > 0 : far * 2 > own.length) farLimbs.add(limb)
  }
  const parts = measured.map(({ order, depth, part, points }) => {
    const tone: Tone = ghost ? 'ghost' : part.side && farLimbs.has(limbOf(part.role, part.side)) ? 'far' : 'near'
    return {
      order,
      depth,
      shape: {
        kind: 'path' as const,
        role: `${ghost ? 'ghost ' : ''}${part.role}`,
        d: outline(points as Circle[]),
        ...TONES[tone],
      },
    }
  })
  // Back to front; parts at the same depth keep the torso-first order so limbs lie over the body.
  parts.sort((a, b) => (Math.abs(b.depth - a.depth) < 0.5 * scale ? a.order - b.order : b.depth - a.depth))
  const shapes: Shape[] = parts.map((p) => p.shape)
  if (!ghost) shapes.splice(shapes.findIndex((s) => s.role === 'head') + 1, 0, ...eyeShapes(joints, map, scale))
  return shapes
}
