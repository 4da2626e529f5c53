import { describe, expect, it } from 'vitest'
import {
  BONES,
  clampPose,
  forwardKinematics,
  LIMITS,
  mirrorPose,
  NEUTRAL,
  NEUTRAL_LIMB,
  SEGMENTS,
  type Pose,
} from '../../src/diagrams/skeleton'
import { length, rotY, sub } from '../../src/diagrams/vec'

/** Deterministic pseudo-random numbers, so a failing pose can be reproduced. */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

function randomPose(next: () => number): Pose {
  const pick = (key: keyof typeof LIMITS) => LIMITS[key][0] + next() * (LIMITS[key][1] - LIMITS[key][0])
  const limb = () =>
    Object.fromEntries(
      Object.keys(NEUTRAL_LIMB).map((k) => [k, pick(k as keyof typeof LIMITS)]),
    ) as unknown as Pose['left']
  return {
    left: limb(),
    right: limb(),
    trunkFlexion: pick('trunkFlexion'),
    trunkSideBend: pick('trunkSideBend'),
    trunkRotation: pick('trunkRotation'),
    neckFlexion: pick('neckFlexion'),
    neckSideBend: pick('neckSideBend'),
    neckRotation: pick('neckRotation'),
    bodyLean: pick('bodyLean'),
    neckRetraction: pick('neckRetraction'),
    pelvicTilt: pick('pelvicTilt'),
  }
}

const boneLengths = (pose: Pose, turn = 0) => {
  const j = forwardKinematics(pose, rotY(turn))
  return SEGMENTS.map(([a, b]) => Math.round(length(sub(j[a], j[b])) * 1e6) / 1e6)
}

describe('figure skeleton', () => {
  it('keeps every bone its length under any pose and any base orientation', () => {
    const next = random(42)
    const reference = boneLengths(NEUTRAL)
    for (let i = 0; i < 200; i++) expect(boneLengths(randomPose(next), next() * 360)).toEqual(reference)
    expect(reference).toContain(BONES.thigh)
  })

  it('moves joints the way the clinical terms say', () => {
    const j = (left: Partial<Pose['left']>) => forwardKinematics({ ...NEUTRAL, left: { ...NEUTRAL_LIMB, ...left } })
    expect(j({ hipFlexion: 90 }).leftKnee[0]).toBeCloseTo(BONES.thigh) // thigh straight forward
    expect(j({ hipAbduction: 90 }).leftKnee[1]).toBeCloseTo(BONES.pelvisHalfWidth + BONES.thigh) // out to the left
    expect(j({ kneeFlexion: 90 }).leftAnkle[0]).toBeCloseTo(-BONES.shank) // foot behind
    expect(j({ ankleDorsiflexion: 20 }).leftToe[2]).toBeGreaterThan(j({}).leftToe[2]) // toes up
    // With hip and knee bent, external rotation swings the foot towards the midline.
    expect(j({ hipFlexion: 90, kneeFlexion: 90, hipExternalRotation: 30 }).leftAnkle[1]).toBeLessThan(
      j({ hipFlexion: 90, kneeFlexion: 90 }).leftAnkle[1],
    )
    expect(j({ shoulderFlexion: 180 }).leftWrist[2]).toBeGreaterThan(j({}).headTop[2]) // arm overhead
    expect(j({ shoulderAbduction: 90 }).leftWrist[1]).toBeGreaterThan(40) // out to the side
    // Elbow bent at the side: external rotation swings the hand out (to the left for the left arm), internal in.
    expect(j({ elbowFlexion: 90, shoulderExternalRotation: 45 }).leftWrist[1]).toBeGreaterThan(
      j({ elbowFlexion: 90 }).leftWrist[1] + 10,
    )
    expect(j({ elbowFlexion: 90, shoulderExternalRotation: -45 }).leftWrist[1]).toBeLessThan(
      j({ elbowFlexion: 90 }).leftWrist[1] - 10,
    )
    const axial = (pose: Partial<Pose>) => forwardKinematics({ ...NEUTRAL, ...pose })
    expect(axial({ trunkFlexion: 60 }).chest[0]).toBeGreaterThan(20) // bends forward
    expect(axial({ trunkSideBend: 30 }).chest[1]).toBeLessThan(-10) // positive side-bend goes to the right (−y)
    expect(axial({ neckRotation: 60 }).face[1]).toBeLessThan(-5) // looks to the right
    expect(axial({ trunkRotation: 40 }).leftShoulder[0]).toBeGreaterThan(5) // turning right brings the left shoulder forward
  })

  it('clamps angles to their limits and says which', () => {
    const { pose, notes } = clampPose({ ...NEUTRAL, right: { ...NEUTRAL_LIMB, kneeFlexion: 200 }, trunkRotation: -90 })
    expect(pose.right.kneeFlexion).toBe(145)
    expect(pose.trunkRotation).toBe(-45)
    expect(notes).toEqual([
      'Right knee flexion: 200° is outside 0° to 145°; drawn at 145°.',
      'Trunk rotation: -90° is outside -45° to 45°; drawn at -45°.',
    ])
    expect(clampPose(NEUTRAL).notes).toEqual([])
  })

  it('mirrors exactly: the mirrored pose is the reflection across the body’s midline', () => {
    const next = random(7)
    for (let i = 0; i < 50; i++) {
      const pose = randomPose(next)
      const a = forwardKinematics(pose)
      const b = forwardKinematics(mirrorPose(pose))
      for (const name of Object.keys(a) as (keyof typeof a)[]) {
        const other = (
          name.startsWith('left')
            ? name.replace('left', 'right')
            : name.startsWith('right')
              ? name.replace('right', 'left')
              : name
        ) as keyof typeof a
        expect(b[other][0]).toBeCloseTo(a[name][0], 9)
        expect(b[other][1]).toBeCloseTo(-a[name][1], 9)
        expect(b[other][2]).toBeCloseTo(a[name][2], 9)
      }
    }
  })
})
