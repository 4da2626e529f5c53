/**
 * Inset models of the neck (head, neck and upper back from the side, upright in the trunk's frame, a
 * nose, an ear and an eye showing the face and a level gaze, the glide drawn larger than life) and of the shoulder blades (the upper back from behind, the blades
 * lifting in a shrug and sliding towards the spine in a squeeze).
 */
import { blob, chain, type PartModel } from './inset-model'
import { headCentre, JOINT_RADIUS } from './placement'
import { forwardKinematics } from './skeleton'
import { add, length, scale, sub, type Mat3, type Vec3 } from './vec'

const unit = (v: Vec3): Vec3 => scale(v, 1 / (length(v) || 1))
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
]
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]

/** How much larger than life the head's glide is drawn: a 2–3 cm chin tuck is otherwise a hair's breadth at inset size. */
const GLIDE = 2.5

const neck: PartModel = (_pose, { spec, sign, joints: j, startJoints: j0 }) => {
  // The trunk's own frame: up the spine, forward out of the chest.
  const up = unit(sub(j0.neckBase, j0.waist))
  const across = unit(sub(j0.leftShoulder, j0.rightShoulder))
  const forward = unit(cross(across, up))
  // Seen from the working side: upright for a body sitting or standing; lying, the drawing keeps the floor down, so
  // a chin tuck lying on the back is drawn lying, face up (drawn upright it read as a standing head).
  const lying = Math.abs(up[2]) < 0.5
  const screenUp: Vec3 = lying ? unit(sub([0, 0, 1], scale(across, across[2]))) : up
  const camera: Mat3 = [scale(cross(across, screenUp), -sign), scale(across, -sign), screenUp]
  // The glide is what the neck base does along the trunk's forward line, drawn larger than life. Only that part is
  // enlarged: the small drop of the tipped lower neck is left out, so the head slides straight back, chin level
  // (enlarged with the drop, and with the neck base held still, the head read as a nod). The neck base goes back by
  // half the glide, so the neck slants with it instead of bending at the trunk.
  const glide = scale(forward, dot(sub(j.neckBase, j0.neckBase), forward))
  // Lying, the floor is drawn, the back rests on it, and the head on a folded towel or pillow when the spec has one there.
  const towel =
    lying && spec.props.some((p) => (p.kind === 'pillow' || p.kind === 'towel') && 'at' in p && p.at === 'headTop')
  const back = (top: Vec3): [Vec3, number][] => [
    [add(top, add(scale(up, -5), scale(forward, -2))), 6],
    [add(top, add(scale(up, -7), scale(forward, 5))), 6],
    [add(top, add(scale(up, -20), scale(forward, -3))), 7],
    [add(top, add(scale(up, -20), scale(forward, 7))), 7],
  ]
  const lift =
    (dz: number) =>
    (p: Vec3): Vec3 => [p[0], p[1], p[2] + dz]
  const liftTrunk = lift(lying ? -Math.min(...back(j0.neckBase).map(([c, r]) => c[2] - r)) : 0)
  const TOWEL = 4.4
  const liftHead = lift(lying ? (towel ? TOWEL : 0) - (headCentre(j0)[2] - 10.5) : 0)
  // The trunk stays put (the start's).
  const trunkTop = liftTrunk(j0.neckBase)
  const neckBase = liftTrunk(add(j0.neckBase, scale(glide, GLIDE / 2)))
  // The head keeps its own angle on the neck (a nod still shows), riding on the enlarged glide.
  const head = liftHead(add(add(j0.neckBase, scale(glide, GLIDE)), sub(headCentre(j), j.neckBase)))
  const face = unit(sub(j.face, headCentre(j)))
  const crown = unit(sub(sub(j.headTop, headCentre(j)), scale(face, dot(sub(j.headTop, headCentre(j)), face))))
  const at = (f: number, u: number): Vec3 => add(head, add(scale(face, f), scale(crown, u)))
  const rest = liftHead(headCentre(j0))
  const pad = (d: number): Vec3 => add([rest[0], rest[1], TOWEL / 2], scale(up, d))
  const under = towel
    ? [
        blob(
          'towel',
          [
            [pad(-9), TOWEL / 2],
            [pad(7), TOWEL / 2],
          ],
          'far',
          30,
        ),
      ]
    : []
  return {
    camera,
    track: at(11.5, -1),
    guide: 'upright',
    ...(lying ? { floor: 0 } : {}),
    blobs: [
      ...under,
      // The top of the trunk: the back of it under the neck, the chest well in front.
      blob('upper back', back(trunkTop), 'near', 6),
      blob(
        'neck',
        [
          [neckBase, 5],
          [at(-1, -3), 5],
        ],
        'near',
        3,
      ),
      // Skull, jaw and chin: the face is the side the nose points to.
      blob('head', [
        [head, 10.5],
        [at(5, -6), 5.5],
        [at(7.5, -8.5), 2.6],
        [at(9, 1.5), 3],
      ]),
      blob(
        'nose',
        [
          [at(9.5, 1.5), 1.8],
          [at(12.3, -1.2), 1.2],
          [at(10, -1.6), 1.3],
        ],
        'near',
        -12,
      ),
      blob(
        'ear',
        [
          [at(-1.5, 0.8), 1.6],
          [at(-1.5, -2.2), 1.4],
          [at(-0.6, 0.2), 1.4],
        ],
        'far',
        -12,
      ),
      blob(
        'eye',
        [
          [at(7.6, 3.6), 0.9],
          [at(7.6, 3.61), 0.9],
        ],
        'mark',
        -12,
      ),
    ],
  }
}

