import { describe, expect, it } from 'vitest'
import { dragTarget, solveDrag } from '../../src/diagrams/drag'
import { figureFor } from '../../src/diagrams/figure'
import type { DiagramSpec } from '../../src/diagrams/spec'

const spec: DiagramSpec = {
  base: 'standing',
  views: ['side'],
  keyframes: [{}, { right: { hipFlexion: 30 } }],
  moving: [],
  props: [],
}

describe('dragging a joint in the picture', () => {
  it('moves the angle that swings that joint in the plane of the view', () => {
    expect(dragTarget('side', 'rightKnee')).toEqual({ side: 'right', key: 'hipFlexion' })
    expect(dragTarget('front', 'rightKnee')).toEqual({ side: 'right', key: 'hipAbduction' })
    expect(dragTarget('side', 'headTop')).toEqual({ key: 'neckFlexion' })
    expect(dragTarget('side', 'pelvis')).toBeUndefined()
  })

  it('sets the angle that brings the joint nearest the pointer, within its limits, changing nothing else', () => {
    const knee = figureFor(spec, 'side', { at: 1 }).joints.rightKnee
    // Forward and up (the figure faces right): more hip flexion.
    const up = solveDrag(spec, 1, 'side', 'rightKnee', { x: knee.x + 25, y: knee.y - 25 })!
    expect(up.right!.hipFlexion).toBeGreaterThan(60)
    const moved = figureFor({ ...spec, keyframes: [spec.keyframes[0]!, up] }, 'side', { at: 1 }).joints.rightKnee
    expect(Math.hypot(moved.x - knee.x - 25, moved.y - knee.y + 25)).toBeLessThan(Math.hypot(25, 25))
    // Far behind the body: stops at the limit of hip extension.
    expect(
      solveDrag(spec, 1, 'side', 'rightKnee', { x: knee.x - 400, y: knee.y })!.right!.hipFlexion,
    ).toBeLessThanOrEqual(-25)
    // The start keyframe is untouched.
    expect(spec.keyframes[0]).toEqual({})
  })
})
