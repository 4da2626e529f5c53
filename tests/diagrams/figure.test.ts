import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { figureFor, mirror, type Figure, type Shape } from '../../src/diagrams/figure'
import { FigureSvg } from '../../src/diagrams/FigureSvg'
import { diagramSpecSchema, type DiagramSpec } from '../../src/diagrams/spec'
import { FigurePdf } from '../../electron/services/handout/document/FigurePdf'
import { TONES } from '../../src/diagrams/style'
import { loadBuiltinLibrary } from '../../electron/services/library/builtin'
import { resolvedViews } from '../../src/diagrams/visibility'

const clamshell: DiagramSpec = diagramSpecSchema.parse({
  base: 'side-lying-left',
  views: ['side'],
  moving: ['rightKnee'],
  props: [],
  side: 'right',
  keyframes: [
    { left: { hipFlexion: 45, kneeFlexion: 90 }, right: { hipFlexion: 45, kneeFlexion: 90 } },
    {
      left: { hipFlexion: 45, kneeFlexion: 90 },
      right: { hipFlexion: 35, kneeFlexion: 90, hipAbduction: 30, hipExternalRotation: 35 },
    },
  ],
})
const march: DiagramSpec = {
  base: 'standing',
  views: ['side', 'front'],
  moving: ['leftKnee'],
  props: [{ kind: 'chair', at: 'rightHand' }],
  side: 'left',
  keyframes: [{}, { left: { hipFlexion: 70, kneeFlexion: 80 } }],
}

const numbers = (s: Shape) =>
  s.kind === 'path'
    ? (s.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number)
    : s.kind === 'circle'
      ? [s.cx, s.cy]
      : [s.x1, s.y1, s.x2, s.y2]
const xsOf = (s: Shape) =>
  s.kind === 'path'
    ? numbers(s).filter((_, i) => i % 2 === 0)
    : s.kind === 'circle'
      ? [s.cx - s.r, s.cx + s.r]
      : [s.x1, s.x2]
const ysOf = (s: Shape) =>
  s.kind === 'path'
    ? numbers(s).filter((_, i) => i % 2 === 1)
    : s.kind === 'circle'
      ? [s.cy - s.r, s.cy + s.r]
      : [s.y1, s.y2]

