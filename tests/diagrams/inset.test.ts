import { resolvedViews } from '../../src/diagrams/visibility'
import { describe, expect, it } from 'vitest'
import { loadBuiltinLibrary } from '../../electron/services/library/builtin'
import { figureFor, type Figure, type Shape } from '../../src/diagrams/figure'
import { INSET, insetFor } from '../../src/diagrams/inset'
import { panelFor } from '../../src/diagrams/panel'
import {
  detailParts,
  diagramSpecSchema,
  type DetailPart,
  type DiagramSpec,
  type Keyframe,
} from '../../src/diagrams/spec'

const numbers = (s: Shape) =>
  s.kind === 'path'
    ? (s.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number)
    : s.kind === 'circle'
      ? [s.cx, s.cy, s.r]
      : [s.x1, s.y1, s.x2, s.y2]
const xsOf = (s: Shape) => (s.kind === 'line' ? [s.x1, s.x2] : numbers(s).filter((_, i) => i % 2 === 0))
const ysOf = (s: Shape) => (s.kind === 'line' ? [s.y1, s.y2] : numbers(s).filter((_, i) => i % 2 === 1))

/** One spec per part, each with a motion of that part (right side). */
const MOTION: Record<DetailPart, { base: DiagramSpec['base']; from: Keyframe; to: Keyframe }> = {
  hand: { base: 'sitting', from: { right: { fingerFlexion: 0 } }, to: { right: { fingerFlexion: 100 } } },
  wrist: {
    base: 'sitting',
    from: { right: { wristExtension: 40, forearmPronation: 90 } },
    to: { right: { wristExtension: -40, forearmPronation: 90 } },
  },
  forearm: {
    base: 'sitting',
    from: { right: { elbowFlexion: 90, forearmPronation: -80 } },
    to: { right: { elbowFlexion: 90, forearmPronation: 80 } },
  },
  ankle: { base: 'supine', from: { right: { ankleInversion: 0 } }, to: { right: { ankleInversion: 30 } } },
  foot: { base: 'sitting', from: { right: { toeFlexion: -20 } }, to: { right: { toeFlexion: 50 } } },
  neck: { base: 'sitting', from: {}, to: { neckRetraction: 25 } },
  'shoulder blades': {
    base: 'standing',
    from: {},
    to: { left: { scapulaElevation: 30 }, right: { scapulaElevation: 30 } },
  },
  knee: {
    base: 'supine',
    from: { right: { hipFlexion: 5, kneeFlexion: 15 } },
    to: { right: { hipFlexion: -5, kneeFlexion: 0 } },
  },
  'lower back': {
    base: 'supine',
    from: { pelvicTilt: -22, trunkFlexion: -30 },
    to: { pelvicTilt: 4, trunkFlexion: 5 },
  },
}
const specFor = (part: DetailPart): DiagramSpec =>
  diagramSpecSchema.parse({
    base: MOTION[part].base,
    views: ['side'],
    keyframes: [MOTION[part].from, MOTION[part].to],
    moving: [],
    props: [],
    side: 'right',
    detail: { part },
  })

/** How far the end drawing's body parts are from the start's, shape by shape (the end shifted back onto the start's half). */
function startEndDifference(fig: Figure): number {
  // The end is the last drawing: the second of two, or the last of one per keyframe.
  const offset = fig.drawings ? fig.drawings.at(-1)!.x - fig.drawings[0]!.x : (fig.width + INSET.gap) / 2
  const down = fig.drawings ? fig.drawings.at(-1)!.y - fig.drawings[0]!.y : 0
  const parts = (which: string) => fig.shapes.filter((s) => s.role.startsWith(`inset ${which} `))
  const start = parts('start')
  const end = new Map(parts('end').map((s) => [s.role.replace('inset end ', ''), s]))
  expect(new Set(start.map((s) => s.role.replace('inset start ', '')))).toEqual(new Set(end.keys()))
  let most = 0
  start.forEach((s) => {
    const e = end.get(s.role.replace('inset start ', ''))!
    const a = xsOf(s).map((x, j) => [x, ysOf(s)[j]!])
    const b = xsOf(e).map((x, j) => [x - offset, ysOf(e)[j]! - down])
    // Compare outlines by their bounding boxes (the outline's point count can change with its shape).
    const box = (pts: number[][]) => [
      Math.min(...pts.map((p) => p[0]!)),
      Math.max(...pts.map((p) => p[0]!)),
      Math.min(...pts.map((p) => p[1]!)),
      Math.max(...pts.map((p) => p[1]!)),
    ]
    const [ba, bb] = [box(a), box(b)]
    most = Math.max(most, ...ba.map((v, j) => Math.abs(v - bb[j]!)))
  })
  return most
}

