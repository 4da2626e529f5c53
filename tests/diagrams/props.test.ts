import { describe, expect, it } from 'vitest'
import { figureFor, type Shape } from '../../src/diagrams/figure'
import { shapeBox } from '../../src/diagrams/shape-geometry'
import type { DiagramSpec } from '../../src/diagrams/spec'

const shapesOf = (spec: DiagramSpec, view: 'side' | 'front') => figureFor(spec, view, { frame: 0 }).shapes
const roles = (shapes: Shape[]) => shapes.map((s) => s.role)

describe('props a reader can name', () => {
  it('draws a band round both knees as a ring that encloses the two knees, not a strip between them', () => {
    const walk: DiagramSpec = {
      base: 'standing',
      views: ['front'],
      moving: [],
      props: [{ kind: 'band', from: 'leftKnee', to: 'rightKnee' }],
      keyframes: [{}, {}],
    }
    const figure = figureFor(walk, 'front', { frame: 0 })
    const band = figure.shapes.filter((s) => s.role === 'band')
    expect(band).toHaveLength(1)
    expect(band[0]!.fill).toBe('none')
    const box = shapeBox(band[0]!)
    for (const knee of [figure.joints.leftKnee, figure.joints.rightKnee]) {
      expect(knee.x).toBeGreaterThan(box.minX)
      expect(knee.x).toBeLessThan(box.maxX)
      expect(knee.y).toBeGreaterThan(box.minY)
      expect(knee.y).toBeLessThan(box.maxY)
    }
  })

  it('draws a band from a hand to a foot as a strip, and a towel held in both hands as a white cloth with a fringe', () => {
    const strap: DiagramSpec = {
      base: 'supine',
      views: ['side'],
      moving: [],
      props: [{ kind: 'band', from: 'rightHand', to: 'rightToe' }],
      keyframes: [
        { right: { hipFlexion: 60, shoulderFlexion: 60 } },
        { right: { hipFlexion: 60, shoulderFlexion: 60 } },
      ],
    }
    expect(shapesOf(strap, 'side').find((s) => s.role === 'band')?.fill).toBe('#d9d9d9')
    const towel: DiagramSpec = {
      base: 'standing',
      views: ['side'],
      moving: [],
      props: [{ kind: 'towel', at: 'rightHand', to: 'leftHand' }],
      keyframes: [
        { right: { shoulderFlexion: 160, elbowFlexion: 130 }, left: { shoulderFlexion: -30, elbowFlexion: 90 } },
        {},
      ],
    }
    const shapes = shapesOf(towel, 'side')
    // White, not the grey of a far-side limb, which reviewers took it for.
    expect(shapes.find((s) => s.role === 'towel')?.fill).toBe('#ffffff')
    expect(roles(shapes)).toContain('towel fringe')
  })

  it('draws a rolled towel or foam roll with the spiral of a roll', () => {
    for (const kind of ['towel', 'foam roll'] as const) {
      const spec: DiagramSpec = {
        base: 'supine',
        views: ['side'],
        moving: [],
        props: [{ kind, at: 'rightKnee' }],
        keyframes: [{}, {}],
      }
      const shapes = shapesOf(spec, 'side')
      expect(roles(shapes)).toEqual(expect.arrayContaining([kind, `${kind} spiral`]))
      const roll = shapes.find((s) => s.role === kind)
      expect(
        roll?.kind === 'circle' && shapeBox(shapes.find((s) => s.role === `${kind} spiral`)!).maxX <= roll.cx + roll.r,
      ).toBe(true)
    }
  })

  it('draws marbles (one at the toes, two waiting on the floor) and a cup on the floor under where the foot ends up', () => {
    const spec: DiagramSpec = {
      base: 'sitting',
      views: ['side'],
      moving: ['rightAnkle'],
      props: [
        { kind: 'marble', at: 'rightToe' },
        { kind: 'cup', at: 'rightToe' },
      ],
      keyframes: [{ right: { toeFlexion: 40 } }, { right: { hipFlexion: 97, kneeFlexion: 60, toeFlexion: 40 } }],
    }
    for (const frame of [0, 1]) {
      const figure = figureFor(spec, 'side', { frame })
      const toe = figure.joints.rightToe
      const held = figure.shapes.find((s) => s.role === 'marble')
      expect(held?.kind === 'circle' && Math.hypot(held.cx - toe.x, held.cy - toe.y) < held.r * 2).toBe(true)
      expect(figure.shapes.filter((s) => s.role === 'marble on the floor')).toHaveLength(2)
      const cup = shapeBox(figure.shapes.find((s) => s.role === 'cup')!)
      // Standing on the floor line of the frame, below the toes of the last pose.
      const floor = figure.shapes.find((s) => s.role === 'floor')
      expect(floor?.kind === 'line' && Math.abs(cup.maxY - floor.y1) < 1).toBe(true)
      if (frame === 1) {
        expect(toe.x).toBeGreaterThan(cup.minX)
        expect(toe.x).toBeLessThan(cup.maxX)
        expect(toe.y).toBeLessThan(cup.minY)
      }
    }
  })
})
