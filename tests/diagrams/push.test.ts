import { resolvedViews } from '../../src/diagrams/visibility'
import { describe, expect, it } from 'vitest'
import { loadBuiltinLibrary } from '../../electron/services/library/builtin'
import { figureFor, mirror, type Shape } from '../../src/diagrams/figure'
import { PUSH_STYLE } from '../../src/diagrams/push'
import { diagramSpecSchema, type DiagramSpec, type Prop } from '../../src/diagrams/spec'

const hold = (
  base: DiagramSpec['base'],
  keyframe: DiagramSpec['keyframes'][number],
  props: Prop[],
  side?: 'left' | 'right',
): DiagramSpec =>
  diagramSpecSchema.parse({
    base,
    views: ['front'],
    keyframes: [keyframe, keyframe],
    moving: [],
    props,
    ...(side ? { side } : {}),
  })

const externalRotation = hold(
  'standing',
  { right: { elbowFlexion: 90 } },
  [
    { kind: 'wall', at: 'rightWrist' },
    { kind: 'push', at: 'rightWrist', toward: 'out' },
  ],
  'right',
)

const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number)
const pathOf = (shapes: Shape[], role: string) =>
  shapes.find((s): s is Extract<Shape, { kind: 'path' }> => s.kind === 'path' && s.role === role)
/** The arrow's drawn direction: from the tail (first point) to the tip (first point of the head). */
const arrowDirection = (shapes: Shape[]) => {
  const [tx, ty] = numbers(pathOf(shapes, 'push')!.d)
  const [hx, hy] = numbers(pathOf(shapes, 'push head')!.d)
  return { dx: hx! - tx!, dy: hy! - ty! }
}
const grey = (hex: string) => parseInt(hex.slice(1, 3), 16)

describe('a push within a movement', () => {
  it('is drawn on the frame with the arrow only, while a held push shows in its frame', () => {
    const quadSet = diagramSpecSchema.parse({
      base: 'supine',
      views: ['side'],
      side: 'right',
      moving: ['rightKnee'],
      keyframes: [
        { right: { kneeFlexion: 12, ankleDorsiflexion: -10 } },
        { right: { kneeFlexion: 0, ankleDorsiflexion: 15 } },
      ],
      props: [
        { kind: 'towel', at: 'rightKnee' },
        { kind: 'push', at: 'rightKnee', toward: 'down' },
      ],
    })
    const pushes = (shapes: Shape[]) => shapes.filter((s) => s.role.startsWith('push')).length
    expect(pushes(figureFor(quadSet, 'side', { frame: 0 }).shapes)).toBe(0)
    expect(pushes(figureFor(quadSet, 'side', { frame: 1, arrow: true }).shapes)).toBeGreaterThan(0)
    // The whole movement in one picture still shows it.
    expect(pushes(figureFor(quadSet, 'side').shapes)).toBeGreaterThan(0)
    expect(pushes(figureFor(externalRotation, 'front', { frame: 0 }).shapes)).toBeGreaterThan(0)
  })
})

