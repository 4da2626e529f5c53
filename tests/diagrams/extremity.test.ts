import { describe, expect, it } from 'vitest'
import { fingerPoints } from '../../src/diagrams/extremity'
import { BONES, forwardKinematics, NEUTRAL, NEUTRAL_LIMB, type Pose } from '../../src/diagrams/skeleton'
import { length, sub } from '../../src/diagrams/vec'

const left = (angles: Partial<Pose['left']>, axial: Partial<Pose> = {}) =>
  forwardKinematics({ ...NEUTRAL, ...axial, left: { ...NEUTRAL_LIMB, ...angles } })
const right = (angles: Partial<Pose['right']>) =>
  forwardKinematics({ ...NEUTRAL, right: { ...NEUTRAL_LIMB, ...angles } })

describe('hands, feet, shoulder blades and chin tuck', () => {
  it('turns the hand with the forearm: the thumb is out to the side palm up, across to the midline palm down, on top thumb-up', () => {
    const arm = { shoulderFlexion: 90 }
    const up = left({ ...arm, forearmPronation: -90 })
    const down = left({ ...arm, forearmPronation: 90 })
    const mid = left({ ...arm, forearmPronation: 0 })
    expect(up.leftThumb[1] - up.leftHand[1]).toBeGreaterThan(2) // left hand, palm up: thumb to the left (outside)
    expect(down.leftThumb[1] - down.leftHand[1]).toBeLessThan(-2) // palm down: thumb towards the midline
    expect(mid.leftThumb[2] - mid.leftHand[2]).toBeGreaterThan(2) // thumb up
    // The right hand does the same on its own side.
    expect(right({ ...arm, forearmPronation: -90 }).rightThumb[1]).toBeLessThan(
      right({ ...arm, forearmPronation: -90 }).rightHand[1] - 2,
    )
  })

  it('bends the wrist the other way in space once the palm is turned down (a wrist curl against a reverse curl)', () => {
    const arm = { shoulderFlexion: 90, wristExtension: 50 }
    expect(left({ ...arm, forearmPronation: -90 }).leftHand[2]).toBeLessThan(
      left({ shoulderFlexion: 90 }).leftHand[2] - 4,
    ) // palm up: back of hand is down
    expect(left({ ...arm, forearmPronation: 90 }).leftHand[2]).toBeGreaterThan(
      left({ shoulderFlexion: 90 }).leftHand[2] + 4,
    ) // palm down: the hand lifts
  })

  it('leaves a pose that does not use the new angles where it was: hand and foot straight along the forearm and the foot', () => {
    const j = left({})
    expect(length(sub(j.leftHand, j.leftWrist))).toBeCloseTo(BONES.hand)
    expect(j.leftHand[0]).toBeCloseTo(j.leftWrist[0])
    expect(length(sub(j.leftToe, j.leftAnkle))).toBeCloseTo(BONES.foot)
    expect(j.leftToe[2]).toBeCloseTo(j.leftAnkle[2])
  })

  it('closes the fingers into a fist and fans the thumb out with spread', () => {
    const open = left({})
    const fist = left({ fingerFlexion: 100 })
    expect(length(sub(fist.leftHand, fist.leftWrist))).toBeLessThan(length(sub(open.leftHand, open.leftWrist)) - 3)
    expect(left({ fingerSpread: 30 }).leftThumb[1]).toBeGreaterThan(open.leftThumb[1] + 0.5)
    // Spread fans index and little finger apart, on either hand.
    for (const sign of [1, -1] as const) {
      const gap = (spread: number) => {
        const f = fingerPoints({ ...NEUTRAL_LIMB, fingerSpread: spread }, sign)
        return Math.abs(f[0]![2][1] - f[3]![2][1])
      }
      expect(gap(30)).toBeGreaterThan(gap(0) + 2)
    }
  })

  it('curls the toes down and rolls the foot in with inversion, out with eversion', () => {
    expect(left({ toeFlexion: 50 }).leftToe[2]).toBeLessThan(left({}).leftToe[2] - 2)
    expect(left({ toeFlexion: -30 }).leftToe[2]).toBeGreaterThan(left({}).leftToe[2] + 2)
    // Inversion turns the toes towards the midline (−y for the left foot), eversion away from it.
    expect(left({ ankleInversion: 30 }).leftToe[1]).toBeLessThan(left({}).leftToe[1] - 2)
    expect(left({ ankleInversion: -20 }).leftToe[1]).toBeGreaterThan(left({}).leftToe[1] + 2)
    expect(right({ ankleInversion: 30 }).rightToe[1]).toBeGreaterThan(right({}).rightToe[1] + 2)
  })

  it('lifts the shoulder in a shrug and draws it back in a squeeze, carrying the arm along', () => {
    const rest = left({})
    const shrug = left({ scapulaElevation: 30 })
    const squeeze = left({ scapulaRetraction: 20 })
    expect(shrug.leftShoulder[2]).toBeGreaterThan(rest.leftShoulder[2] + 5)
    expect(shrug.leftWrist[2] - shrug.leftShoulder[2]).toBeCloseTo(rest.leftWrist[2] - rest.leftShoulder[2])
    expect(squeeze.leftShoulder[0]).toBeLessThan(rest.leftShoulder[0] - 4)
    expect(left({ scapulaRetraction: -20 }).leftShoulder[0]).toBeGreaterThan(rest.leftShoulder[0] + 4)
  })

  it('slides the head straight back in a chin tuck, keeping the face level', () => {
    const rest = left({})
    const tuck = left({}, { neckRetraction: 25 })
    expect(tuck.headTop[0]).toBeLessThan(rest.headTop[0] - 3)
    expect(tuck.face[2] - tuck.headTop[2]).toBeCloseTo(rest.face[2] - rest.headTop[2])
  })
})