/** A shape's points (a mirrored outline runs the other way round from another start, so its points are compared as a set). */
const pointsOf = (s: Shape) => xsOf(s).map((x, i) => [x, ysOf(s)[i]!] as const)
const samePoints = (a: Shape, b: Shape) => {
  const [pa, pb] = [pointsOf(a), pointsOf(b)]
  const near = (p: readonly [number, number], list: (readonly [number, number])[]) =>
    list.some((q) => Math.abs(p[0] - q[0]) <= 0.15 && Math.abs(p[1] - q[1]) <= 0.15)
  return a.kind === b.kind && a.fill === b.fill && pa.every((p) => near(p, pb)) && pb.every((p) => near(p, pa))
}

/** Matches every shape of one drawing to a shape of the other with the same points (to 0.15 units) and paint. */
function sameDrawing(a: Figure, b: Figure) {
  const left = [...b.shapes]
  for (const shape of a.shapes) {
    const i = left.findIndex((other) => samePoints(shape, other))
    expect(i, `${shape.role} has no counterpart`).toBeGreaterThanOrEqual(0)
    left.splice(i, 1)
  }
  expect(left).toEqual([])
}

const mirrorKeyframe = ({ left, right, ...axial }: Keyframe): Keyframe => ({
  ...axial,
  ...(right ? { left: right } : {}),
  ...(left ? { right: left } : {}),
})

describe('detail insets', () => {
  it('draws nothing for a spec that asks for no detail', () => {
    expect(insetFor({ ...specFor('hand'), detail: undefined })).toBeUndefined()
  })

  for (const part of detailParts) {
    it(`draws the ${part}: start on the left, end on the right, inside the canvas, with an arrow, print-safe lines`, () => {
      const fig = insetFor(specFor(part))!
      expect(fig.width).toBeGreaterThanOrEqual(INSET.width)
      expect(fig.width).toBeLessThanOrEqual(INSET.maxWidth)
      expect(fig.height).toBeLessThanOrEqual(INSET.height)
      for (const shape of fig.shapes) {
        for (const x of xsOf(shape)) expect(x, shape.role).toBeGreaterThanOrEqual(-0.5)
        for (const x of xsOf(shape)) expect(x, shape.role).toBeLessThanOrEqual(fig.width + 0.5)
        for (const y of ysOf(shape)) expect(y, shape.role).toBeGreaterThanOrEqual(-0.5)
        for (const y of ysOf(shape)) expect(y, shape.role).toBeLessThanOrEqual(fig.height + 0.5)
        // Strokes thick and dark enough for a black-and-white printer.
        expect(shape.strokeWidth, shape.role).toBeGreaterThanOrEqual(1.3)
        expect(parseInt(shape.stroke.slice(1, 3), 16), shape.role).toBeLessThanOrEqual(0x76)
      }
      const half = fig.width / 2
      for (const s of fig.shapes.filter((s) => s.role.startsWith('inset start ')))
        expect(Math.max(...xsOf(s)), s.role).toBeLessThan(half)
      for (const s of fig.shapes.filter((s) => s.role.startsWith('inset end ') || s.role.startsWith('inset arrow')))
        expect(Math.min(...xsOf(s)), s.role).toBeGreaterThan(half)
      // One arrow per moving part: both shoulder blades move, so they get two.
      const arrows = part === 'shoulder blades' ? 2 : 1
      expect(fig.shapes.filter((s) => s.role === 'inset arrow')).toHaveLength(arrows)
      expect(fig.shapes.filter((s) => s.role === 'inset arrowhead')).toHaveLength(arrows)
      expect(startEndDifference(fig)).toBeGreaterThan(3)
    })
  }

  it('draws a spec made for the left side as the exact mirror image of the same spec for the right, each drawing in place', () => {
    for (const part of detailParts) {
      const right = specFor(part)
      const left: DiagramSpec = { ...right, side: 'left', keyframes: right.keyframes.map(mirrorKeyframe) }
      const mirrored = insetFor(right, { side: 'left' })!
      sameDrawing(insetFor(left)!, mirrored)
      // Mirrored, the start is still the left drawing.
      for (const s of mirrored.shapes.filter((s) => s.role.startsWith('inset start ')))
        expect(Math.max(...xsOf(s))).toBeLessThan(mirrored.width / 2)
    }
  })
})

