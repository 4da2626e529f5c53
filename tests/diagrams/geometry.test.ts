import { describe, expect, it } from 'vitest'
import { figureGeometry, type Shape } from '../../src/diagrams/geometry'
import { NEUTRAL, NEUTRAL_LIMB, type Pose } from '../../src/diagrams/skeleton'

const clamStart: Pose = { ...NEUTRAL, left: { ...NEUTRAL_LIMB, hipFlexion: 45, kneeFlexion: 90 }, right: { ...NEUTRAL_LIMB, hipFlexion: 45, kneeFlexion: 90 } }
const clamEnd: Pose = { ...clamStart, right: { ...clamStart.right, hipAbduction: 35, hipExternalRotation: 20 } }
const inside = (s: Shape, w: number, h: number) =>
  s.kind === 'limb' ? [s.x1, s.x2].every((x) => x >= 0 && x <= w) && [s.y1, s.y2].every((y) => y >= 0 && y <= h)
  : s.kind === 'head' ? s.cx - s.r >= 0 && s.cx + s.r <= w && s.cy - s.r >= 0 && s.cy + s.r <= h
  : true

describe('figure geometry', () => {
  it('fits the whole figure, start and end, inside the drawing', () => {
    const fig = figureGeometry({ base: 'side-lying-left', view: 'side', start: clamStart, end: clamEnd, moving: 'rightKnee' }, 240, 160)
    for (const shape of fig.shapes) expect(inside(shape, 240, 160), JSON.stringify(shape)).toBe(true)
  })

  it('draws the start ghosted under the end pose, far limbs before near ones, and an arrow for the movement', () => {
    // Standing, seen from the side: the left limbs are on the far side.
    const march: Pose = { ...NEUTRAL, left: { ...NEUTRAL_LIMB, hipFlexion: 60, kneeFlexion: 70 } }
    const fig = figureGeometry({ base: 'standing', view: 'side', start: NEUTRAL, end: march, moving: 'leftKnee' })
    const tones = fig.shapes.filter((s): s is Extract<Shape, { kind: 'limb' }> => s.kind === 'limb').map((s) => s.tone)
    expect(tones.indexOf('ghost')).toBe(0)
    expect(tones.lastIndexOf('ghost')).toBeLessThan(tones.indexOf('far'))
    expect(tones.lastIndexOf('far')).toBeLessThan(tones.lastIndexOf('near'))
    expect(fig.shapes.filter((s) => s.kind === 'arrow')).toHaveLength(1)
    expect(fig.shapes[0]).toMatchObject({ kind: 'floor' })
  })

  it('keeps the body on the floor line', () => {
    const fig = figureGeometry({ base: 'supine', view: 'side', end: clamStart })
    const floor = fig.shapes[0] as Extract<Shape, { kind: 'floor' }>
    const lowest = Math.max(...fig.shapes.filter((s): s is Extract<Shape, { kind: 'limb' }> => s.kind === 'limb').flatMap((s) => [s.y1, s.y2]))
    expect(lowest).toBeCloseTo(floor.y, 6)
  })

  it('gives the same shapes for the same diagram (both renderers draw from this)', () => {
    const diagram = { base: 'prone' as const, view: 'side' as const, end: clamEnd }
    expect(figureGeometry(diagram)).toEqual(figureGeometry(diagram))
  })
})
