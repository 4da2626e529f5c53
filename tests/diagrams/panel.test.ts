import { describe, expect, it } from 'vitest'
import { loadBuiltinLibrary } from '../../electron/services/library/builtin'
import type { Shape } from '../../src/diagrams/body'
import { framePanels, panelFor, panelKind, type Panel } from '../../src/diagrams/panel'
import { shapeBox } from '../../src/diagrams/shape-geometry'
import { diagramSpecSchema, type DiagramSpec } from '../../src/diagrams/spec'
import { resolvedViews } from '../../src/diagrams/visibility'

const bridge: DiagramSpec = diagramSpecSchema.parse({
  base: 'supine',
  views: ['side'],
  moving: ['pelvis'],
  props: [],
  keyframes: [
    { left: { hipFlexion: 60, kneeFlexion: 100 }, right: { hipFlexion: 60, kneeFlexion: 100 } },
    { left: { hipFlexion: 10, kneeFlexion: 100 }, right: { hipFlexion: 10, kneeFlexion: 100 } },
  ],
})
const march: DiagramSpec = {
  base: 'standing',
  views: ['side'],
  moving: ['leftKnee'],
  props: [{ kind: 'chair', at: 'rightHand' }],
  side: 'left',
  keyframes: [{}, { left: { hipFlexion: 70, kneeFlexion: 80 } }],
}
const wallPress: DiagramSpec = {
  base: 'standing',
  views: ['side'],
  moving: [],
  props: [{ kind: 'wall', at: 'rightHand' }],
  keyframes: [{ right: { shoulderFlexion: 90 } }, { right: { shoulderFlexion: 90 } }],
}

const BODY = /^(pelvis|chest|neck|head|(left|right) (thigh|shank|foot|upper arm|forearm|hand))$/
const inFrame = (panel: Panel, n: number) => (s: Shape) => {
  const f = panel.frames[n]!
  const b = shapeBox(s)
  const cx = (b.minX + b.maxX) / 2
  const cy = (b.minY + b.maxY) / 2
  return cx >= f.x && cx <= f.x + f.width && cy >= f.y && cy <= f.y + f.height
}

