/**
 * Joint angles in the words a clinician uses, with the direction read from the sign:
 * hipFlexion −20 on the right is "Right hip: extension 20°".
 */
import type { AxialAngleName, LimbAngleName } from './spec'

const LIMB: Record<LimbAngleName, [joint: string, positive: string, negative: string]> = {
  hipFlexion: ['hip', 'flexion', 'extension'],
  hipAbduction: ['hip', 'abduction', 'adduction'],
  hipExternalRotation: ['hip', 'external rotation', 'internal rotation'],
  kneeFlexion: ['knee', 'flexion', 'flexion'],
  ankleDorsiflexion: ['ankle', 'dorsiflexion', 'plantarflexion'],
  shoulderFlexion: ['shoulder', 'flexion', 'extension'],
  shoulderAbduction: ['shoulder', 'abduction', 'adduction'],
  shoulderExternalRotation: ['shoulder', 'external rotation', 'internal rotation'],
  elbowFlexion: ['elbow', 'flexion', 'flexion'],
  wristExtension: ['wrist', 'extension', 'flexion'],
  forearmPronation: ['forearm', 'pronation', 'supination'],
  ankleInversion: ['ankle', 'inversion', 'eversion'],
  fingerFlexion: ['fingers', 'flexion', 'flexion'],
  fingerSpread: ['fingers', 'spread', 'spread'],
  toeFlexion: ['toes', 'flexion', 'extension'],
  scapulaElevation: ['shoulder blade', 'elevation', 'depression'],
  scapulaRetraction: ['shoulder blade', 'retraction', 'protraction'],
}
const AXIAL: Record<AxialAngleName, [part: string, positive: string, negative: string]> = {
  trunkFlexion: ['Trunk', 'flexion', 'extension'],
  trunkSideBend: ['Trunk', 'side-bend to the right', 'side-bend to the left'],
  trunkRotation: ['Trunk', 'rotation to the right', 'rotation to the left'],
  neckFlexion: ['Neck', 'flexion', 'extension'],
  neckSideBend: ['Neck', 'side-bend to the right', 'side-bend to the left'],
  neckRotation: ['Neck', 'rotation to the right', 'rotation to the left'],
  bodyLean: ['Whole body', 'lean forward', 'lean back'],
  neckRetraction: ['Neck', 'retraction (chin tuck)', 'protrusion'],
  pelvicTilt: ['Pelvis', 'posterior tilt', 'anterior tilt'],
}

export function limbAngleWords(side: 'left' | 'right', name: LimbAngleName, value: number): string {
  const [joint, pos, neg] = LIMB[name]
  return `${side === 'left' ? 'Left' : 'Right'} ${joint}: ${value < 0 ? neg : pos} ${Math.abs(Math.round(value))}°`
}

export function axialAngleWords(name: AxialAngleName, value: number): string {
  const [part, pos, neg] = AXIAL[name]
  return `${part}: ${value < 0 ? neg : value > 0 ? pos : pos.replace(/ to the right$/, '')} ${Math.abs(Math.round(value))}°`
}

/** Joint names for menus: "rightKnee" → "Right knee". */
export function jointWords(name: string): string {
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase()
  return words[0]!.toUpperCase() + words.slice(1)
}
