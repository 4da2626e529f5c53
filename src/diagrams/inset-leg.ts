/**
 * Inset models of the leg: the ankle seen from the front (the sole rolling in or out, marked dark),
 * the foot from its outer side (toes curling, the ankle pointing) and the knee from the side, in place
 * on the floor (a quad set pressing the knee down).
 */
import { footFrame, footPoints } from './extremity'
import { blob, chain, type PartModel } from './inset-model'
import { JOINT_RADIUS } from './placement'
import { add, compose, IDENTITY, mul, rotX, rotY, sub, type Mat3, type Vec3 } from './vec'

/** Shank upright with the ankle at the origin; the foot's outline and its sole. */
const footModel = (pose: Parameters<PartModel>[0], side: 'left' | 'right', sign: 1 | -1, shank = 14) => {
  const a = pose[side]
  const frame = footFrame(IDENTITY, a, sign)
  const { ball, toeTip } = footPoints(a)
  const p = (v: Vec3) => mul(frame, v)
  const sole: Vec3 = [0, 0, -3.9]
  const blobs = [
    // In the toes close-up a long shank: the leg comes down into the foot, so it reads as a foot and not a hand.
    blob(
      'shank',
      [
        [[0, 0, shank], shank > 14 ? 4.8 : 4.4],
        [[0, 0, 0], 3.8],
      ],
      'near',
      4,
    ),
    blob('foot', [
      [p([0, 0, 0]), 3.4],
      [p([-3.5, 0, -3]), 3],
      [p([13, -sign * 3.6, -4]), 1.8],
      [p([12.5, sign * 3.4, -4]), 1.6],
    ]),
    ...chain('toes', [
      [p(add(ball, sole)), 1.8],
      [p(add(toeTip, sole)), 1.3],
    ]),
    // A dark band across the sole under the arch: which way the sole faces.
    blob(
      'sole',
      [
        [p([7, -sign * 3.2, -5.6]), 0.7],
        [p([7, sign * 3, -5.6]), 0.7],
      ],
      'mark',
      -0.5,
    ),
  ]
  return { blobs, p, toe: p(add(toeTip, sole)) }
}

const ankle: PartModel = (pose, { spec, side, sign }) => {
  const { blobs, p } = footModel(pose, side, sign)
  // From in front (looking at the toes), a little from above: the sole's band tips as the foot rolls.
  const front: Mat3 = [
    [0, 1, 0],
    [-1, 0, 0],
    [0, 0, 1],
  ]
  // A band round the foot runs out to where it is tied, fixed in the room while the foot turns: out past the
  // little toe for an anchor at the limb's own side, in past the other foot for one across.
  const band = spec.props.find(
    (b) => b.kind === 'band' && b.from === `${side}Toe` && !b.to && (b.anchor === 'side' || b.anchor === 'across'),
  )
  if (!band || band.kind !== 'band')
    return { camera: compose(rotX(10), front), track: p([12.5, sign * 3.4, -4]), blobs }
  const out = band.anchor === 'side' ? sign : -sign
  const knot: Vec3 = [7, out * 22, -2]
  const strap = [
    blob(
      'band',
      [
        [p([7, 0, -2]), 1.1],
        [knot, 1.1],
      ],
      'far',
      8,
    ),
    blob(
      'band knot',
      [
        [knot, 2],
        [sub(knot, [0, 0, 0.01]), 2],
      ],
      'mark',
      7,
    ),
  ]
  return { camera: compose(rotX(10), front), track: p([12.5, sign * 3.4, -4]), blobs: [...strap, ...blobs] }
}

const FLOOR = -6
const HEEL: Vec3 = [-3.5, 0, FLOOR]
const MARBLE = 1.4

const foot: PartModel = (pose, { spec, side, sign, joints }) => {
  const { blobs, toe } = footModel(pose, side, sign, 26)
  // From the outer side of the foot; the floor under it while the heel rests on it.
  const camera: Mat3 = [
    [-sign, 0, 0],
    [0, -sign, 0],
    [0, 0, 1],
  ]
  const onFloor = joints[`${side}Ankle`][2] - JOINT_RADIUS[`${side}Ankle`] < 3
  // A marble held in the curled toes (marble pick-ups): dark, just under the tip of the toes.
  const held = spec.props.some((p) => p.kind === 'marble' && p.at === `${side}Toe`)
  const marble = (at: Vec3) =>
    held
      ? [
          blob(
            'marble',
            [
              [at, MARBLE],
              [sub(at, [0, 0, 0.01]), MARBLE],
            ],
            'mark',
            -2,
          ),
        ]
      : []
  if (!onFloor) return { camera, track: toe, blobs: [...blobs, ...marble(add(toe, [0.6, 0, -1.4]))] }
  // Toes curled against the floor lift the front of the foot about the heel rather than going through it.
  const lowest = (tilt: Mat3) =>
    Math.min(
      ...blobs
        .filter((b) => b.role.startsWith('toes'))
        .flatMap((b) => b.circles.map(([c, r]) => add(HEEL, mul(tilt, sub(c, HEEL)))[2] - r)),
    )
  let angle = 0
  while (angle < 40 && lowest(rotY(-angle)) < FLOOR) angle += 0.5
  const tilt = rotY(-angle)
  const lift = (c: Vec3) => add(HEEL, mul(tilt, sub(c, HEEL)))
  const lifted = blobs.map((b) =>
    b.role === 'shank' ? b : { ...b, circles: b.circles.map(([c, r]) => [lift(c), r] as [Vec3, number]) },
  )
  // A towel under the toes lies flat on the floor (towel scrunches).
  const towel = spec.props.some((p) => p.kind === 'towel' && p.at === `${side}Toe`)
  const cloth = towel
    ? [
        blob(
          'towel',
          [
            [[4, 0, FLOOR + 0.9], 0.9],
            [[24, 0, FLOOR + 0.9], 0.9],
          ],
          'far',
          3,
        ),
      ]
    : []
  const tip = lift(toe)
  return {
    camera,
    track: tip,
    blobs: [...cloth, ...lifted, ...marble([tip[0] + 1.2, tip[1], FLOOR + MARBLE])],
    floor: FLOOR,
  }
}

const knee: PartModel = (_pose, { spec, side, sign, joints: j }) => {
  const at = (n: keyof typeof j) => j[n]
  const half = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2]
  const towel = spec.props.find((p) => p.kind === 'towel' && p.at === `${side}Knee`)
  const knee = at(`${side}Knee`)
  const roll: Vec3 = [knee[0], knee[1], 3.5]
  return {
    // The side view from the working side.
    camera: [
      [-sign, 0, 0],
      [0, -sign, 0],
      [0, 0, 1],
    ],
    track: knee,
    floor: 0,
    blobs: [
      ...(towel
        ? [
            blob(
              'towel',
              [
                [roll, 3.5],
                [sub(roll, [0, 0, 0.01]), 3.5],
              ],
              'far',
              6,
            ),
          ]
        : []),
      blob('thigh', [
        [half(at(`${side}Hip`), knee), 6.8],
        [knee, 5.5],
      ]),
      blob('shank', [
        [knee, 5.5],
        [half(knee, at(`${side}Ankle`)), 4.7],
      ]),
    ],
  }
}

export const LEG_PARTS = { ankle, foot, knee } satisfies Record<string, PartModel>