describe('panels of numbered frames', () => {
  it('draws start and end as two whole, solid figures side by side that never overlap', () => {
    const panel = panelFor(bridge, 'side')
    expect(panel.kind).toBe('frames')
    expect(panel.frames).toHaveLength(2)
    const [one, two] = panel.frames
    expect(one!.x + one!.width).toBeLessThan(two!.x)
    for (const n of [0, 1])
      expect(panel.shapes.filter((s) => BODY.test(s.role)).filter(inFrame(panel, n))).toHaveLength(16)
    expect(panel.shapes.some((s) => s.role.startsWith('ghost'))).toBe(false)
    // Numbers 1 and 2, each inside its own frame; the arrow only on the last frame.
    expect(panel.shapes.filter((s) => s.role === 'frame number 1').filter(inFrame(panel, 0))).toHaveLength(1)
    expect(panel.shapes.filter((s) => s.role === 'frame number 2').filter(inFrame(panel, 1))).toHaveLength(1)
    const arrows = panel.shapes.filter((s) => s.role === 'arrow')
    expect(arrows.length).toBeGreaterThan(0)
    expect(arrows.every(inFrame(panel, 1))).toBe(true)
  })

  it('marks a held end position with the stopwatch beside the last number only, and never overlaps the figure with it', () => {
    const plain = panelFor(bridge, 'side')
    const held = panelFor(bridge, 'side', { holdEnd: true })
    expect(plain.shapes.some((s) => s.role === 'hold mark')).toBe(false)
    const marks = held.shapes.filter((s) => s.role === 'hold mark')
    expect(marks.length).toBeGreaterThan(0)
    expect(marks.every(inFrame(held, 1))).toBe(true)
    const box = marks.map(shapeBox).reduce((a, b) => ({
      minX: Math.min(a.minX, b.minX),
      minY: Math.min(a.minY, b.minY),
      maxX: Math.max(a.maxX, b.maxX),
      maxY: Math.max(a.maxY, b.maxY),
    }))
    const body = held.shapes
      .filter((s) => BODY.test(s.role))
      .filter(inFrame(held, 1))
      .map(shapeBox)
    expect(body.some((b) => b.minX < box.maxX && box.minX < b.maxX && b.minY < box.maxY && box.minY < b.maxY)).toBe(
      false,
    )
    // A pose held still is already one stopwatch frame: no second mark.
    expect(panelFor(wallPress, 'side', { holdEnd: true }).shapes.filter((s) => s.role === 'hold mark')).toEqual(
      panelFor(wallPress, 'side').shapes.filter((s) => s.role === 'hold mark'),
    )
  })

  it('puts every frame on one floor line and one scale', () => {
    const panel = panelFor(march, 'side')
    const floors = panel.shapes.filter(
      (s): s is Extract<Shape, { kind: 'line' }> => s.role === 'floor' && s.kind === 'line',
    )
    expect(floors).toHaveLength(2)
    expect(floors[0]!.y1).toBe(floors[1]!.y1)
    // Same scale: the standing leg's shank is as long in both frames.
    const shanks = panel.shapes.filter((s) => s.role === 'right shank').map((s) => shapeBox(s).maxY - shapeBox(s).minY)
    expect(shanks[0]).toBeCloseTo(shanks[1]!, 0)
  })

  it('stacks the frames when asked, still apart', () => {
    const panel = panelFor(bridge, 'side', { arrange: 'column' })
    const [one, two] = panel.frames
    expect(one!.y + one!.height).toBeLessThan(two!.y)
    expect(panel.height).toBeGreaterThan(1.9 * one!.height)
  })

  it('draws a held position once, with a hold mark instead of numbers', () => {
    expect(panelKind(wallPress)).toBe('hold')
    const panel = panelFor(wallPress, 'side')
    expect(panel.frames).toHaveLength(1)
    expect(panel.shapes.some((s) => s.role === 'hold mark')).toBe(true)
    expect(panel.shapes.some((s) => s.role.startsWith('frame number'))).toBe(false)
  })

  it('keeps the pale start outline for a spec that asks for the overlay', () => {
    const panel = panelFor({ ...march, display: 'overlay' }, 'side')
    expect(panel.kind).toBe('overlay')
    expect(panel.frames).toHaveLength(1)
    expect(panel.shapes.some((s) => s.role.startsWith('ghost'))).toBe(true)
  })

  it('draws one frame per distinct keyframe (three for a three-step movement), numbered in order left to right', () => {
    const three: DiagramSpec = {
      ...march,
      keyframes: [{}, { left: { hipFlexion: 70, kneeFlexion: 80 } }, { left: { hipFlexion: 70, kneeFlexion: 0 } }],
    }
    const panel = panelFor(three, 'side')
    expect(panel.frames).toHaveLength(3)
    const xs = [1, 2, 3].map((n) => shapeBox(panel.shapes.find((s) => s.role === `frame number ${n}`)!).minX)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
    // Mirrored for the other side, the order of the frames stays start first.
    const mirrored = panelFor(three, 'side', { side: 'right' })
    expect(mirrored.frames.map((f) => f.keyframe)).toEqual([0, 1, 2])
  })
})

describe('small movements and missing arrows', () => {
  it('draws the position once and numbers the close-up when only a small part moves (a grip)', () => {
    const grip: DiagramSpec = {
      base: 'sitting',
      views: ['side'],
      moving: [],
      props: [],
      side: 'right',
      detail: { part: 'hand' },
      keyframes: [
        { right: { elbowFlexion: 90, fingerFlexion: 0 } },
        { right: { elbowFlexion: 90, fingerFlexion: 100 } },
      ],
    }
    const panel = panelFor(grip, 'side')
    expect(panel.kind).toBe('setup')
    expect(panel.frames).toHaveLength(1)
    const box = shapeBox(panel.shapes.find((s) => s.role === 'detail box')!)
    for (const n of [1, 2]) {
      const mark = shapeBox(panel.shapes.find((s) => s.role === `frame number ${n}`)!)
      expect(mark.minX, `close-up number ${n}`).toBeGreaterThanOrEqual(box.minX)
    }
  })

  it('numbers the close-up steps with the labels of the first and last pose', () => {
    const grip: DiagramSpec = {
      base: 'sitting',
      views: ['side'],
      moving: [],
      props: [],
      side: 'right',
      detail: { part: 'hand' },
      labels: ['hand open', 'between', 'fist'],
      keyframes: [
        { right: { elbowFlexion: 90, fingerFlexion: 0 } },
        { right: { elbowFlexion: 90, fingerFlexion: 50 } },
        { right: { elbowFlexion: 90, fingerFlexion: 100 } },
      ],
    }
    expect(panelFor(grip, 'side').labels).toEqual(['hand open', 'fist'])
    expect(panelFor({ ...march, labels: ['stand tall', 'knee up'] }, 'side').labels).toEqual(['stand tall', 'knee up'])
  })

  it('puts an arrow on the part that travels furthest when the spec names none', () => {
    const panel = panelFor({ ...march, moving: [] }, 'side')
    expect(panel.kind).toBe('frames')
    expect(panel.shapes.filter((s) => s.role === 'arrow').length).toBeGreaterThan(0)
  })
})