describe('figures from diagram specs', () => {
  it('fits the figure, ghost and arrow inside the canvas in every view', () => {
    for (const spec of [clamshell, march]) {
      for (const view of ['side', 'front', 'top', 'three-quarter'] as const) {
        const fig = figureFor(spec, view)
        for (const shape of fig.shapes) {
          for (const x of xsOf(shape)) expect(x, `${view} ${shape.role}`).toBeGreaterThanOrEqual(-0.5)
          for (const x of xsOf(shape)) expect(x, `${view} ${shape.role}`).toBeLessThanOrEqual(fig.width + 0.5)
          for (const y of ysOf(shape)) expect(y, `${view} ${shape.role}`).toBeGreaterThanOrEqual(-0.5)
          for (const y of ysOf(shape)) expect(y, `${view} ${shape.role}`).toBeLessThanOrEqual(fig.height + 0.5)
        }
      }
    }
  })

  it('draws floor and props first, then the ghosted start, far limbs before near ones, then the arrow', () => {
    const roles = figureFor(march, 'side').shapes.map((s) => s.role)
    expect(roles[0]).toBe('floor')
    expect(roles.indexOf('chair back')).toBeLessThan(roles.findIndex((r) => r.startsWith('ghost')))
    expect(roles.findLastIndex((r) => r.startsWith('ghost'))).toBeLessThan(roles.indexOf('pelvis'))
    const shapes = figureFor(march, 'side').shapes
    // The working (left) leg is turned towards the viewer: it is drawn after the trunk, in the near tone.
    const thigh = shapes.find((s) => s.role === 'left thigh')!
    expect(shapes.indexOf(thigh)).toBeGreaterThan(roles.indexOf('pelvis'))
    expect(thigh.fill).toBe('#ffffff')
    expect(shapes.find((s) => s.role === 'right thigh')!.fill).not.toBe('#ffffff')
    expect(roles.at(-2)).toBe('arrow')
    expect(roles.at(-1)).toBe('arrowhead')
  })

  it('draws both arms in the near tone when neither is nearer than the other (face down, seen from the feet)', () => {
    const proneT: DiagramSpec = diagramSpecSchema.parse({
      base: 'prone',
      views: ['front'],
      elevation: 25,
      moving: ['rightHand'],
      props: [{ kind: 'mat' }],
      keyframes: [
        { left: { shoulderFlexion: 90, shoulderAbduction: 90 }, right: { shoulderFlexion: 90, shoulderAbduction: 90 } },
        {
          left: { shoulderFlexion: 90, shoulderAbduction: 105 },
          right: { shoulderFlexion: 90, shoulderAbduction: 105 },
        },
      ],
    })
    const shapes = figureFor(proneT, 'front').shapes
    for (const role of ['left upper arm', 'right upper arm', 'left forearm', 'right forearm'])
      expect(shapes.find((s) => s.role === role)!.fill, role).toBe('#ffffff')
  })

  it("raises the camera of a front view by the spec's elevation: the body lying away from the viewer rises up the page", () => {
    const prone: DiagramSpec = diagramSpecSchema.parse({
      base: 'prone',
      moving: [],
      props: [],
      keyframes: [{}, { left: { shoulderAbduction: 30 } }],
    })
    const heightOf = (fig: Figure) => {
      const ys = fig.shapes.filter((s) => /head|foot|shank/.test(s.role) && !s.role.startsWith('ghost')).flatMap(ysOf)
      return (Math.max(...ys) - Math.min(...ys)) / fig.height
    }
    const level = figureFor(prone, 'front')
    const raised = figureFor({ ...prone, elevation: 30 }, 'front')
    // Seen level from the feet, the head hides behind the feet; from above, head and feet are apart on the page.
    expect(heightOf(raised)).toBeGreaterThan(heightOf(level) * 1.5)
    expect(raised.shapes.some((s) => s.role === 'mat')).toBe(true)
  })

  it('ties a band to a door frame that stays put in every frame, and draws the band as a strip', () => {
    const rows: DiagramSpec = diagramSpecSchema.parse({
      base: 'standing',
      views: ['side'],
      moving: ['rightHand'],
      props: [{ kind: 'band', from: 'rightHand', anchor: 'front' }],
      side: 'right',
      keyframes: [{ right: { shoulderFlexion: 80 } }, { right: { shoulderFlexion: 10, elbowFlexion: 90 } }],
    })
    const frames = [0, 1].map((frame) => figureFor(rows, 'side', { frame }).shapes)
    const knots = frames.map(
      (shapes) => shapes.find((s) => s.role === 'band anchor') as Extract<Shape, { kind: 'circle' }>,
    )
    expect(knots[1]!.cx).toBeCloseTo(knots[0]!.cx, 5)
    for (const shapes of frames) {
      const post = shapes.find((s) => s.role === 'door frame')!
      // The post stands on the floor, under the knot, and is drawn behind the body.
      const floor = shapes.find((s) => s.role === 'floor') as Extract<Shape, { kind: 'line' }>
      expect(numbers(post).some((n) => Math.abs(n - floor.y1) < 0.01)).toBe(true)
      expect(shapes.indexOf(post)).toBeLessThan(shapes.findIndex((s) => s.role === 'pelvis'))
      expect(shapes.find((s) => s.role === 'band')).toMatchObject({ kind: 'path', fill: '#d9d9d9' })
    }
  })

  it('ties a band anchored at the side out beside the body in the room, not along the page: seen from the side it is level with the hands', () => {
    // A press straight out with the band tied beside you (the Pallof press): seen from the front the knot is out on the
    // hand's own side; seen from the side it is behind or in front of the hands, not ahead of them; from above it is beside.
    const press: DiagramSpec = diagramSpecSchema.parse({
      base: 'standing',
      moving: ['rightHand'],
      props: [{ kind: 'band', from: 'rightHand', anchor: 'side' }],
      side: 'right',
      keyframes: [{ right: { shoulderFlexion: 60, elbowFlexion: 90 } }, { right: { shoulderFlexion: 90 } }],
    })
    const knotAndHand = (view: 'front' | 'side' | 'top' | 'three-quarter', frame = 1) => {
      const fig = figureFor(press, view, { frame })
      const knot = fig.shapes.find((s) => s.role === 'band anchor') as Extract<Shape, { kind: 'circle' }>
      const pelvis = fig.shapes.find((s) => s.role === 'pelvis')!
      const band = fig.shapes.find((s) => s.role === 'band')!
      return { knot, pelvisX: (Math.min(...xsOf(pelvis)) + Math.max(...xsOf(pelvis))) / 2, band, fig }
    }
    const front = knotAndHand('front')
    expect(Math.abs(front.knot.cx - front.pelvisX)).toBeGreaterThan(40)
    const side = knotAndHand('side', 0)
    const hand = side.fig.shapes.find((s) => s.role === 'right hand')!
    const handX = (Math.min(...xsOf(hand)) + Math.max(...xsOf(hand))) / 2
    // Side-on, the band runs towards the viewer: the knot is level with the starting hand along the page, not 38 cm past it.
    expect(Math.abs(side.knot.cx - handX)).toBeLessThan(25)
    const top = knotAndHand('top')
    const ys = ysOf(top.band)
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(Math.max(...xsOf(top.band)) - Math.min(...xsOf(top.band)))
  })

  it('keeps the figure standing on the floor line', () => {
    const fig = figureFor(march, 'front')
    const floor = fig.shapes.find((s) => s.role === 'floor') as Extract<Shape, { kind: 'line' }>
    const body = fig.shapes.filter((s) => !s.role.startsWith('ghost') && /foot|shank/.test(s.role))
    // Outlines are polygons round the joint circles: within a unit of the line, never below it.
    expect(Math.abs(Math.max(...body.flatMap(ysOf)) - floor.y1)).toBeLessThan(1)
    expect(Math.max(...body.flatMap(ysOf))).toBeLessThanOrEqual(floor.y1 + 0.05)
  })

  it('mirrors exactly for the other side, and notes clamped angles', () => {
    const right = figureFor(clamshell, 'side', { side: 'right' })
    const left = figureFor(clamshell, 'side', { side: 'left' })
    expect(left.shapes).toEqual(right.shapes.map((s) => mirror(s, right.width)))
    expect(left.shapes).not.toEqual(right.shapes)
    expect(figureFor(clamshell, 'side', { side: 'right' }).notes).toEqual([])
    const tooFar = { ...clamshell, keyframes: [clamshell.keyframes[0]!, { right: { hipAbduction: 80 } }] }
    expect(figureFor(tooFar, 'side').notes).toEqual(['Right hip abduction: 80° is outside -30° to 50°; drawn at 50°.'])
  })

  it('draws the moving limb white even where it lies behind the other one (reviewers read grey as "not this leg")', () => {
    // Side-lying on the left, the bottom (left) leg lifts: it is the lower, further leg in the picture.
    const adduction = diagramSpecSchema.parse({
      base: 'side-lying-left',
      views: ['side'],
      moving: [],
      props: [],
      side: 'left',
      keyframes: [
        { right: { hipFlexion: 70, kneeFlexion: 90 } },
        { left: { hipAbduction: -15 }, right: { hipFlexion: 70, kneeFlexion: 90 } },
      ],
    })
    const fillOf = (spec: DiagramSpec, role: string) =>
      figureFor(spec, 'side', { frame: 1 }).shapes.find((s) => s.role === role)?.fill
    expect(fillOf(adduction, 'left thigh')).not.toBe('#ffffff')
    for (const role of ['left thigh', 'left shank', 'left foot'])
      expect(fillOf({ ...adduction, moving: ['leftAnkle'] }, role)).toBe('#ffffff')
    // The still arm of the same side keeps its depth shading (one tone for the whole arm, as without the movement).
    for (const role of ['left upper arm', 'left forearm', 'left hand'])
      expect(fillOf({ ...adduction, moving: ['leftAnkle'] }, role)).toBe(fillOf(adduction, role))
    expect(new Set(['left upper arm', 'left forearm', 'left hand'].map((role) => fillOf(adduction, role))).size).toBe(1)
  })

  it('gives a small movement an arrow long enough to see, along its direction of travel', async () => {
    const { MIN_ARROW } = await import('../../src/diagrams/arrow')
    const small: DiagramSpec = {
      base: 'standing',
      views: ['side'],
      moving: ['leftKnee'],
      props: [],
      side: 'left',
      keyframes: [{}, { left: { kneeFlexion: 12 } }],
    }
    const shapes = figureFor(small, 'side', { frame: 1, arrow: true }).shapes
    const arrow = shapes.find((s) => s.role === 'arrow')
    expect(shapes.some((s) => s.role === 'arrowhead')).toBe(true)
    const n = numbers(arrow!)
    const length = Math.hypot(n.at(-2)! - n[0]!, n.at(-1)! - n[1]!)
    expect(length).toBeGreaterThan(MIN_ARROW * 0.5)
    // The knee bends forward (to the figure's facing side), so the arrow points that way.
    const knee = figureFor(small, 'side', { frame: 0 }).joints.leftKnee.x
    const bent = figureFor(small, 'side', { frame: 1 }).joints.leftKnee.x
    expect(Math.sign(n.at(-2)! - n[0]!)).toBe(Math.sign(bent - knee))
  })

  it('keeps the curve of a path that comes back round (arm circles): its ends are close but it travels far', () => {
    // Arm out just below shoulder height, swung through 240 degrees of flexion: the hand goes round a small circle.
    const circle: DiagramSpec = {
      base: 'standing',
      views: ['three-quarter'],
      moving: ['rightHand'],
      props: [],
      side: 'right',
      display: 'overlay',
      keyframes: [180, 90, 0, -60].map((f) => ({ right: { shoulderAbduction: 75, shoulderFlexion: f } })),
    }
    const shapes = figureFor(circle, 'three-quarter').shapes
    const arrow = shapes.find((s) => s.role === 'arrow')!
    expect(shapes.some((s) => s.role === 'arrowhead')).toBe(true)
    const n = numbers(arrow)
    const xs = n.filter((_, i) => i % 2 === 0)
    const ys = n.filter((_, i) => i % 2 === 1)
    // A curve round the hand, about as wide as it is tall, not a short straight stroke.
    expect(arrow.kind === 'path' && (arrow.d.match(/Q/g) ?? []).length).toBeGreaterThan(5)
    const [w, h] = [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)]
    expect(Math.min(w, h)).toBeGreaterThan(10)
  })

  it('draws a straight arrow from start to end when the spec asks for one (a row: the hand pulled straight back)', () => {
    const row = (arrow?: 'straight'): DiagramSpec => ({
      base: 'standing',
      views: ['side'],
      moving: ['rightHand'],
      props: [],
      side: 'right',
      ...(arrow ? { arrow } : {}),
      keyframes: [{ right: { shoulderFlexion: 70 } }, { right: { shoulderFlexion: -50, elbowFlexion: 140 } }],
    })
    const arrowOf = (spec: DiagramSpec) =>
      figureFor(spec, 'side', { frame: 1, arrow: true }).shapes.find((s) => s.role === 'arrow')!
    // Along its path the hand dips on the way back, so the default arrow curves.
    expect(arrowOf(row()).kind === 'path' && (arrowOf(row()) as { d: string }).d.includes('Q')).toBe(true)
    const straight = arrowOf(row('straight'))
    expect(straight.kind === 'path' && straight.d.includes('Q')).toBe(false)
    const n = numbers(straight)
    const [x0, y0, x1, y1] = [n[0]!, n[1]!, n.at(-2)!, n.at(-1)!]
    // Level and long: the hand ends about as high as it starts, well behind where it began.
    expect(Math.abs(x1 - x0)).toBeGreaterThan(24)
    expect(Math.abs(y1 - y0)).toBeLessThan(Math.abs(x1 - x0) / 3)
    // It points the way the hand travels (the figure faces the side its start hand reaches to).
    const hand = (frame: number) => figureFor(row('straight'), 'side', { frame }).joints.rightHand.x
    expect(Math.sign(x1 - x0)).toBe(Math.sign(hand(1) - hand(0)))
  })

  it('draws the eyes where the face looks: two from the front, one in profile, facing the floor when lying face down', () => {
    const eyes = (spec: DiagramSpec, view: 'side' | 'front' | 'top', frame = 0) =>
      figureFor(spec, view, { frame }).shapes.filter((s): s is Extract<Shape, { kind: 'circle' }> => s.role === 'eye')
    const still = (base: DiagramSpec['base'], extra: Partial<DiagramSpec> = {}): DiagramSpec => ({
      base,
      moving: [],
      props: [],
      keyframes: [{}, {}],
      ...extra,
    })
    expect(eyes(still('standing'), 'front')).toHaveLength(2)
    expect(eyes(still('standing'), 'side')).toHaveLength(1)
    const headY = (spec: DiagramSpec) => {
      const f = figureFor(spec, 'side', { frame: 0 })
      return (f.joints.headTop.y + f.joints.neckBase.y) / 2
    }
    // y grows downwards: face down, the eye is below the head's middle; face up, above it.
    expect(eyes(still('prone'), 'side')[0]!.cy).toBeGreaterThan(headY(still('prone')))
    expect(eyes(still('supine'), 'side')[0]!.cy).toBeLessThan(headY(still('supine')))
    // Seen from above, a face-down head shows no eyes.
    expect(eyes(still('prone'), 'top')).toHaveLength(0)
    // A head turned to the right moves both eyes to the figure's right, seen from the front (the viewer's left).
    const turn = still('standing', { keyframes: [{}, { neckRotation: 45 }] })
    const [a, b] = [eyes(turn, 'front', 0), eyes(turn, 'front', 1)]
    const mean = (e: { cx: number }[]) => e.reduce((sum, c) => sum + c.cx, 0) / e.length
    expect(Math.abs(mean(b) - mean(a))).toBeGreaterThan(2)
  })

  it('gives a head turn an arrow along the nose, since the top of a turning head hardly moves', () => {
    const turn: DiagramSpec = {
      base: 'sitting',
      views: ['front'],
      moving: ['headTop'],
      props: [],
      keyframes: [{}, { neckRotation: 70 }],
    }
    expect(figureFor(turn, 'front', { frame: 1, arrow: true }).shapes.some((s) => s.role === 'arrowhead')).toBe(true)
  })

  it('gives the app (SVG) and the handout (react-pdf) the very same shapes', () => {
    const figure: Figure = figureFor(march, 'side')
    const dom = FigureSvg({ figure, title: 'Marching' })
    const pdf = FigurePdf({ figure, width: 170 })
    const domChildren = (dom.props.children as unknown[])
      .flat()
      .filter(
        (c): c is { props: Record<string, unknown> } =>
          typeof c === 'object' && c !== null && !('type' in c && c.type === 'title'),
      )
    const pdfChildren = pdf.props.children as { props: Record<string, unknown> }[]
    expect(pdfChildren).toHaveLength(figure.shapes.length)
    expect(domChildren.map((c) => c.props)).toEqual(pdfChildren.map((c) => c.props))
    expect(renderToStaticMarkup(dom)).toContain('<path d="M')
    expect(dom.props.viewBox).toBe(pdf.props.viewBox)
  })
})