const shoulderBlades: PartModel = (pose, { side }) => {
  // Upright, seen from behind, whatever the base position: the blades are what the picture is about.
  const j = forwardKinematics(pose)
  const camera: Mat3 = [
    [0, -1, 0],
    [1, 0, 0],
    [0, 0, 1],
  ]
  const blade = (s: 'left' | 'right') => {
    const sg = s === 'left' ? 1 : -1
    const shoulder = j[`${s}Shoulder`]
    // The blade slides towards the spine as it retracts and rides up and down with the shoulder.
    const inward = 0.16 * pose[s].scapulaRetraction
    const back = shoulder[0] - 6
    const points: Vec3[] = [
      [back, sg * (8 - inward), shoulder[2] - 1],
      [back, sg * (16 - inward), shoulder[2] - 1.5],
      [back, sg * (9 - inward), shoulder[2] - 15],
    ]
    return {
      points,
      shape: blob(
        `${s} shoulder blade`,
        points.map((p) => [p, 1.4] as [Vec3, number]),
        'far',
        -20,
      ),
    }
  }
  const mine = blade(side)
  const other = blade(side === 'left' ? 'right' : 'left')
  return {
    camera,
    // Both blades move: each gets its arrow, at the blade's outer corner so the two stay apart.
    track: mine.points[1]!,
    tracks: [other.points[1]!],
    guide: 'across',
    blobs: [
      blob('head', [[headCentre(j), 10.5]], 'near', 30),
      ...(['left', 'right'] as const).flatMap((s) =>
        chain(
          `${s} upper arm`,
          [
            [j[`${s}Shoulder`], 5.2],
            [j[`${s}Elbow`], 4],
          ],
          'near',
          20,
        ),
      ),
      blob(
        'upper back',
        [
          [j.waist, 11],
          [j.chest, 13],
          [j.leftShoulder, 6],
          [j.rightShoulder, 6],
          [j.neckBase, 5.5],
        ],
        'near',
        10,
      ),
      blob(
        'spine',
        [
          [add(j.neckBase, [-5, 0, 0]), 0.6],
          [add(j.waist, [-12, 0, 0]), 0.6],
        ],
        'mark',
        -30,
      ),
      mine.shape,
      other.shape,
    ],
  }
}

/** How much larger than life the lower back's lift off the line from pelvis to chest is drawn (a lying lordosis is a few cm). */
const ARCH = 2.5

const lowerBack: PartModel = (_pose, { sign, joints: j }) => {
  // Seen from the working side, in place (lying, the floor under it), as the whole figure's side view shows it; no
  // arms, which cover the lower back there. Only the lift of the waist off the line from the pelvis to the chest is
  // drawn larger than life, so a gap under a lying lower back, or its flattening, reads.
  const camera: Mat3 =
    sign === -1
      ? [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ]
      : [
          [-1, 0, 0],
          [0, -1, 0],
          [0, 0, 1],
        ]
  const chord = sub(j.chest, j.pelvis)
  const along = dot(sub(j.waist, j.pelvis), chord) / (dot(chord, chord) || 1)
  const onChord = add(j.pelvis, scale(chord, along))
  const arched = add(onChord, scale(sub(j.waist, onChord), ARCH))
  const lying = Math.abs(unit(chord)[2]) < 0.5
  // Lying, never through the floor.
  const waist: Vec3 = [arched[0], arched[1], lying ? Math.max(arched[2], JOINT_RADIUS.waist) : arched[2]]
  const hip = sign === 1 ? j.leftHip : j.rightHip
  const knee = sign === 1 ? j.leftKnee : j.rightKnee
  const toward = (a: Vec3, b: Vec3, t: number): Vec3 => add(a, scale(sub(b, a), t))
  // The arrow rides above the belly, where the lower back goes: down to the floor, or up off it.
  const track: Vec3 = [waist[0], waist[1], waist[2] + JOINT_RADIUS.waist + 9]
  return {
    camera,
    track,
    ...(lying ? { floor: 0 } : {}),
    blobs: [
      blob(
        'thigh',
        [
          [hip, 8],
          [toward(hip, knee, 0.7), 6.2],
        ],
        'near',
        -5,
      ),
      blob(
        'lower trunk',
        [
          [waist, 11],
          [toward(waist, j.chest, 0.8), 12.6],
        ],
        'near',
        0,
      ),
      blob(
        'pelvis',
        [
          [j.pelvis, 12],
          [waist, 11],
        ],
        'near',
        0,
      ),
    ],
  }
}

export const AXIAL_PARTS = { neck, 'shoulder blades': shoulderBlades, 'lower back': lowerBack } satisfies Record<
  string,
  PartModel
>
