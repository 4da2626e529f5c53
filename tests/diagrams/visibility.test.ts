import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { libraryFileSchema, type Exercise } from '../../src/core/exercise'
import type { DiagramSpec } from '../../src/diagrams/spec'
import {
  bodyReads,
  chooseViews,
  isStatic,
  MIN_TRAVEL,
  resolvedViews,
  viewTravel,
  viewWords,
} from '../../src/diagrams/visibility'

const standing = (keyframes: DiagramSpec['keyframes'], extra: Partial<DiagramSpec> = {}): DiagramSpec => ({
  base: 'standing',
  keyframes,
  moving: [],
  props: [],
  ...extra,
})

describe('how far a movement travels in each view', () => {
  it('sees a knee bend best from the side and a leg out to the side best from the front', () => {
    const curl = standing([{}, { right: { kneeFlexion: 90 } }])
    expect(viewTravel(curl, 'side').joints.rightAnkle).toBeGreaterThan(viewTravel(curl, 'front').joints.rightAnkle)
    const abduction = standing([{}, { right: { hipAbduction: 30 } }])
    expect(viewTravel(abduction, 'front').joints.rightAnkle).toBeGreaterThan(
      3 * viewTravel(abduction, 'side').joints.rightAnkle,
    )
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
    expect(outAndBack.joints.rightHand).toBeCloseTo(
      viewTravel(standing([{}, { right: { shoulderFlexion: 90 } }]), 'side').joints.rightHand,
      6,
    )
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
    const rotation = standing([
      { right: { elbowFlexion: 90, shoulderExternalRotation: -40 } },
      { right: { elbowFlexion: 90, shoulderExternalRotation: 45 } },
    ])
    expect(chooseViews(rotation)).toEqual(['front'])
  })

  it('never picks a view in which the body does not read while another shows the movement', () => {
    const lift: DiagramSpec = {
      base: 'side-lying-left',
      keyframes: [{}, { right: { hipAbduction: 35 } }],
      moving: [],
      props: [],
    }
    for (const view of chooseViews(lift)) expect(bodyReads(lift, view), view).toBe(true)
  })

  it('prefers any other view that shows the movement to a view from above, and never prints a top view alone', () => {
    // Knees falling out to the sides while lying: largest from above, but clear from an angle too.
    const slides: DiagramSpec = {
      base: 'supine',
      keyframes: [{}, { right: { hipAbduction: 35 }, left: { hipAbduction: 35 } }],
      moving: [],
      props: [],
    }
    expect(viewTravel(slides, 'top').most.share).toBeGreaterThan(viewTravel(slides, 'three-quarter').most.share)
    expect(chooseViews(slides)[0]).not.toBe('top')
    for (const e of library.filter((x) => x.diagram && !x.diagram.views))
      expect(chooseViews(e.diagram!), e.id).not.toEqual(['top'])
  })

  it('names where each view is seen from, a front view of a body facing away being from behind', () => {
    const still = (base: DiagramSpec['base']): DiagramSpec => ({
      base,
      keyframes: [{}, { right: { hipAbduction: 30 } }],
      moving: [],
      props: [],
    })
    expect(viewWords(still('standing'), 'front')).toBe('From the front')
    expect(viewWords(still('standing'), 'side')).toBe('From the side')
    expect(viewWords(still('supine'), 'top')).toBe('From above')
    // The four-point kneel faces along the floor, away from a front camera: the picture shows the seat and the soles.
    const hydrant = library.find((e) => e.id === 'fire-hydrant')!.diagram!
    expect(viewWords(hydrant, 'front')).toBe('From behind')
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

/**
 * Motions too small for a whole-body picture at print size (under MIN_TRAVEL of the frame in every
 * view). They get a zoomed detail inset of the part; until then the steps carry the detail.
 */
const NEEDS_DETAIL_INSET: Record<string, string> = {
  'standing-calf-raise': 'needs detail inset: ankle (heel rise)',
  'single-leg-calf-raise': 'needs detail inset: ankle (heel rise)',
  'seated-heel-raise': 'needs detail inset: ankle (heel rise)',
  'heel-raises-holding-chair': 'needs detail inset: ankle (heel rise)',
  'calf-raise-off-step': 'needs detail inset: ankle (heel rise)',
  'toe-raises-holding-chair': 'needs detail inset: ankle and toes (forefoot lift)',
  'standing-feet-together': 'needs detail inset: feet (brought together)',
  'terminal-knee-extension': 'needs detail inset: knee (last degrees of straightening)',
  'knee-extension-stretch': 'needs detail inset: knee (sagging straight)',
}

const library: Exercise[] = readdirSync('resources/library/exercises')
  .filter((f) => f.endsWith('.json'))
  .flatMap(
    (f) => libraryFileSchema.parse(JSON.parse(readFileSync(join('resources/library/exercises', f), 'utf8'))).exercises,
  )

describe('the built-in library', () => {
  const moving = library.filter((e) => e.diagram && !isStatic(e.diagram))

  it(`shows every movement in every printed view: the moving part travels at least ${MIN_TRAVEL * 100} % of the frame height`, () => {
    expect(moving.length).toBeGreaterThan(100)
    // A spec with a zoomed detail inset shows its small movement there (tests/diagrams/inset.test.ts checks it moves).
    for (const e of moving.filter((m) => !(m.id in NEEDS_DETAIL_INSET) && !m.diagram!.detail)) {
      const views = resolvedViews(e.diagram!)
      // A side view printed beside a top view is there to show the body; the top view shows the movement. A lying
      // body's lift off the floor is the other way round: the side view shows it, and the top view beside it shows
      // the shape the limbs keep on the floor (the W of a prone W raise), which does not move from above.
      const lying = ['supine', 'prone'].includes(e.diagram!.base)
      const shapeOnly = (v: string) =>
        lying && v === 'top' && views[0] === 'side' && viewTravel(e.diagram!, 'side').most.share >= MIN_TRAVEL
      for (const view of views.filter((v) => !(v === 'side' && views.includes('top')) && !shapeOnly(v))) {
        const { most } = viewTravel(e.diagram!, view)
        expect(
          most.share,
          `${e.id} (${view}): ${most.joint} travels ${(most.share * 100).toFixed(1)} %`,
        ).toBeGreaterThanOrEqual(MIN_TRAVEL)
      }
    }
  })

  it('exempts only movements that really are too small to see, and only exercises that exist and move', () => {
    for (const id of Object.keys(NEEDS_DETAIL_INSET)) {
      const e = moving.find((m) => m.id === id)
      expect(e, `${id} is not a moving library exercise`).toBeDefined()
      expect(e!.diagram!.detail, `${id} has a detail inset now: take it off the list`).toBeUndefined()
      const best = Math.max(
        ...(['side', 'front', 'three-quarter'] as const).map((v) => viewTravel(e!.diagram!, v).most.share),
      )
      expect(best, `${id} shows its movement in a view; it needs no exemption`).toBeLessThan(MIN_TRAVEL)
    }
  })

  it('never prints a standing, sitting or kneeling body from above on its own', () => {
    for (const e of library.filter((x) => x.diagram)) {
      const views = resolvedViews(e.diagram!)
      // Beside a view the body reads in: from the side, or from the front for a movement out to the side.
      if (views.includes('top') && !bodyReads(e.diagram!, 'top'))
        expect(
          views.some((v) => v === 'side' || v === 'front'),
          e.id,
        ).toBe(true)
    }
  })
})