describe('printed lines', () => {
  it('never prints a line thinner than 1 pt, however small the picture (compact), and leaves thick lines alone', () => {
    const figure: Figure = figureFor(march, 'side')
    for (const width of [170, 110, 80]) {
      const scale = width / figure.width
      const printed = (FigurePdf({ figure, width }).props.children as { props: Record<string, unknown> }[]).map(
        (c) => c.props,
      )
      figure.shapes.forEach((shape, i) => {
        const sw = Number(printed[i]!['strokeWidth'])
        if (shape.stroke !== 'none' && shape.strokeWidth > 0) expect(sw * scale).toBeGreaterThanOrEqual(1 - 1e-9)
        expect(sw).toBeGreaterThanOrEqual(shape.strokeWidth)
        if (shape.strokeWidth * scale >= 1) expect(sw).toBe(shape.strokeWidth)
      })
    }
  })
})

describe('which limbs are grey', () => {
  it('draws each limb in one tone in every built-in picture (a leg white at the thigh and grey from the knee read as a third leg)', async () => {
    const library = await loadBuiltinLibrary('resources/library/exercises')
    const mixed: string[] = []
    for (const e of library.exercises) {
      for (const view of resolvedViews(e.diagram!)) {
        for (let frame = 0; frame < e.diagram!.keyframes.length; frame++) {
          const fills = new Map<string, Set<string>>()
          for (const s of figureFor(e.diagram!, view, { frame }).shapes) {
            const limb = /^(left|right) (thigh|shank|foot|upper arm|forearm|hand)$/.exec(s.role)
            if (!limb) continue
            const key = `${limb[1]} ${['thigh', 'shank', 'foot'].includes(limb[2]!) ? 'leg' : 'arm'}`
            fills.set(key, (fills.get(key) ?? new Set()).add(s.fill))
          }
          for (const [limb, tones] of fills)
            if (tones.size > 1) mixed.push(`${e.id} ${view} frame ${frame + 1}: ${limb}`)
        }
      }
    }
    expect(mixed).toEqual([])
  }, 120_000)

  it('keeps a limb in front of the body white seen from the front (an arm across the chest, a standing leg), and a far limb in a side view grey', () => {
    const crossBody: DiagramSpec = diagramSpecSchema.parse({
      base: 'standing',
      views: ['front'],
      moving: ['rightHand'],
      props: [],
      side: 'right',
      keyframes: [
        {},
        { right: { shoulderFlexion: 90, shoulderAbduction: -45 }, left: { shoulderFlexion: 60, elbowFlexion: 90 } },
      ],
    })
    const front = figureFor(crossBody, 'front', { frame: 1 })
    const grey = (f: Figure) =>
      f.shapes
        .filter((s) => s.fill === TONES.far.fill && /(arm|forearm|hand|thigh|shank|foot)$/.test(s.role))
        .map((s) => s.role)
    expect(grey(front)).toEqual([])
    const side = figureFor(
      { ...crossBody, views: ['side'], keyframes: [{}, { right: { hipFlexion: 40 } }], moving: ['rightKnee'] },
      'side',
      { frame: 1 },
    )
    expect(grey(side).some((r) => r.startsWith('left '))).toBe(true)
  })
})

describe('the figure cache', () => {
  it('returns the same drawing for an equal spec, view and side, and a fresh one when anything differs', async () => {
    const { cachedFigure } = await import('../../src/diagrams/figure-cache')
    const a = cachedFigure(clamshell, 'side', { side: 'left' })
    expect(cachedFigure(structuredClone(clamshell), 'side', { side: 'left' })).toBe(a)
    expect(cachedFigure(clamshell, 'side', { side: 'right' })).not.toBe(a)
    expect(a).toEqual(figureFor(clamshell, 'side', { side: 'left' }))
    // Bounded: after many other figures the first is worked out again (equal, not the same object).
    for (let i = 0; i < 650; i++)
      cachedFigure({ ...march, keyframes: [{}, { left: { hipFlexion: i % 120, kneeFlexion: 1 + (i % 140) } }] }, 'side')
    const again = cachedFigure(clamshell, 'side', { side: 'left' })
    expect(again).not.toBe(a)
    expect(again).toEqual(a)
  })
})