describe('the library’s details', async () => {
  const library = await loadBuiltinLibrary('resources/library/exercises')
  const byId = new Map(library.exercises.map((e) => [e.id, e]))

  it('gives every spec with a detail an inset inside its canvas, with an arrow, whose start and end differ by a visible amount', () => {
    const withDetail = library.exercises.filter((e) => e.diagram?.detail)
    expect(withDetail.length).toBeGreaterThanOrEqual(15)
    for (const e of withDetail) {
      const fig = insetFor(e.diagram!)
      expect(fig, e.id).toBeDefined()
      expect(startEndDifference(fig!), e.id).toBeGreaterThan(3)
      expect(
        fig!.shapes.some((s) => s.role === 'inset arrowhead'),
        e.id,
      ).toBe(true)
      for (const s of fig!.shapes) {
        expect(Math.min(...xsOf(s), ...ysOf(s)), `${e.id} ${s.role}`).toBeGreaterThanOrEqual(-0.5)
        expect(Math.max(...xsOf(s)), `${e.id} ${s.role}`).toBeLessThanOrEqual(fig!.width + 0.5)
        expect(Math.max(...ysOf(s)), `${e.id} ${s.role}`).toBeLessThanOrEqual(fig!.height + 0.5)
      }
    }
  })

  it('zooms each close-up until its drawing fills the box one way or the other (wrists and chin tucks were a third of it)', () => {
    for (const e of library.exercises.filter((e) => e.diagram?.detail)) {
      const fig = insetFor(e.diagram!)!
      const start = fig.shapes.filter((s) => s.role.startsWith('inset start ') && !/floor|guide|frame/.test(s.role))
      const [xs, ys] = [start.flatMap(xsOf), start.flatMap(ysOf)]
      const count = fig.drawings ? new Set(fig.drawings.map((d) => d.x)).size : 2
      const rows = fig.drawings ? new Set(fig.drawings.map((d) => d.y)).size : 1
      const half = (fig.width - (count - 1) * INSET.gap) / count
      const tall = (fig.height - (rows - 1) * INSET.gap) / rows
      const share = Math.max((Math.max(...xs) - Math.min(...xs)) / half, (Math.max(...ys) - Math.min(...ys)) / tall)
      expect(share, e.id).toBeGreaterThan(0.6)
    }
  })

  it('puts an arrow on both shoulder blades, one each side of the spine, for squeezes, shrugs and rolls', () => {
    for (const id of ['scapular-squeezes', 'shoulder-shrugs', 'shoulder-rolls']) {
      const fig = insetFor(byId.get(id)!.diagram!)!
      const heads = fig.shapes.filter((s) => s.role === 'inset arrowhead')
      expect(heads, id).toHaveLength(2)
      const spine = fig.shapes.find((s) => s.role === 'inset end spine')!
      const spineX = (Math.min(...xsOf(spine)) + Math.max(...xsOf(spine))) / 2
      const sides = heads.map((h) => Math.sign(xsOf(h).reduce((a, b) => a + b, 0) / xsOf(h).length - spineX))
      expect(new Set(sides), id).toEqual(new Set([-1, 1]))
    }
  })

  it('draws a chin tuck sitting upright with a nose and an ear, and the head glides back from the guide by a readable amount', () => {
    const fig = insetFor(byId.get('chin-tucks')!.diagram!)!
    for (const role of ['nose', 'ear', 'eye'])
      expect(
        fig.shapes.some((s) => s.role === `inset end ${role}`),
        role,
      ).toBe(true)
    const offset = (fig.width + INSET.gap) / 2
    const nose = (which: string) => Math.max(...xsOf(fig.shapes.find((s) => s.role === `inset ${which} nose`)!))
    // Faces right (the right side seen from the right) and ends well behind where it started.
    expect(nose('start') - (nose('end') - offset)).toBeGreaterThan(12)
    const arrow = fig.shapes.find((s) => s.role === 'inset arrow')!
    expect(
      Math.hypot(
        Math.max(...xsOf(arrow)) - Math.min(...xsOf(arrow)),
        Math.max(...ysOf(arrow)) - Math.min(...ysOf(arrow)),
      ),
    ).toBeGreaterThanOrEqual(18)
  })

  it('draws a chin tuck as the head sliding straight back, chin level, the neck base going back half as far (not a nod)', () => {
    const fig = insetFor(byId.get('chin-tucks')!.diagram!)!
    const offset = (fig.width + INSET.gap) / 2
    const box = (role: string, which: string) => {
      const s = fig.shapes.find((x) => x.role === `inset ${which} ${role}`)!
      const xs = xsOf(s).map((x) => (which === 'end' ? x - offset : x))
      return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ysOf(s)), bottom: Math.max(...ysOf(s)) }
    }
    for (const role of ['head', 'nose', 'eye']) {
      const [a, b] = [box(role, 'start'), box(role, 'end')]
      // The same height and shape: no drop of the chin, no tilt.
      expect(Math.abs(a.top - b.top), role).toBeLessThan(0.5)
      expect(Math.abs(a.bottom - b.bottom), role).toBeLessThan(0.5)
      expect(Math.abs(a.right - a.left - (b.right - b.left)), role).toBeLessThan(0.5)
    }
    const glide = box('nose', 'start').right - box('nose', 'end').right
    expect(glide).toBeGreaterThan(12)
    // The neck's lower end goes back about half as far as the head; the trunk stays put.
    const neckFoot = (which: string) => {
      const s = fig.shapes.find((x) => x.role === `inset ${which} neck`)!
      const pts = pointsOf(s).map(([x, y]) => [which === 'end' ? x - offset : x, y] as const)
      const low = pts.filter(([, y]) => y > Math.max(...pts.map((p) => p[1])) - 1.5)
      return low.reduce((t, [x]) => t + x, 0) / low.length
    }
    const neckBack = neckFoot('start') - neckFoot('end')
    expect(neckBack).toBeGreaterThan(glide * 0.3)
    expect(neckBack).toBeLessThan(glide * 0.8)
    const [b0, b1] = [box('upper back', 'start'), box('upper back', 'end')]
    for (const k of ['left', 'right', 'top', 'bottom'] as const) expect(b1[k]).toBeCloseTo(b0[k], 0)
  })

  it('draws a chin tuck lying on the back lying, face up, with the floor and the towel under the head', () => {
    const fig = insetFor(byId.get('supine-chin-tuck')!.diagram!)!
    const start = (role: string) => fig.shapes.find((s) => s.role === `inset start ${role}`)!
    const [head, back] = [start('head'), start('upper back')]
    // Lying: the head is beside the trunk, not above it, and the nose points up.
    expect(Math.max(...ysOf(head)) > Math.min(...ysOf(back))).toBe(true)
    expect(
      Math.abs(
        (Math.min(...xsOf(head)) + Math.max(...xsOf(head))) / 2 -
          (Math.min(...xsOf(back)) + Math.max(...xsOf(back))) / 2,
      ),
    ).toBeGreaterThan(15)
    const nose = start('nose')
    expect(Math.min(...ysOf(nose))).toBeLessThan(Math.min(...ysOf(head)) + 6)
    expect(fig.shapes.some((s) => s.role === 'inset floor')).toBe(true)
    expect(fig.shapes.some((s) => s.role === 'inset start towel')).toBe(true)
  })

  it('draws the ball the grip squeezes, and a grey thumb told from the white fingers', () => {
    const fig = insetFor(byId.get('grip-squeeze')!.diagram!)!
    for (const which of ['start', 'end']) {
      expect(
        fig.shapes.some((s) => s.role === `inset ${which} ball`),
        which,
      ).toBe(true)
      const thumb = fig.shapes.filter((s) => s.role.startsWith(`inset ${which} thumb`))
      const fingers = fig.shapes.filter((s) => s.role.startsWith(`inset ${which} finger`))
      expect(thumb.length && thumb.every((s) => s.fill === '#cccccc'), which).toBeTruthy()
      expect(
        fingers.every((s) => s.fill === '#ffffff'),
        which,
      ).toBe(true)
    }
    // No ball in the spec, none drawn.
    expect(insetFor(byId.get('tendon-glides')!.diagram!)!.shapes.some((s) => s.role.endsWith(' ball'))).toBe(false)
  })

  it('draws the weight in both wrist drawings when the spec holds one, and none when it does not', () => {
    for (const id of ['wrist-curls', 'reverse-wrist-curls']) {
      const fig = insetFor(byId.get(id)!.diagram!)!
      for (const which of ['start', 'end'])
        expect(
          fig.shapes.some((s) => s.role === `inset ${which} weight`),
          `${id} ${which}`,
        ).toBe(true)
    }
    expect(insetFor(byId.get('wrist-flexor-stretch')!.diagram!)!.shapes.some((s) => s.role.endsWith(' weight'))).toBe(
      false,
    )
  })

  it('draws the toes close-up as a foot: a long leg coming down into it, and the towel on the floor when the spec has one', () => {
    const fig = insetFor(byId.get('towel-scrunches')!.diagram!)!
    const extent = (role: string, of: (s: Shape) => number[]) => {
      const v = of(fig.shapes.find((s) => s.role === role)!)
      return Math.max(...v) - Math.min(...v)
    }
    expect(extent('inset start shank', ysOf)).toBeGreaterThan(1.3 * extent('inset start foot', xsOf))
    for (const which of ['start', 'end'])
      expect(
        fig.shapes.some((s) => s.role === `inset ${which} towel`),
        which,
      ).toBe(true)
    expect(insetFor(byId.get('marble-pick-ups')!.diagram!)!.shapes.some((s) => s.role.endsWith(' towel'))).toBe(false)
    // The marble the toes pick up shows in both drawings of the close-up.
    for (const which of ['start', 'end'])
      expect(
        insetFor(byId.get('marble-pick-ups')!.diagram!)!.shapes.some((s) => s.role === `inset ${which} marble`),
        which,
      ).toBe(true)
  })

  it('draws one close-up per keyframe for a longer sequence (ankle circles), each numbered and with an arrow from the one before', () => {
    const spec = byId.get('seated-ankle-circles')!.diagram!
    expect(spec.keyframes).toHaveLength(4)
    const fig = insetFor(spec)!
    expect(fig.drawings).toHaveLength(4)
    expect(fig.shapes.filter((s) => s.role === 'inset frame')).toHaveLength(4)
    // Start, two steps and the end, each in its own box, in two rows of two (four in a row printed too small).
    const w = (fig.width - INSET.gap) / 2
    const h = (fig.height - INSET.gap) / 2
    expect(fig.drawings!.map((d) => d.y > 0)).toEqual([false, false, true, true])
    ;['start', 'step2', 'step3', 'end'].forEach((which, n) => {
      const parts = fig.shapes.filter((s) => s.role.startsWith(`inset ${which} `))
      expect(parts.length, which).toBeGreaterThan(0)
      for (const s of parts) {
        expect(Math.min(...xsOf(s)), `${which} ${s.role}`).toBeGreaterThan(fig.drawings![n]!.x - 0.5)
        expect(Math.max(...xsOf(s)), `${which} ${s.role}`).toBeLessThan(fig.drawings![n]!.x + w + 0.5)
        expect(Math.min(...ysOf(s)), `${which} ${s.role}`).toBeGreaterThan(fig.drawings![n]!.y - 0.5)
        expect(Math.max(...ysOf(s)), `${which} ${s.role}`).toBeLessThan(fig.drawings![n]!.y + h + 0.5)
      }
    })
    // An arrow in each drawing after the first, none in the first.
    const heads = fig.shapes.filter((s) => s.role === 'inset arrowhead')
    expect(heads).toHaveLength(3)
    const inFirst = (s: Shape) =>
      Math.max(...xsOf(s)) < fig.drawings![0]!.x + w && Math.max(...ysOf(s)) < fig.drawings![0]!.y + h
    expect(heads.filter(inFirst)).toHaveLength(0)
    // The sole turned in and the sole turned out are drawn differently.
    const foot = (which: string) => fig.shapes.find((s) => s.role === `inset ${which} foot`)!
    const centreX = (s: Shape, n: number) => (Math.min(...xsOf(s)) + Math.max(...xsOf(s))) / 2 - fig.drawings![n]!.x
    expect(Math.abs(centreX(foot('step2'), 1) - centreX(foot('end'), 3))).toBeGreaterThan(5)
    // On the handout each close-up carries its frame's number, 1 to 4, beside the numbered frames.
    const panel = panelFor(spec, resolvedViews(spec)[0]!)
    const box = panel.shapes.find((s) => s.role === 'detail box')!
    const discs = panel.shapes.filter(
      (s) =>
        s.role === 'frame number' &&
        s.kind === 'circle' &&
        s.cx > Math.min(...xsOf(box)) &&
        s.cy > Math.min(...ysOf(box)),
    )
    expect(discs).toHaveLength(4)
    // Each number twice: on its frame and on its close-up.
    for (const n of [1, 2, 3, 4])
      expect(
        panel.shapes.filter((s) => s.role === `frame number ${n}`),
        `${n}`,
      ).toHaveLength(2)
    // A two-keyframe detail keeps its two drawings, with no numbers of their own beside numbered frames.
    expect(insetFor(specFor('ankle'))!.drawings).toHaveLength(2)
  })

  it('draws the band of a band ankle exercise in the ankle close-up, out past the little toe for inversion and in past the other foot for eversion', () => {
    const knotX = (id: string, which: string) => {
      const fig = insetFor(byId.get(id)!.diagram!)!
      const xs = xsOf(fig.shapes.find((s) => s.role === `inset ${which} band knot`)!)
      const foot = xsOf(fig.shapes.find((s) => s.role === `inset ${which} foot`)!)
      return (Math.min(...xs) + Math.max(...xs)) / 2 - (Math.min(...foot) + Math.max(...foot)) / 2
    }
    for (const which of ['start', 'end']) {
      // The right foot seen from in front: its outer side is on the drawing's left, the other foot on its right.
      expect(knotX('band-ankle-inversion', which), which).toBeLessThan(-10)
      expect(knotX('band-ankle-eversion', which), which).toBeGreaterThan(10)
    }
    expect(
      insetFor(byId.get('seated-ankle-circles')!.diagram!)?.shapes.some((s) => s.role.endsWith(' band')) ?? false,
    ).toBe(false)
  })

  it('draws wrist curls and reverse wrist curls, and the wrist flexor and extensor stretches, differently', () => {
    for (const [a, b] of [
      ['wrist-curls', 'reverse-wrist-curls'],
      ['wrist-flexor-stretch', 'wrist-extensor-stretch'],
    ] as const) {
      const [sa, sb] = [byId.get(a)!.diagram!, byId.get(b)!.diagram!]
      expect(figureFor(sa, resolvedViews(sa)[0]!).shapes, `${a} / ${b}`).not.toEqual(
        figureFor(sb, resolvedViews(sb)[0]!).shapes,
      )
      expect(insetFor(sa)!.shapes, `${a} / ${b} detail`).not.toEqual(insetFor(sb)!.shapes)
    }
  })
})
