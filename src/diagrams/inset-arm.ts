/**
 * Inset models of the hand: the fingers (seen from the thumb side for a fist, from the palm for a
 * spread), the wrist (the forearm level, so palm up and palm down read at once) and the forearm turning
 * (seen from the hand's end, the palm marked dark). All in the hand geometry of extremity.ts.
 */
import { fingerPoints, handFrame, handPoints } from './extremity'
import { blob, chain, type InsetBlob, type InsetModel, type PartModel, view } from './inset-model'
import type { LimbAngles } from './skeleton'
import { add, compose, IDENTITY, mul, rotX, rotY, scale, type Mat3, type Vec3 } from './vec'

type Sign = 1 | -1

/** The hand's blobs in a frame where `frame` places the hand (wrist at the origin). */
function handBlobs(a: LimbAngles, sign: Sign, frame: Mat3, camera: Mat3, greyThumb = false): InsetBlob[] {
  const h = { ...handPoints(a, sign), fingers: fingerPoints(a, sign) }
  const p = (v: Vec3) => mul(frame, v)
  const thumbMid = scale(add(h.thumbBase, h.thumbTip), 0.5)
  const depth = (v: Vec3) => view(camera, p(v)).depth
  // The thumb behind the palm is shaded, so palm up and palm down differ at a glance.
  const thumbTone = greyThumb || depth(h.thumbTip) > depth(h.knuckle) + 1 ? 'far' : 'near'
  return [
    blob('palm', [
      [p([0, sign * 1.4, 0]), 1.6],
      [p([0, -sign * 1.4, 0]), 1.6],
      [p(h.fingers[0]![0]), 1.1],
      [p(h.fingers[3]![0]), 1],
      [p(h.thumbBase), 1.2],
    ]),
    // A dark patch on the palm: which way the palm faces (hidden behind the hand when it faces away).
    blob(
      'palm side',
      (
        [
          [1.6, 1.3, -1.6],
          [1.6, -1.3, -1.6],
          [1.6, 1.3, -4],
          [1.6, -1.3, -4],
        ] as Vec3[]
      ).map((v) => [p(v), 0.5] as [Vec3, number]),
      'mark',
    ),
    ...h.fingers.flatMap(([b, m, t], i) =>
      chain(`finger ${i + 1}`, [
        [p(b), 0.9],
        [p(m), 0.85],
        [p(t), 0.75],
      ]),
    ),
    ...chain(
      'thumb',
      [
        [p(h.thumbBase), 1.2],
        [p(thumbMid), 1.05],
        [p(h.thumbTip), 0.9],
      ],
      thumbTone,
    ),
  ]
}

const hand: PartModel = (pose, { spec, side, sign, start, end }) => {
  const a = pose[side]
  // Spreading shows from the palm; curling from the thumb side.
  const spread =
    Math.abs(end[side].fingerSpread - start[side].fingerSpread) >
    Math.abs(end[side].fingerFlexion - start[side].fingerFlexion) * 0.3
  // A spread is seen from the back of the hand (as it lies on a table), a curl from the thumb side.
  const ball = spec.props.some((p) => p.kind === 'ball' && p.at === `${side}Hand`)
  const camera: Mat3 = spread
    ? [
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, -1],
      ]
    : [
        [sign, 0, 0],
        [0, -sign, 0],
        [0, 0, -1],
      ]
  return {
    camera,
    track: spread ? fingerPoints(a, sign)[0]![2] : handPoints(a, sign).fingerTip,
    blobs: [
      blob(
        'forearm',
        [
          [[0, 0, 7], 2.9],
          [[0, 0, 0], 2.5],
        ],
        'near',
        3,
      ),
      // A ball held in the hand (grip squeeze): in the palm, behind the curling fingers.
      ...(ball
        ? [
            blob(
              'ball',
              [
                [[3.4, 0, -4.6], 3.3],
                [[3.4, 0, -4.61], 3.3],
              ],
              'far',
              2,
            ),
          ]
        : []),
      // The thumb is grey here, so it is told from the fingers.
      ...handBlobs(a, sign, IDENTITY, camera, true),
    ],
  }
}

/** The forearm lying along +x, elbow behind; palm up at full supination (rotY(−90) takes the hanging forearm there). */
const LEVEL: Mat3 = rotY(-90)

const wrist: PartModel = (pose, { spec, side, sign }) => {
  const a = pose[side]
  const frame = handFrame(LEVEL, a, sign)
  const weight = spec.props.some((p) => p.kind === 'weight' && p.at === `${side}Hand`)
  // From the thumb side of a palm-up forearm and from above, so the palm (dark) or the back of the hand shows.
  const camera = compose(rotX(40), [
    [-sign, 0, 0],
    [0, -sign, 0],
    [0, 0, 1],
  ])
  return {
    camera,
    track: mul(frame, handPoints(a, sign).fingerTip),
    blobs: [
      blob(
        'forearm',
        [
          [[-4.5, 0, 0], 3],
          [[0, 0, 0], 2.6],
        ],
        'near',
        2,
      ),
      ...handBlobs(a, sign, frame, camera),
      // A weight held in the hand (wrist curls) in both drawings: a dark handle through the fist and a round
      // plate at each end (drawn as one grey capsule it read as a second hand).
      ...(weight
        ? [
            blob(
              'weight',
              [
                [mul(frame, [2.2, 5.2, -4]), 0.7],
                [mul(frame, [2.2, -5.2, -4]), 0.7],
              ],
              'mark',
              1,
            ),
            ...[5.2, -5.2].map((y, i) =>
              blob(
                `weight plate ${i + 1}`,
                [
                  [mul(frame, [2.2, y, -4]), 2.4],
                  [mul(frame, [2.2, y + Math.sign(y) * 0.8, -4]), 2.4],
                ],
                'far',
                1,
              ),
            ),
          ]
        : []),
    ],
  }
}

const forearm: PartModel = (pose, { side, sign }) => {
  const a = { ...pose[side], wristExtension: 0 }
  const frame = handFrame(LEVEL, a, sign)
  // Looking along the forearm from beyond the fingertips, a little from above.
  const endOn: Mat3 = [
    [0, 1, 0],
    [-1, 0, 0],
    [0, 0, 1],
  ]
  const camera = compose(rotX(12), endOn)
  return {
    camera,
    track: mul(frame, handPoints(a, sign).thumbTip),
    blobs: [
      blob(
        'forearm',
        [
          [[-6, 0, 0], 3.2],
          [[0, 0, 0], 2.8],
        ],
        'far',
        4,
      ),
      ...handBlobs(a, sign, frame, camera),
    ],
  }
}

export const ARM_PARTS = { hand, wrist, forearm } satisfies Record<string, PartModel>
export type { InsetModel }
