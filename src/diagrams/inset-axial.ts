/**
 * Inset models of the neck (head, neck and upper back from the side, in place, an eye showing the gaze
 * stays level in a chin tuck) and of the shoulder blades (the upper back from behind, the blades
 * lifting in a shrug and sliding towards the spine in a squeeze).
 */
import { blob, chain, type PartModel } from './inset-model'
import { headCentre } from './placement'
import { forwardKinematics } from './skeleton'
import { add, scale, sub, type Mat3, type Vec3 } from './vec'

const neck: PartModel = (_pose, { sign, joints: j }) => {
  const head = headCentre(j)
  const toFace = sub(j.face, head)
  const eye: Vec3 = add(add(head, scale(toFace, 0.55)), scale(sub(j.headTop, j.neckBase), 0.12))
  return {
    // From the working side (the right unless the spec says left), so a mirrored spec draws a mirror image.
    camera: [[-sign, 0, 0], [0, -sign, 0], [0, 0, 1]],
    track: j.face,
    guide: 'upright',
    blobs: [
      blob('upper back', [[add(j.neckBase, scale(sub(j.chest, j.neckBase), 0.6)), 8], [j.neckBase, 5.5]], 'near', 6),
      blob('neck', [[j.neckBase, 5], [head, 5]], 'near', 3),
      blob('head', [[head, 10.5], [j.face, 4]]),
      blob('eye', [[eye, 0.9], [add(eye, [0, 0, 0.01]), 0.9]], 'mark', -12),
    ],
  }
}

const shoulderBlades: PartModel = (pose, { side }) => {
  // Upright, seen from behind, whatever the base position: the blades are what the picture is about.
  const j = forwardKinematics(pose)
  const camera: Mat3 = [[0, -1, 0], [1, 0, 0], [0, 0, 1]]
  const blade = (s: 'left' | 'right') => {
    const sg = s === 'left' ? 1 : -1
    const shoulder = j[`${s}Shoulder`]
    // The blade slides towards the spine as it retracts and rides up and down with the shoulder.
    const inward = 0.13 * pose[s].scapulaRetraction
    const back = shoulder[0] - 6
    const points: Vec3[] = [[back, sg * (7 - inward), shoulder[2] - 1], [back, sg * (15 - inward), shoulder[2] - 1.5], [back, sg * (8 - inward), shoulder[2] - 15]]
    return { points, shape: blob(`${s} shoulder blade`, points.map((p) => [p, 1.4] as [Vec3, number]), 'far', -20) }
  }
  const mine = blade(side)
  const other = blade(side === 'left' ? 'right' : 'left')
  const c = mine.points.reduce((sum, p) => add(sum, scale(p, 1 / 3)), [0, 0, 0] as Vec3)
  return {
    camera,
    track: c,
    guide: 'across',
    blobs: [
      blob('head', [[headCentre(j), 10.5]], 'near', 30),
      ...(['left', 'right'] as const).flatMap((s) => chain(`${s} upper arm`, [[j[`${s}Shoulder`], 5.2], [j[`${s}Elbow`], 4]], 'near', 20)),
      blob('upper back', [[j.waist, 11], [j.chest, 13], [j.leftShoulder, 6], [j.rightShoulder, 6], [j.neckBase, 5.5]], 'near', 10),
      blob('spine', [[add(j.neckBase, [-5, 0, 0]), 0.6], [add(j.waist, [-12, 0, 0]), 0.6]], 'mark', -30),
      mine.shape,
      other.shape,
    ],
  }
}

export const AXIAL_PARTS = { neck, 'shoulder blades': shoulderBlades } satisfies Record<string, PartModel>
