import { describe, expect, it } from 'vitest'
import { mapPath, shapeBox, translateShape } from '../../src/diagrams/shape-geometry'

const paint = { fill: 'none', stroke: '#000', strokeWidth: 2 }

describe('shape geometry', () => {
  it('moves every kind of path command, leaving arc radii and flags alone', () => {
    const d = 'M1 2L3 4H5V6Q7 8 9 10C11 12 13 14 15 16A5 5 0 0 1 17 18Z'
    expect(mapPath(d, (x, y) => [x + 100, y + 1000])).toBe(
      'M101 1002L103 1004H105V1006Q107 1008 109 1010C111 1012 113 1014 115 1016A5 5 0 0 1 117 1018Z',
    )
  })

  it('refuses relative commands rather than moving them wrongly', () => {
    expect(() => mapPath('M0 0l5 5', (x, y) => [x, y])).toThrow(/not supported/)
  })

  it('measures boxes with the stroke, and translation moves the box by the same amount', () => {
    const path = { kind: 'path' as const, role: 'x', d: 'M10 10H30V40Z', ...paint }
    expect(shapeBox(path)).toEqual({ minX: 9, minY: 9, maxX: 31, maxY: 41 })
    expect(shapeBox(translateShape(path, 5, -5))).toEqual({ minX: 14, minY: 4, maxX: 36, maxY: 36 })
    const circle = { kind: 'circle' as const, role: 'c', cx: 0, cy: 0, r: 3, ...paint }
    expect(shapeBox(translateShape(circle, 10, 10))).toEqual({ minX: 6, minY: 6, maxX: 14, maxY: 14 })
  })
})
