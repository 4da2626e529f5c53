/**
 * The spine's own movement: a pelvic tilt (the pelvis and the spine above it rocking on the thighs) and a back
 * that rounds up or sags, with the arrow at the lower back. Blind readers saw no difference between a cat and a
 * camel, nor between a pelvic tilt's start and finish, when only the trunk's lean could change.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { arrowShapes } from '../../src/diagrams/arrow'
import type { DrawPoint } from '../../src/diagrams/body'
import { placeForSpec, specPoses } from '../../src/diagrams/figure'
import { insetFor } from '../../src/diagrams/inset'
import {
  forwardKinematics,
  mirrorPose,
  NEUTRAL,
  NEUTRAL_LIMB,
  type FigureJoint,
  type Joints,
  type Pose,
} from '../../src/diagrams/skeleton'
import { diagramSpecSchema, type DiagramSpec } from '../../src/diagrams/spec'
import { libraryFileSchema, type Exercise } from '../../src/core/exercise'
import { mul, rotY, type Vec3 } from '../../src/diagrams/vec'

const legs = { ...NEUTRAL_LIMB, hipFlexion: 45, kneeFlexion: 90, ankleDorsiflexion: 10 }
const bent: Pose = {
  ...NEUTRAL,
  trunkFlexion: 20,
  neckFlexion: 10,
  left: { ...legs, shoulderFlexion: 30 },
  right: legs,
}
const LEG_JOINTS: FigureJoint[] = (['left', 'right'] as const).flatMap((s) =>
  (['Hip', 'Knee', 'Ankle', 'Ball', 'Toe'] as const).map((j) => `${s}${j}` as FigureJoint),
)
const ABOVE: FigureJoint[] = [
  'waist',
  'chest',
  'neckBase',
  'headTop',
  'face',
  'leftShoulder',
  'leftElbow',
  'leftHand',
  'rightShoulder',
  'rightWrist',
]

const close = (a: Vec3, b: Vec3, what: string) => a.forEach((v, i) => expect(v, `${what}[${i}]`).toBeCloseTo(b[i]!, 9))

describe('pelvic tilt', () => {
  it('turns the pelvis and the whole spine above it about the hip axis; the thighs stay where they are', () => {
    const flat = forwardKinematics(bent)
    const tucked = forwardKinematics({ ...bent, pelvicTilt: 20 })
    for (const n of ['pelvis', ...LEG_JOINTS] as FigureJoint[]) close(tucked[n], flat[n], n)
    // Posterior (+) tips the top of the pelvis back: everything above turns back by the same angle about the hips.
    for (const n of ABOVE) close(tucked[n], mul(rotY(-20), flat[n]), n)
    expect(tucked.waist[0]).toBeLessThan(flat.waist[0] - 5)
    // Anterior (−) the other way.
    expect(forwardKinematics({ ...bent, pelvicTilt: -20 }).waist[0]).toBeGreaterThan(flat.waist[0] + 5)
  })

  it('mirrors exactly: the same tilt, reflected across the midline', () => {
    const pose: Pose = { ...bent, pelvicTilt: 15, trunkRotation: 20, trunkSideBend: 10 }
    expect(mirrorPose(pose).pelvicTilt).toBe(15)
    const a = forwardKinematics(pose)
    const b = forwardKinematics(mirrorPose(pose))
    // The mirrored body is tilted too: its lower back goes back just as far.
    expect(b.waist[0]).toBeLessThan(forwardKinematics(mirrorPose({ ...pose, pelvicTilt: 0 })).waist[0] - 4)
    for (const name of Object.keys(a) as FigureJoint[]) {
      const other = (
        name.startsWith('left')
          ? name.replace('left', 'right')
          : name.startsWith('right')
            ? name.replace('right', 'left')
            : name
      ) as FigureJoint
      close(b[other], [a[name][0], -a[name][1], a[name][2]], name)
    }
  })

  it('leaves a spec written without it as it was drawn (0 by default), and clamps it to its range', () => {
    const old = {
      base: 'supine',
      moving: ['pelvis'],
      props: [],
      keyframes: [{ left: { hipFlexion: 45, kneeFlexion: 90 } }, { trunkFlexion: 10 }],
    }
    const zero = { ...old, keyframes: old.keyframes.map((k) => ({ ...k, pelvicTilt: 0 })) }
    const a = diagramSpecSchema.parse(old)
    const b = diagramSpecSchema.parse(zero)
    expect(specPoses(a).poses.map((p) => p.pelvicTilt)).toEqual([0, 0])
    specPoses(a).poses.forEach((p, i) => expect(placeForSpec(a, p)).toEqual(placeForSpec(b, specPoses(b).poses[i]!)))
    const far = diagramSpecSchema.parse({ ...old, keyframes: [{ pelvicTilt: 80 }, {}] })
    expect(specPoses(far).poses[0]!.pelvicTilt).toBe(30)
    expect(specPoses(far).notes).toEqual(['Pelvic tilt (tail under +): 80° is outside -30° to 30°; drawn at 30°.'])
  })
})

describe('the arrow at the lower back', () => {
  it('may follow the waist, and comes from outside the back to its surface, pointing the way it moves', () => {
    expect(
      diagramSpecSchema.safeParse({ base: 'quadruped', moving: ['waist'], props: [], keyframes: [{}, {}] }).success,
    ).toBe(true)
    // The waist drops 10 units straight down (a back sagging): the arrow is above the back, over the waist, pointing down.
    const start = forwardKinematics(NEUTRAL)
    const path: Joints[] = Array.from({ length: 11 }, (_, i) => ({ ...start, waist: [0, 0, 60 - i] as Vec3 }))
    const map = (p: Vec3): DrawPoint => ({ x: p[0], y: -p[2], depth: p[1] })
    const shapes = arrowShapes(['waist'], path, map, 1)
    const head = shapes.find((s) => s.role === 'arrowhead')
    const line = shapes.find((s) => s.role === 'arrow')
    if (head?.kind !== 'path' || line?.kind !== 'path') throw new Error('no arrow')
    const [tipX, tipY] = head.d.slice(1).split(/[ L]/).map(Number)
    const ys = (line.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number).filter((_, i) => i % 2 === 1)
    expect(Math.abs(tipX!)).toBeLessThan(1)
    // The back's surface at the end is 50 + 11 (the waist's radius) up, y = -61: the tip stops just above it.
    expect(tipY!).toBeLessThan(-61)
    expect(tipY!).toBeGreaterThan(-64)
    expect(Math.min(...ys)).toBeLessThan(tipY! - 15)
  })
})

const library: Exercise[] = readdirSync('resources/library/exercises')
  .filter((f) => f.endsWith('.json'))
  .flatMap(
    (f) => libraryFileSchema.parse(JSON.parse(readFileSync(join('resources/library/exercises', f), 'utf8'))).exercises,
  )
const placed = (id: string) => {
  const spec: DiagramSpec = library.find((e) => e.id === id)!.diagram!
  return specPoses(spec).poses.map((p) => placeForSpec(spec, p))
}
/** How far the waist is above the straight line from the pelvis to the chest (negative: below it). */
const waistAboveChord = (j: Joints) => {
  const t = (j.waist[0] - j.pelvis[0]) / (j.chest[0] - j.pelvis[0])
  return j.waist[2] - (j.pelvis[2] + t * (j.chest[2] - j.pelvis[2]))
}

