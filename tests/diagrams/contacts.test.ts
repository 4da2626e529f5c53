import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { libraryFileSchema } from '../../src/core/exercise'
import {
  declaredSupports,
  keyframeContacts,
  specContacts,
  supportList,
  supportMismatches,
} from '../../src/diagrams/contacts'
import { placeForSpec, specPoses } from '../../src/diagrams/figure'
import { diagramSpecSchema, type DiagramSpec, type Keyframe } from '../../src/diagrams/spec'

const spec = (base: DiagramSpec['base'], keyframes: Keyframe[], extra: Partial<DiagramSpec> = {}): DiagramSpec =>
  diagramSpecSchema.parse({ base, views: ['side'], keyframes, moving: [], props: [], ...extra })
const both = (angles: NonNullable<Keyframe['left']>): Keyframe => ({ left: angles, right: angles })
const supports = (s: DiagramSpec) => specContacts(s).map(supportList)

describe('what a pose rests on', () => {
  it('names feet flat, heels and toes apart when standing', () => {
    const [flat, toes, heels] = supports(
      spec('standing', [{}, both({ ankleDorsiflexion: -35 }), both({ ankleDorsiflexion: 20 })]),
    )
    expect(flat).toEqual(['leftFoot', 'rightFoot'])
    expect(toes).toEqual(['leftToes', 'rightToes'])
    expect(heels).toEqual(['leftHeel', 'rightHeel'])
    // One foot lifted: only the stance foot is listed.
    expect(supports(spec('standing', [{}, { right: { hipFlexion: 60, kneeFlexion: 60 } }]))[1]).toEqual(['leftFoot'])
  })

  it('lies on head, shoulders, pelvis and heels; a bridge lifts the pelvis but keeps shoulders, head and flat feet down', () => {
    const hook = both({ hipFlexion: 43, kneeFlexion: 105, ankleDorsiflexion: -36 })
    const [flat, hooked, bridge] = supports(
      spec('supine', [{}, hook, both({ kneeFlexion: 90, ankleDorsiflexion: -25 })]),
    )
    expect(flat).toEqual(['head', 'leftHeel', 'pelvis', 'rightHeel', 'shoulders'])
    expect(hooked).toEqual(['head', 'leftFoot', 'pelvis', 'rightFoot', 'shoulders'])
    expect(bridge).toEqual(['head', 'leftFoot', 'rightFoot', 'shoulders'])
  })

  it('kneels on hands and knees on all fours, and on forearms when the elbows are down', () => {
    const [fours] = supports(spec('quadruped', [{}, {}]))
    expect(fours).toEqual(expect.arrayContaining(['leftHand', 'rightHand', 'leftKnee', 'rightKnee']))
    expect(fours).not.toContain('pelvis')
    const [, propped] = supports(
      spec('prone', [{}, { trunkFlexion: -30, ...both({ shoulderFlexion: 92, elbowFlexion: 56 }) }]),
    )
    expect(propped).toEqual(expect.arrayContaining(['leftForearm', 'rightForearm', 'pelvis']))
    expect(propped).not.toContain('shoulders')
  })

  it('lies face down on pelvis, knees and the tops of the feet; lying on the side rests on the lower hip too', () => {
    const [prone] = supports(spec('prone', [{}, {}]))
    expect(prone).toEqual(['head', 'leftFoot', 'leftKnee', 'pelvis', 'rightFoot', 'rightKnee', 'shoulders'])
    const side = supports(spec('side-lying-left', [both({ hipFlexion: 45, kneeFlexion: 90 }), {}]))[0]!
    expect(side).toEqual(expect.arrayContaining(['pelvis', 'shoulders', 'leftKnee']))
    expect(side.filter((p) => p.startsWith('right'))).toEqual([])
  })

  it('lists props: a chair under a sitting pelvis, a hand on a chair back, feet on a step', () => {
    expect(supports(spec('sitting', [{}, {}]))[0]).toEqual(['leftFoot', 'pelvis@chair', 'rightFoot'])
    expect(supports(spec('standing', [{}, {}], { props: [{ kind: 'chair', at: 'rightHand' }] }))[0]).toEqual([
      'leftFoot',
      'rightFoot',
      'rightHand@chair',
    ])
    const onStep = supports(
      spec('standing', [{}, both({ ankleDorsiflexion: -30 })], { props: [{ kind: 'step', at: 'rightToe' }] }),
    )
    expect(onStep).toEqual([
      ['leftFoot@step', 'rightFoot@step'],
      ['leftToes@step', 'rightToes@step'],
    ])
    // A foot put up on a step while the other stands on the floor.
    const stepUp = supports(
      spec('standing', [{ right: { hipFlexion: 50, kneeFlexion: 70, ankleDorsiflexion: 20 } }, {}], {
        props: [{ kind: 'step', at: 'rightToe' }],
      }),
    )
    expect(stepUp[0]).toEqual(['leftFoot', 'rightFoot@step'])
  })

  it('reports parts through the floor', () => {
    const s = spec('standing', [{}, {}])
    const sunk = placeForSpec(s, specPoses(s).poses[0]!)
    sunk.rightHand = [sunk.rightHand[0], sunk.rightHand[1], -4]
    expect(keyframeContacts(s, sunk).belowFloor).toEqual(['rightHand'])
    expect(keyframeContacts(s, placeForSpec(s, specPoses(s).poses[0]!)).belowFloor).toEqual([])
  })

  it('checks declared supports: one list for every keyframe or one per keyframe', () => {
    const march = [{}, { right: { hipFlexion: 60, kneeFlexion: 60 } }]
    expect(declaredSupports(spec('standing', march, { supports: ['rightFoot', 'leftFoot'] }))).toEqual([
      ['leftFoot', 'rightFoot'],
      ['leftFoot', 'rightFoot'],
    ])
    expect(supportMismatches(spec('standing', march, { supports: ['leftFoot', 'rightFoot'] }))).toEqual([
      'keyframe 1: not touching rightFoot',
    ])
    expect(
      supportMismatches(
        spec('standing', march, {
          supports: [
            ['leftFoot', 'rightFoot'],
            ['leftFoot', 'rightToes'],
          ],
        }),
      ),
    ).toEqual(['keyframe 1: not touching rightToes'])
    expect(supportMismatches(spec('standing', march, { supports: [['leftFoot'], ['leftFoot']] }))).toEqual([
      'keyframe 0: also touching rightFoot',
    ])
    expect(supportMismatches(spec('standing', march, { supports: [['leftFoot', 'rightFoot'], ['leftFoot']] }))).toEqual(
      [],
    )
    // A chair held at knee height is not a chair back.
    const low = spec('tall-kneeling', [{}, {}], { props: [{ kind: 'chair', at: 'rightHand' }] })
    expect(supportMismatches(low).join()).toMatch(/rightHand holds the chair/)
  })

  it('accepts only known support names', () => {
    const ok = { base: 'standing', views: ['side'], keyframes: [{}, {}], moving: [], props: [] }
    expect(
      diagramSpecSchema.safeParse({ ...ok, supports: ['leftFoot', 'rightHand@chair', 'pelvis@wall'] }).success,
    ).toBe(true)
    expect(diagramSpecSchema.safeParse({ ...ok, supports: ['leftFeet'] }).success).toBe(false)
    expect(diagramSpecSchema.safeParse({ ...ok, supports: ['leftHand@sofa'] }).success).toBe(false)
  })
})

describe('the built-in diagrams', () => {
  const dir = 'resources/library/exercises'
  const exercises = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => libraryFileSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))).exercises)
  const drawn = exercises.filter((e) => e.diagram)

  it('each declare what they rest on in every keyframe', () => {
    expect(drawn.length).toBeGreaterThan(150)
    expect(drawn.filter((e) => !e.diagram!.supports).map((e) => e.id)).toEqual([])
  })

  it('rest on what they declare, hold props at a real height and never go through the floor', () => {
    const wrong = drawn.flatMap((e) => supportMismatches(e.diagram!).map((m) => `${e.id}: ${m}`))
    expect(wrong).toEqual([])
  })
})