describe('frame labels', () => {
  it('take one short label per pose, and say which rule a bad list breaks', () => {
    const base = { base: 'standing', moving: [], props: [], keyframes: [{}, { left: { hipFlexion: 40 } }] }
    expect(diagramSpecSchema.parse({ ...base, labels: ['', 'knee up'] }).labels).toEqual(['', 'knee up'])
    const short = diagramSpecSchema.safeParse({ ...base, labels: ['only one', 'two', 'three'] })
    expect(short.success).toBe(false)
    expect(short.error?.issues[0]?.message).toBe('Give one label per pose: 2 poses, 3 labels.')
    const long = diagramSpecSchema.safeParse({ ...base, labels: ['x'.repeat(41), ''] })
    expect(long.error?.issues[0]?.message).toMatch(/at most 40 characters/)
  })
})

describe('diagrams stored before frames, insets, pushes and supports', () => {
  it('load unchanged and draw as numbered frames', () => {
    // A custom exercise's diagram exactly as version 1 of the app saved it (views required, none of the new fields).
    const stored = JSON.parse(
      '{"base":"supine","views":["side"],"keyframes":[{"left":{"hipFlexion":45,"kneeFlexion":90},"right":{"hipFlexion":45,"kneeFlexion":90}},{"left":{"hipFlexion":10,"kneeFlexion":90},"right":{"hipFlexion":10,"kneeFlexion":90}}],"moving":["pelvis"],"props":[{"kind":"mat"}],"side":"right"}',
    )
    const spec = diagramSpecSchema.parse(stored)
    expect(spec).toEqual(stored)
    const panel = panelFor(spec, 'side')
    expect(panel.kind).toBe('frames')
    expect(panel.frames).toHaveLength(2)
  })
})

describe('every built-in picture', async () => {
  const library = await loadBuiltinLibrary('resources/library/exercises')
  it('stays inside its panel in every view (no limb or arrow leaves the frame)', () => {
    for (const e of library.exercises) {
      for (const view of resolvedViews(e.diagram!)) {
        for (const arrange of ['row', 'column'] as const) {
          const panel = panelFor(e.diagram!, view, { arrange })
          for (const shape of panel.shapes) {
            const b = shapeBox(shape)
            const where = `${e.id} ${view} ${arrange}: ${shape.role}`
            expect(b.minX, where).toBeGreaterThanOrEqual(-1)
            expect(b.minY, where).toBeGreaterThanOrEqual(-1)
            expect(b.maxX, where).toBeLessThanOrEqual(panel.width + 1)
            expect(b.maxY, where).toBeLessThanOrEqual(panel.height + 1)
          }
        }
      }
    }
  }, 60_000)
})

describe('a column of frames cut into one picture per frame (large print breaks a page between them)', () => {
  it('gives each frame its own shapes at the same scale, and loses none but the lines between frames', () => {
    const panel = panelFor(bridge, 'side', { arrange: 'column', holdEnd: true })
    const parts = framePanels(panel)!
    expect(parts).toHaveLength(2)
    parts.forEach((part, n) => {
      const frame = panel.frames[n]!
      expect(part.width).toBe(panel.width)
      expect(part.viewY).toBe(frame.y)
      expect(part.height).toBe(frame.height)
      expect(part.shapes.length).toBeGreaterThan(0)
      expect(part.shapes.every(inFrame(panel, n))).toBe(true)
      expect(part.labels).toEqual([panel.labels[n]])
    })
    // Each frame keeps its number; the stopwatch of the held end goes with the last.
    expect(parts[0]!.shapes.some((s) => s.role === 'hold mark')).toBe(false)
    const kept = parts.flatMap((p) => p.shapes)
    expect(kept).toHaveLength(panel.shapes.filter((s) => s.role !== 'separator').length)
  })

  it('leaves whole what is not a column of frames', () => {
    expect(framePanels(panelFor(bridge, 'side'))).toBeUndefined()
    expect(framePanels(panelFor(wallPress, 'side', { arrange: 'column' }))).toBeUndefined()
  })
})