describe('the push of an isometric exercise', () => {
  it('is part of the stored spec, with a direction from a fixed list', () => {
    expect(
      diagramSpecSchema.safeParse({ ...externalRotation, props: [{ kind: 'push', at: 'headTop', toward: 'sideways' }] })
        .success,
    ).toBe(false)
    expect(diagramSpecSchema.safeParse({ ...externalRotation, props: [{ kind: 'push', at: 'headTop' }] }).success).toBe(
      false,
    )
  })

  it('mirrors exactly with the figure for the other side', () => {
    for (const view of ['front', 'side', 'top', 'three-quarter'] as const) {
      const right = figureFor(externalRotation, view, { side: 'right' })
      const left = figureFor(externalRotation, view, { side: 'left' })
      expect(right.shapes.some((s) => s.role.startsWith('push'))).toBe(true)
      expect(left.shapes).toEqual(right.shapes.map((s) => mirror(s, right.width)))
    }
    const { dx } = arrowDirection(figureFor(externalRotation, 'front', { side: 'left' }).shapes)
    expect(dx).toBeGreaterThan(0)
  })

  it('points where the body pushes: out and in from the midline, forward, up and down', () => {
    // Seen from the front the figure faces the viewer, so its right hand pushing out points to the picture's left.
    expect(arrowDirection(figureFor(externalRotation, 'front').shapes).dx).toBeLessThan(-10)
    const inward = { ...externalRotation, props: [{ kind: 'push', at: 'rightWrist', toward: 'in' } as Prop] }
    expect(arrowDirection(figureFor(inward, 'front').shapes).dx).toBeGreaterThan(10)
    const side = { ...externalRotation, views: ['side' as const] }
    const facing = Math.sign(figureFor(side, 'side').joints.rightToe.x - figureFor(side, 'side').joints.rightAnkle.x)
    const forward = { ...side, props: [{ kind: 'push', at: 'headTop', toward: 'front' } as Prop] }
    expect(Math.sign(arrowDirection(figureFor(forward, 'side').shapes).dx)).toBe(facing)
    const up = { ...side, props: [{ kind: 'push', at: 'rightHand', toward: 'up' } as Prop] }
    expect(arrowDirection(figureFor(up, 'side').shapes).dy).toBeLessThan(-10)
  })

  it('draws a push down from above the part, so the arrow stays above the floor', () => {
    const quadSet = {
      ...hold(
        'supine',
        {},
        [{ kind: 'mat' }, { kind: 'towel', at: 'rightKnee' }, { kind: 'push', at: 'rightKnee', toward: 'down' }],
        'right',
      ),
      views: ['side' as const],
    }
    const fig = figureFor(quadSet, 'side')
    const floor = fig.shapes.find((s) => s.role === 'floor') as Extract<Shape, { kind: 'line' }>
    const knee = fig.joints.rightKnee
    expect(arrowDirection(fig.shapes).dy).toBeGreaterThan(10)
    for (const role of ['push', 'push head'])
      for (const y of numbers(pathOf(fig.shapes, role)!.d).filter((_, i) => i % 2 === 1))
        expect(y).toBeLessThan(Math.min(floor.y1, knee.y))
  })

  it('marks a push along the line of sight with a circled dot or cross instead of an arrow', () => {
    const side = { ...externalRotation, views: ['side' as const] }
    // The working right arm is nearest the viewer, so pushing it out comes towards the viewer: a dot.
    const shapes = figureFor(side, 'side').shapes.filter((s) => s.role === 'push')
    expect(shapes.filter((s) => s.kind === 'circle' && s.fill === '#1a1a1a')).toHaveLength(1)
    expect(shapes.some((s) => s.kind === 'path')).toBe(false)
    const inward = { ...side, props: [{ kind: 'push', at: 'rightWrist', toward: 'in' } as Prop] }
    const away = figureFor(inward, 'side').shapes.filter((s) => s.role === 'push')
    expect(away.filter((s) => s.kind === 'path')).toHaveLength(1)
    expect(away.some((s) => s.kind === 'circle' && s.fill === '#1a1a1a')).toBe(false)
    expect(pathOf(away, 'push head')).toBeUndefined()
  })

  it('prints in black and white: bold strokes, none lighter than mid grey (the white halo only clears the ground)', () => {
    const shapes = figureFor(externalRotation, 'front').shapes.filter(
      (s) => s.role.startsWith('push') && s.role !== 'push halo',
    )
    expect(shapes.length).toBeGreaterThanOrEqual(2)
    for (const s of shapes) {
      expect(s.strokeWidth).toBeGreaterThanOrEqual(1.3)
      expect(grey(s.stroke)).toBeLessThanOrEqual(0x76)
    }
    const [tx, ty] = numbers(pathOf(shapes, 'push')!.d)
    const [hx, hy] = numbers(pathOf(shapes, 'push head')!.d)
    expect(Math.hypot(hx! - tx!, hy! - ty!)).toBeCloseTo(PUSH_STYLE.length, 0)
  })

  it('puts a wall that is pushed against on the side the push points to', () => {
    const wallX = (spec: DiagramSpec) => numbers(pathOf(figureFor(spec, 'front').shapes, 'wall')!.d)[0]!
    const wrist = figureFor(externalRotation, 'front').joints.rightWrist.x
    expect(wallX(externalRotation)).toBeLessThan(wrist)
    const inward = {
      ...externalRotation,
      props: [
        { kind: 'wall', at: 'rightWrist' },
        { kind: 'push', at: 'rightWrist', toward: 'in' },
      ] as Prop[],
    }
    expect(wallX(inward)).toBeGreaterThan(wrist)
  })

  it('presses the part into a wall: the arrow comes from the other side and its tip ends at the part', () => {
    // Drawn from the part outwards, an inward push crossed the door edge and pointed away from it, and blind
    // readers saw a palm with nothing to press on.
    for (const toward of ['in', 'out'] as const) {
      const spec = {
        ...externalRotation,
        props: [
          { kind: 'wall', at: 'rightWrist' },
          { kind: 'push', at: 'rightWrist', toward },
        ] as Prop[],
      }
      const fig = figureFor(spec, 'front')
      const wrist = fig.joints.rightWrist.x
      const wall = numbers(pathOf(fig.shapes, 'wall')!.d)[0]!
      const [tailX] = numbers(pathOf(fig.shapes, 'push')!.d)
      const [tipX] = numbers(pathOf(fig.shapes, 'push head')!.d)
      // Tail on the side away from the wall, tip at the wrist, pointing towards the wall.
      expect(Math.sign(tailX! - wrist), toward).toBe(-Math.sign(wall - wrist))
      expect(Math.sign(tipX! - tailX!), toward).toBe(Math.sign(wall - wrist))
      expect(Math.abs(tipX! - wrist), toward).toBeLessThan(Math.abs(tailX! - wrist))
    }
    // Without a wall the push still starts at the part and points away from it.
    const free = { ...externalRotation, props: [{ kind: 'push', at: 'rightWrist', toward: 'out' }] as Prop[] }
    const fig = figureFor(free, 'front')
    const [tailX] = numbers(pathOf(fig.shapes, 'push')!.d)
    const [tipX] = numbers(pathOf(fig.shapes, 'push head')!.d)
    expect(Math.abs(tipX! - fig.joints.rightWrist.x)).toBeGreaterThan(Math.abs(tailX! - fig.joints.rightWrist.x))
  })

  it('hides a wall pushed into straight away from the viewer behind the part, not beside it', () => {
    const inward = diagramSpecSchema.parse({
      ...externalRotation,
      views: ['side'],
      props: [
        { kind: 'wall', at: 'rightHand' },
        { kind: 'push', at: 'rightHand', toward: 'in' },
      ],
    })
    const fig = figureFor(inward, 'side')
    // The wall's path starts `M<left> <top>H<right>`.
    const [left, , right] = numbers(pathOf(fig.shapes, 'wall')!.d)
    const hand = fig.joints.rightHand.x
    expect(left!).toBeLessThan(hand)
    expect(right!).toBeGreaterThan(hand)
    // A wall on the viewer's side of the part (pushed towards the viewer) is still drawn beside it.
    const outward = diagramSpecSchema.parse({ ...externalRotation, views: ['side'] })
    const side = figureFor(outward, 'side')
    const [wallLeft] = numbers(pathOf(side.shapes, 'wall')!.d)
    expect(wallLeft!).toBeGreaterThan(side.joints.rightWrist.x)
  })

  it('gives every built-in hold its push, drawn inside the picture in each of its views', async () => {
    const { exercises } = await loadBuiltinLibrary('resources/library/exercises')
    const holds = exercises.filter((e) => e.diagram && /^isometric-/.test(e.id))
    expect(holds.length).toBeGreaterThanOrEqual(5)
    for (const e of exercises.filter((x) => x.diagram?.props.some((p) => p.kind === 'push'))) {
      for (const view of resolvedViews(e.diagram!)) {
        const fig = figureFor(e.diagram!, view)
        const push = fig.shapes.filter((s) => s.role.startsWith('push'))
        expect(push.length, `${e.id} ${view}`).toBeGreaterThan(0)
        for (const s of push) {
          const xy =
            s.kind === 'path'
              ? numbers(s.d)
              : s.kind === 'circle'
                ? [s.cx - s.r, s.cy - s.r, s.cx + s.r, s.cy + s.r]
                : [s.x1, s.y1, s.x2, s.y2]
          xy.forEach((v, i) => {
            expect(v, `${e.id} ${view}`).toBeGreaterThanOrEqual(0)
            expect(v, `${e.id} ${view}`).toBeLessThanOrEqual(i % 2 ? fig.height : fig.width)
          })
        }
      }
    }
    for (const e of holds)
      expect(
        e.diagram!.props.some((p) => p.kind === 'push'),
        e.id,
      ).toBe(true)
  })
})
