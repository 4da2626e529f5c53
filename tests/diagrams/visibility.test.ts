import { describe, expect, it } from 'vitest'
import type { DiagramSpec } from '../../src/diagrams/spec'
import { bodyReads, chooseViews, isStatic, resolvedViews, viewTravel } from '../../src/diagrams/visibility'

const standing = (keyframes: DiagramSpec['keyframes'], extra: Partial<DiagramSpec> = {}): DiagramSpec => ({ base: 'standing', keyframes, moving: [], props: [], ...extra })

describe('how far a movement travels in each view', () => {
  it('sees a knee bend best from the side and a leg out to the side best from the front', () => {
    const curl = standing([{}, { right: { kneeFlexion: 90 } }])
    expect(viewTravel(curl, 'side').joints.rightAnkle).toBeGreaterThan(viewTravel(curl, 'front').joints.rightAnkle)
    const abduction = standing([{}, { right: { hipAbduction: 30 } }])
    expect(viewTravel(abduction, 'front').joints.rightAnkle).toBeGreaterThan(3 * viewTravel(abduction, 'side').joints.rightAnkle)
  })

  it('measures on the drawing: a larger movement travels further, a joint that does not move travels nothing', () => {
    const small = viewTravel(standing([{}, { right: { shoulderFlexion: 30 } }]), 'side')
    const large = viewTravel(standing([{}, { right: { shoulderFlexion: 90 } }]), 'side')
    expect(large.joints.rightHand).toBeGreaterThan(2 * small.joints.rightHand)
    expect(large.joints.leftHand).toBeLessThan(0.001)
    expect(large.most.joint).toBe('rightHand')
  })

  it('counts the largest travel between any two keyframes, not only start and end', () => {
    const outAndBack = viewTravel(standing([{}, { right: { shoulderFlexion: 90 } }, {}]), 'side')
    expect(outAndBack.joints.rightHand).toBeCloseTo(viewTravel(standing([{}, { right: { shoulderFlexion: 90 } }]), 'side').joints.rightHand, 6)
  })

  it('does not count a knee hidden under a standing body in the view from above', () => {
    const knees = standing([{}, { left: { kneeFlexion: 30 }, right: { kneeFlexion: 30 } }])
    expect(viewTravel(knees, 'top').joints.rightKnee).toBe(0)
  })

  it('treats keyframes that place every joint alike as a held position', () => {
    expect(isStatic(standing([{ right: { elbowFlexion: 90 } }, { right: { elbowFlexion: 90 } }]))).toBe(true)
    expect(isStatic(standing([{}, { right: { elbowFlexion: 10 } }]))).toBe(false)
  })
})

describe('whether the body reads in a view', () => {
  it('reads a standing body from the side, front and three-quarter but not from above; a lying body from above but not from its feet', () => {
    const stand = standing([{}, {}])
    expect((['side', 'front', 'three-quarter'] as const).every((v) => bodyReads(stand, v))).toBe(true)
    expect(bodyReads(stand, 'top')).toBe(false)
    const lying: DiagramSpec = { ...stand, base: 'supine' }
    expect(bodyReads(lying, 'top')).toBe(true)
    expect(bodyReads(lying, 'front')).toBe(false)
  })
})

describe('choosing views from the movement', () => {
  it('keeps the side view for movements it shows, and turns to the front for sideways ones', () => {
    expect(chooseViews(standing([{}, { right: { hipFlexion: 70, kneeFlexion: 80 } }]))).toEqual(['side'])
    expect(chooseViews(standing([{}, { right: { hipAbduction: 30 } }]))).toEqual(['front'])
  })

  it('shows a standing band external rotation from the front, not from above', () => {
    const rotation = standing([{ right: { elbowFlexion: 90, shoulderExternalRotation: -40 } }, { right: { elbowFlexion: 90, shoulderExternalRotation: 45 } }])
    expect(chooseViews(rotation)).toEqual(['front'])
  })

  it('never picks a view in which the body does not read while another shows the movement', () => {
    const lift: DiagramSpec = { base: 'side-lying-left', keyframes: [{}, { right: { hipAbduction: 35 } }], moving: [], props: [] }
    for (const view of chooseViews(lift)) expect(bodyReads(lift, view), view).toBe(true)
  })

  it('gives a held position one side view', () => {
    expect(chooseViews(standing([{ right: { elbowFlexion: 90 } }, { right: { elbowFlexion: 90 } }]))).toEqual(['side'])
  })

  it("uses the spec's own views when it has them, the chosen ones otherwise", () => {
    const abduction = standing([{}, { right: { hipAbduction: 30 } }])
    expect(resolvedViews({ ...abduction, views: ['side', 'top'] })).toEqual(['side', 'top'])
    expect(resolvedViews(abduction)).toEqual(chooseViews(abduction))
  })
})
