import { describe, expect, it } from 'vitest'
import {
  basePositions,
  BASE_POSE,
  HEAD_RADIUS,
  headCentre,
  JOINT_RADIUS,
  lowestSurface,
  ORIENTATION,
  placeFigure,
  resolvePose,
} from '../../src/diagrams/placement'
import { project } from '../../src/diagrams/project'
import { NEUTRAL, NEUTRAL_LIMB, type Pose } from '../../src/diagrams/skeleton'

const bent: Pose = {
  ...NEUTRAL,
  left: { ...NEUTRAL_LIMB, hipFlexion: 45, kneeFlexion: 90 },
  right: { ...NEUTRAL_LIMB, hipFlexion: 45, kneeFlexion: 90 },
}

describe('base positions and views', () => {
  it('turns the body only by proper rotations (no stretching, no mirror image)', () => {
    for (const base of basePositions) {
      const m = ORIENTATION[base]
      const det =
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
        m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
        m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
      expect(det, base).toBeCloseTo(1, 9)
      for (const row of m) expect(Math.hypot(...row), base).toBeCloseTo(1, 9)
    }
  })

  it('keeps the body on the floor in every base position, whatever the pose: resting on its surface, not sinking', () => {
    for (const base of basePositions) {
      for (const pose of [BASE_POSE[base], bent, resolvePose(base, { right: { hipFlexion: 60 }, trunkFlexion: 20 })]) {
        expect(lowestSurface(placeFigure(pose, base)), base).toBeCloseTo(0, 9)
      }
    }
  })

  it('rests a bridge on shoulders and feet, and four-point kneeling on hands and knees', () => {
    const bridge = placeFigure(
      resolvePose('supine', { left: { kneeFlexion: 90 }, right: { kneeFlexion: 90 } }),
      'supine',
    )
    expect(bridge.pelvis[2]).toBeGreaterThan(25) // the hips are up
    expect(Math.min(bridge.leftAnkle[2] - 5, bridge.leftToe[2] - 2.5)).toBeLessThan(1) // feet on the floor
    expect(bridge.chest[2] - 13).toBeLessThan(6) // upper back on the floor
    // A raised leg is never pulled down: lying with one knee to the chest stays flat.
    const knee = placeFigure(resolvePose('supine', { right: { hipFlexion: 110, kneeFlexion: 120 } }), 'supine')
    expect(knee.pelvis[2]).toBeLessThan(14)
    const fours = placeFigure(BASE_POSE.quadruped, 'quadruped')
    expect(fours.leftHand[2] - 2.5).toBeCloseTo(0, 1)
    expect(fours.leftKnee[2] - 5.5).toBeCloseTo(0, 1)
  })

  it('keeps a bridge on its shoulders and the back of its head, with the feet down and the pelvis up', () => {
    // Hips straight, knees bent: the body tips up onto the feet; the neck bends so the head stays down too.
    const bridge = placeFigure(
      resolvePose('supine', { left: { kneeFlexion: 90 }, right: { kneeFlexion: 90 } }),
      'supine',
    )
    const above = (n: keyof typeof JOINT_RADIUS) => bridge[n][2] - JOINT_RADIUS[n]
    expect(Math.min(above('leftShoulder'), above('chest'))).toBeLessThan(1.5)
    expect(headCentre(bridge)[2] - HEAD_RADIUS).toBeLessThan(1.5)
    expect(Math.min(above('leftAnkle'), above('leftToe'))).toBeLessThan(1.5)
    expect(above('pelvis')).toBeGreaterThan(15)
    expect(lowestSurface(bridge)).toBeCloseTo(0, 9)
  })

  it('lets a side-lying body settle onto its lower hip instead of balancing on the shoulder', () => {
    for (const base of ['side-lying-left', 'side-lying-right'] as const) {
      const j = placeFigure(
        resolvePose(base, { left: { hipFlexion: 45, kneeFlexion: 90 }, right: { hipFlexion: 45, kneeFlexion: 90 } }),
        base,
      )
      const down = base === 'side-lying-left' ? 'left' : 'right'
      expect(j[`${down}Hip`][2] - JOINT_RADIUS[`${down}Hip`], base).toBeLessThan(3)
      expect(j[`${down}Shoulder`][2] - JOINT_RADIUS[`${down}Shoulder`], base).toBeLessThan(1.5)
      expect(lowestSurface(j), base).toBeCloseTo(0, 9)
    }
    // A side plank already rests on forearm and feet: it is not tipped onto the hip.
    const plank = placeFigure(
      resolvePose('side-lying-left', {
        trunkSideBend: 18,
        left: { hipAbduction: 18, shoulderFlexion: 0, shoulderAbduction: 72, elbowFlexion: 90 },
        right: { hipAbduction: -18 },
      }),
      'side-lying-left',
    )
    expect(plank.leftHip[2] - JOINT_RADIUS.leftHip).toBeGreaterThan(8)
  })

  it('balances a standing body over its stance legs, unless its back leans on a wall', () => {
    const squat = resolvePose('standing', {
      left: { hipFlexion: 80, kneeFlexion: 80 },
      right: { hipFlexion: 80, kneeFlexion: 80 },
    })
    const balanced = placeFigure(squat, 'standing')
    // Hips over the ankles, so the trunk leans forward.
    expect(balanced.leftHip[0]).toBeCloseTo(balanced.leftAnkle[0], 6)
    expect(balanced.chest[0] - balanced.pelvis[0]).toBeGreaterThan(20)
    const onWall = placeFigure(squat, 'standing', { leaningOnWall: true })
    expect(onWall.chest[0]).toBeCloseTo(onWall.pelvis[0], 6) // the back stays upright against the wall
    expect(onWall.leftAnkle[0] - onWall.leftHip[0]).toBeGreaterThan(30) // feet out in front
  })

  it('leans a standing body forward from the feet in one straight line', () => {
    const lean = placeFigure(resolvePose('standing', { bodyLean: 20 }), 'standing')
    const [ankle, hip, head] = [lean.leftAnkle, lean.leftHip, lean.headTop]
    const angle = (a: readonly number[], b: readonly number[]) =>
      (Math.atan2(b[0]! - a[0]!, b[2]! - a[2]!) * 180) / Math.PI
    expect(angle(ankle, hip)).toBeCloseTo(20, 0)
    expect(angle(hip, head)).toBeCloseTo(20, 0)
  })

  it('lays the body down: lying positions are long and low, standing is tall', () => {
    const extent = (base: (typeof basePositions)[number]) => {
      const points = Object.values(placeFigure(NEUTRAL, base))
      return {
        height: Math.max(...points.map((p) => p[2])),
        width: Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0])),
      }
    }
    expect(extent('standing').height).toBeGreaterThan(150)
    for (const base of ['supine', 'prone', 'side-lying-left', 'side-lying-right'] as const) {
      expect(extent(base).height, base).toBeLessThan(60)
      expect(extent(base).width, base).toBeGreaterThan(150)
    }
    // Supine and right-side-lying put the head to the left of the picture, left-side-lying to the right;
    // side-lying figures face the viewer (their front is towards -y).
    for (const base of ['supine', 'side-lying-right'] as const) {
      const j = placeFigure(NEUTRAL, base)
      expect(j.headTop[0], base).toBeLessThan(j.leftAnkle[0])
    }
    expect(placeFigure(NEUTRAL, 'side-lying-left').headTop[0]).toBeGreaterThan(
      placeFigure(NEUTRAL, 'side-lying-left').leftAnkle[0],
    )
    for (const base of ['side-lying-left', 'side-lying-right'] as const) {
      const j = placeFigure(bent, base)
      expect(j.leftKnee[1], base).toBeLessThan(j.pelvis[1]) // bent knees come towards the viewer
    }
  })

  it('projects orthographically and keeps depth: in side-lying on the left side, the left leg is the far (lower) one', () => {
    const side = project(placeFigure(bent, 'side-lying-left'), 'side')
    const world = placeFigure(bent, 'side-lying-left')
    expect(side.leftKnee.x).toBeCloseTo(world.leftKnee[0], 9)
    expect(side.leftKnee.y).toBeCloseTo(world.leftKnee[2], 9)
    expect(side.leftKnee.y).toBeLessThan(side.rightKnee.y)
    const front = project(world, 'front')
    const top = project(world, 'top')
    expect(front.headTop.y).toBeCloseTo(world.headTop[2], 9)
    expect(top.headTop.x).toBeCloseTo(world.headTop[0], 9)
  })
})