describe('the library pictures of the spine moving', () => {
  it('cat-camel: the back rounds up well above the line from hips to shoulders, then sags below it', () => {
    const [round, sag] = placed('cat-camel')
    expect(waistAboveChord(round!)).toBeGreaterThan(6)
    expect(waistAboveChord(sag!)).toBeLessThan(-3)
    expect(library.find((e) => e.id === 'cat-camel')!.diagram!.moving).toEqual(['waist'])
  })

  it('pelvic tilts: a gap under the lower back at the start that closes at the finish, shown up close with the arrow pressing it down', () => {
    const [start, flat] = placed('pelvic-tilts')
    const gap = (j: Joints) => j.waist[2] - 11
    expect(gap(start!)).toBeGreaterThan(4)
    expect(gap(flat!)).toBeLessThan(2)
    // Buttocks and shoulders stay down in both.
    for (const j of [start!, flat!]) expect(Math.max(j.pelvis[2] - 12, j.chest[2] - 13)).toBeLessThan(3)
    const spec = library.find((e) => e.id === 'pelvic-tilts')!.diagram!
    expect(spec.moving).toEqual(['waist'])
    expect(spec.detail).toEqual({ part: 'lower back' })
    const inset = insetFor(spec)!
    const floor = inset.shapes.filter((s) => s.role === 'inset floor').map((s) => (s.kind === 'line' ? s.y1 : 0))
    // Up close, the underside of the lower trunk where it meets the pelvis (the lower back) clears the floor line at
    // the start and lies on it at the finish.
    const underBack = (which: string, floorY: number) => {
      const pts = (role: string) =>
        inset.shapes
          .filter((s) => s.role === role)
          .flatMap((s) => {
            const n = s.kind === 'path' ? (s.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number) : []
            return n.filter((_, i) => i % 2 === 0).map((x, i) => [x, n[2 * i + 1]!] as const)
          })
      // The lower back: the trunk's outline where the pelvis's outline ends (the waist end of the pelvis).
      const pelvis = pts(`inset ${which} pelvis`)
      const trunk = pts(`inset ${which} lower trunk`)
      const [lo, hi] = [Math.min(...pelvis.map((p) => p[0])), Math.max(...pelvis.map((p) => p[0]))]
      const edge = trunk.filter((p) => p[0] > lo && p[0] < hi && p[1] > Math.min(...trunk.map((q) => q[1])) + 10)
      return floorY - Math.max(...edge.map((p) => p[1]))
    }
    expect(underBack('start', floor[0]!)).toBeGreaterThan(8)
    expect(underBack('end', floor[1]!)).toBeLessThan(3)
  })
})
