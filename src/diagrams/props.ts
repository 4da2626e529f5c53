/**
 * Props drawn around the figure, placed from the joints they touch: a chair under a sitting pelvis
 * or under a steadying hand, a wall at the back or the hands, a step under a foot, balls, pillows,
 * rolled towels and foam rolls under a body part, a band to its anchor, a hand or cuff weight, a marble in the toes
 * and a cup on the floor to drop it into.
 * Sizes are in centimetres and go through the same mapping as the body.
 */
import type { Mapper, Shape } from './body'
import { outline } from './hull'
import { headCentre, JOINT_RADIUS } from './placement'
import { pushOnDrawing, pushShapes, pushVector, type PushProp } from './push'
import type { FigureJoint, Joints } from './skeleton'
import type { Prop } from './spec'
import { BAND, PROP, TONES } from './style'
import { add, type Vec3 } from './vec'

export const STEP_HEIGHT = 18

/** How far (cm) each prop reaches from the joint it is placed by. */
export const PROP_REACH: Record<Prop['kind'], number> = {
  mat: 0,
  chair: 50,
  wall: 12,
  table: 52,
  step: 22,
  ball: 62,
  pillow: 18,
  towel: 12,
  'foam roll': 17,
  weight: 10,
  band: 42,
  stick: 12,
  push: 26,
  marble: 16,
  cup: 8,
}

export interface PropContext {
  joints: Joints
  /** The keyframe sat lowest (a chair goes under its pelvis, e.g. the start of a sit-to-stand). */
  seated?: Joints
  /** Every keyframe of the movement, start first: what is fixed in the room (a band's anchor) stays put in every frame. */
  keyframes?: Joints[]
  map: Mapper
  scale: number
  /** +1 when the figure faces right in the picture, -1 when left. */
  facing: number
}

const rect = (role: string, x1: number, y1: number, x2: number, y2: number, r = 1.5): Shape => {
  const [l, rr, t, b] = [Math.min(x1, x2), Math.max(x1, x2), Math.min(y1, y2), Math.max(y1, y2)]
  return {
    kind: 'path',
    role,
    d: `M${l + r} ${t}H${rr - r}Q${rr} ${t} ${rr} ${t + r}V${b - r}Q${rr} ${b} ${rr - r} ${b}H${l + r}Q${l} ${b} ${l} ${b - r}V${t + r}Q${l} ${t} ${l + r} ${t}Z`,
    ...PROP,
  }
}

const f = (n: number) => Math.round(n * 10) / 10

/** The same joint on the other side (undefined for a midline joint). */
const twin = (name: FigureJoint): FigureJoint | undefined =>
  name.startsWith('left')
    ? (`right${name.slice(4)}` as FigureJoint)
    : name.startsWith('right')
      ? (`left${name.slice(5)}` as FigureJoint)
      : undefined

/** A flat strip from a to b, `half` wide on each side of the line; `fringe` adds short tassels past both ends (a towel). */
function strip(
  role: string,
  a: { x: number; y: number },
  b: { x: number; y: number },
  half: number,
  paint: Pick<Shape, 'fill' | 'stroke' | 'strokeWidth'>,
  fringe = 0,
): Shape[] {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1
  const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len]
  const [nx, ny] = [-uy * half, ux * half]
  const corners = [
    [a.x + nx, a.y + ny],
    [b.x + nx, b.y + ny],
    [b.x - nx, b.y - ny],
    [a.x - nx, a.y - ny],
  ]
  const shapes: Shape[] = [
    { kind: 'path', role, d: `M${corners.map(([x, y]) => `${f(x!)} ${f(y!)}`).join('L')}Z`, ...paint },
  ]
  if (fringe > 0) {
    const d = [a, b]
      .flatMap((end, i) =>
        [-0.6, 0, 0.6].map((t) => {
          const out = i === 0 ? -1 : 1
          const [x, y] = [end.x + nx * t, end.y + ny * t]
          return `M${f(x)} ${f(y)}L${f(x + ux * out * fringe)} ${f(y + uy * out * fringe)}`
        }),
      )
      .join('')
    shapes.unshift({
      kind: 'path',
      role: `${role} fringe`,
      d,
      fill: 'none',
      stroke: paint.stroke,
      strokeWidth: paint.strokeWidth,
    })
  }
  return shapes
}

const below = (j: Joints, name: FigureJoint, r: number): Vec3 => {
  const p = j[name]
  return [p[0], p[1], Math.max(r, p[2] - JOINT_RADIUS[name] - r)]
}

/**
 * What a band is tied to: a door frame (a post from the floor with the knot on it), or for an anchor above, the top of
 * the door. A dot alone floated in the air and reviewers could not tell what held the band.
 */
function bandAnchor(above: boolean, at: { x: number; y: number }, floorY: number, k: number): Shape[] {
  const knot: Shape = {
    kind: 'circle',
    role: 'band anchor',
    cx: at.x,
    cy: at.y,
    r: 2.6 * k + 0.6,
    fill: '#3a3a3a',
    stroke: '#1a1a1a',
    strokeWidth: 1.45,
  }
  if (above) return [rect('door top', at.x - 16 * k, at.y - 5 * k, at.x + 16 * k, at.y - 1 * k), knot]
  // Seen from above (a top view) the floor is no lower than the knot: then the knot alone.
  if (floorY - at.y < 6 * k) return [knot]
  return [rect('door frame', at.x - 2.5 * k, Math.min(at.y - 18 * k, floorY - 40 * k), at.x + 2.5 * k, floorY), knot]
}

const BAND_REACH = 38

/**
 * Where a band's anchor is in the room: beside the body for `side` (out on the limb's own side) and `across` (beyond
 * the other side), ahead for `front`, behind for `behind`, level with where the band is held at the start and past
 * both the body and every place the limb goes. Placed in 3D and then drawn like a joint, so a band tied beside a person
 * seen side-on runs towards the viewer instead of ahead along the page. Undefined for an anchor on the floor or above,
 * and when the body gives no level forward direction (lying down): those are placed on the drawing.
 */
export function bandAnchorPoint(prop: Extract<Prop, { kind: 'band' }>, keyframes: readonly Joints[]): Vec3 | undefined {
  const start = keyframes[0]
  if (!start || prop.to || prop.anchor === undefined || prop.anchor === 'floor' || prop.anchor === 'above')
    return undefined
  const level = (v: readonly number[]) => {
    const n = Math.hypot(v[0]!, v[1]!)
    return n < 1e-6 ? undefined : ([v[0]! / n, v[1]! / n, 0] as const)
  }
  // The face looks forward from the middle of the head; lying down it looks up, and there is no level forward.
  const head = headCentre(start)
  const look = [start.face[0] - head[0], start.face[1] - head[1], start.face[2] - head[2]] as const
  const forward = level(look)
  const across = level([start.rightHip[0] - start.leftHip[0], start.rightHip[1] - start.leftHip[1]])
  if (!forward || !across || Math.hypot(look[0], look[1]) < 0.5 * Math.hypot(...look)) return undefined
  const own = prop.from.startsWith('left') ? -1 : 1
  const sign = prop.anchor === 'side' ? own : prop.anchor === 'across' ? -own : prop.anchor === 'front' ? 1 : -1
  const axis = prop.anchor === 'side' || prop.anchor === 'across' ? across : forward
  const dir: Vec3 = [axis[0] * sign, axis[1] * sign, 0]
  const along = (p: Vec3) => p[0] * dir[0] + p[1] * dir[1]
  const held = start[prop.from]
  const limb = Math.max(...keyframes.map((kf) => along(kf[prop.from])))
  const body = Math.max(...Object.values(start).map(along))
  const out = Math.max(limb + BAND_REACH, body + 20) - along(held)
  return [held[0] + dir[0] * out, held[1] + dir[1] * out, held[2]]
}

/** Shapes that go behind the figure and shapes that go in front of it. */
export function propShapes(props: readonly Prop[], c: PropContext): { back: Shape[]; front: Shape[] } {
  const back: Shape[] = []
  const front: Shape[] = []
  const { joints: j, map, scale: k, facing } = c
  /** Drawing y of the floor right under a joint (views from above see the floor as a plane). */
  const floorUnder = (name: FigureJoint) => map([j[name][0], j[name][1], 0]).y
  const pushes = props.filter((p): p is PushProp => p.kind === 'push')
  const sideOf = (name: FigureJoint, at: Joints = j) => {
    // A wall (door frame) pushed against stands where the push points, even on the inner side of a hand.
    const push = pushes.find((p) => p.at === name)
    const dir = push && pushOnDrawing(push, at, map)
    if (dir && Math.abs(dir.x) > 0.3) return Math.sign(dir.x)
    const dx = map(at[name]).x - map(at.pelvis).x
    return Math.abs(dx) > 6 * k ? Math.sign(dx) : -facing
  }
  for (const prop of props) {
    switch (prop.kind) {
      case 'mat':
        break // drawn with the floor
      case 'push':
        front.push(
          ...pushShapes(
            prop,
            j,
            map,
            k,
            props.some((w) => w.kind === 'wall' && w.at === prop.at),
          ),
        )
        break
      case 'chair': {
        if (prop.at) {
          // A steadying hand on the chair back: the chair stands beyond the hand.
          const hand = map(j[prop.at])
          const dir = sideOf(prop.at)
          const top = hand.y + JOINT_RADIUS[prop.at] * k
          const near = hand.x - dir * 3 * k
          const far = near + dir * 42 * k
          const floorY = floorUnder(prop.at)
          const seat = floorY - 45 * k
          back.push(
            rect('chair back', near - 1.5 * k, top, near + 1.5 * k, floorY),
            rect('chair seat', near, seat - 2 * k, far, seat + 1 * k),
            rect('chair leg', far - 1.5 * k, seat, far + 1.5 * k, floorY),
          )
        } else {
          const sit = c.seated ?? j
          const pelvis = map(sit.pelvis)
          const seat = map([sit.pelvis[0], sit.pelvis[1], sit.pelvis[2] - JOINT_RADIUS.pelvis]).y
          const x0 = pelvis.x - facing * 16 * k
          const x1 = pelvis.x + facing * 24 * k
          const floorY = map([sit.pelvis[0], sit.pelvis[1], 0]).y
          back.push(
            rect('chair back', x0 - facing * 3 * k, seat - 48 * k, x0, floorY),
            rect('chair seat', x0, seat, x1, seat + 3 * k),
            rect('chair leg', x1 - facing * 3 * k, seat, x1, floorY),
          )
        }
        break
      }
      case 'wall': {
        const p = map(j[prop.at])
        const floorY = floorUnder(prop.at)
        // Pushed into straight away from the viewer, the wall (a door edge) stands beyond the part, hidden behind it:
        // drawn beside the fist it stood in front of the palm, with nothing to press on.
        const push = pushes.find((q) => q.at === prop.at)
        if (
          push &&
          !pushOnDrawing(push, j, map) &&
          map(add(j[push.at], pushVector(j, push.at, push.toward))).depth > p.depth
        ) {
          back.push(rect('wall', p.x - 2.5 * k, floorY - 175 * k, p.x + 2.5 * k, floorY, 0))
          break
        }
        const dir = sideOf(prop.at)
        const x = p.x + dir * JOINT_RADIUS[prop.at] * k
        back.push(rect('wall', x, floorY - 175 * k, x + dir * 5 * k, floorY, 0))
        break
      }
      case 'table': {
        const p = map(j[prop.at])
        const dir = sideOf(prop.at)
        const top = p.y + JOINT_RADIUS[prop.at] * k
        back.push(
          rect('table top', p.x - dir * 20 * k, top, p.x + dir * 50 * k, top + 4 * k),
          rect('table leg', p.x + dir * 44 * k, top, p.x + dir * 48 * k, floorUnder(prop.at)),
        )
        break
      }
      case 'step': {
        const p = map(j[prop.at])
        const top = p.y + JOINT_RADIUS[prop.at] * k
        back.push(rect('step', p.x - 20 * k, top, p.x + 20 * k, floorUnder(prop.at), 1))
        break
      }
      case 'ball': {
        const r = prop.size === 'large' ? 30 : 9
        const other = twin(prop.at) ?? prop.at
        const a = j[prop.at]
        const b = j[other]
        const between = r < 20 && other !== prop.at && Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) < 32
        const centre: Vec3 = between
          ? [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2]
          : r < 20
            ? a
            : below(j, prop.at, r)
        const p = map(centre)
        ;(r < 20 ? front : back).push({
          kind: 'circle',
          role: 'ball',
          cx: p.x,
          cy: p.y,
          r: r * k,
          ...PROP,
          fill: '#f4f4f4',
        })
        break
      }
      case 'marble': {
        // Drawn larger than life (a real marble would be a speck at print size), dark so it is not taken for a toe.
        const r = 3
        const marble = (at: Vec3, role: string): Shape[] => {
          const p = map([at[0], at[1], Math.max(r, at[2])])
          return [
            { kind: 'circle', role, cx: p.x, cy: p.y, r: r * k, fill: '#4a4a4a', stroke: '#1a1a1a', strokeWidth: 1.45 },
            {
              kind: 'circle',
              role: `${role} shine`,
              cx: p.x - 0.9 * k,
              cy: p.y - 0.9 * k,
              r: 0.8 * k,
              fill: '#ffffff',
              stroke: 'none',
              strokeWidth: 0,
            },
          ]
        }
        const start = c.keyframes?.[0] ?? j
        const side = prop.at.startsWith('left') ? 'left' : 'right'
        const heel = start[`${side}Ankle`]
        const toe = start[prop.at]
        const len = Math.hypot(toe[0] - heel[0], toe[1] - heel[1]) || 1
        const [ux, uy] = [(toe[0] - heel[0]) / len, (toe[1] - heel[1]) / len]
        // The others wait on the floor ahead of the toes, fixed in the room.
        for (const d of [9, 16]) back.push(...marble([toe[0] + ux * d, toe[1] + uy * d, r], 'marble on the floor'))
        const held = j[prop.at]
        front.push(...marble([held[0] + ux * 2, held[1] + uy * 2, held[2] - JOINT_RADIUS[prop.at] * 0.5], 'marble'))
        break
      }
      case 'cup': {
        // A plain tumbler on the floor, open at the top, under where the part ends up.
        const last = c.keyframes?.at(-1) ?? j
        const at = last[prop.at]
        const base = map([at[0], at[1], 0])
        const top = map([at[0], at[1], 14])
        const [hb, ht] = [4.5 * k, 6 * k]
        back.push({
          kind: 'path',
          role: 'cup',
          d: `M${f(base.x - hb)} ${f(base.y)}L${f(top.x - ht)} ${f(top.y)}L${f(top.x + ht)} ${f(top.y)}L${f(base.x + hb)} ${f(base.y)}Z`,
          ...PROP,
          fill: '#ffffff',
        })
        back.push({
          kind: 'line',
          role: 'cup rim',
          x1: top.x - ht,
          y1: top.y + 1.5 * k,
          x2: top.x + ht,
          y2: top.y + 1.5 * k,
          fill: 'none',
          stroke: PROP.stroke,
          strokeWidth: PROP.strokeWidth,
        })
        break
      }
      case 'pillow': {
        const p = map(below(j, prop.at, 5))
        back.push({
          kind: 'path',
          role: 'pillow',
          d: outline([
            { x: p.x - 12 * k, y: p.y, r: 5 * k },
            { x: p.x + 12 * k, y: p.y, r: 5 * k },
          ]),
          ...PROP,
        })
        break
      }
      case 'stick': {
        const [a, b] = [map(j[prop.from]), map(j[prop.to])]
        // A little longer than the grip at both ends, like a real wand.
        const len = Math.hypot(b.x - a.x, b.y - a.y) || 1
        const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len]
        const extra = 8 * k
        front.push({
          kind: 'line',
          role: 'stick',
          x1: a.x - ux * extra,
          y1: a.y - uy * extra,
          x2: b.x + ux * extra,
          y2: b.y + uy * extra,
          fill: 'none',
          stroke: '#2a2a2a',
          strokeWidth: 2.6 * k + 0.8,
        })
        break
      }
      case 'towel':
      case 'foam roll': {
        if (prop.kind === 'towel' && prop.to) {
          // A towel held between two hands (or a hand and a foot): a white cloth strip with dark edges and a fringe
          // at its ends. The old plain grey strip read as a far-side arm to blind reviewers.
          const [a, b] = [map(j[prop.at]), map(j[prop.to])]
          front.push(...strip('towel', a, b, 2.6 * k, { fill: '#ffffff', stroke: '#3a3a3a', strokeWidth: 1.45 }, 4 * k))
          break
        }
        // A rolled towel or foam roll seen end-on: a disc with the roll's spiral in it, so it reads as a roll, not a limb.
        const r = prop.kind === 'towel' ? 5 : 7.5
        const p = map(below(j, prop.at, r))
        const q = r * k
        back.push(
          { kind: 'circle', role: prop.kind, cx: p.x, cy: p.y, r: q, ...PROP, fill: '#f4f4f4' },
          {
            kind: 'path',
            role: `${prop.kind} spiral`,
            d: `M${f(p.x)} ${f(p.y)}Q${f(p.x + q * 0.45)} ${f(p.y - q * 0.1)} ${f(p.x + q * 0.3)} ${f(p.y + q * 0.4)}Q${f(p.x - q * 0.15)} ${f(p.y + q * 0.75)} ${f(p.x - q * 0.55)} ${f(p.y + q * 0.2)}Q${f(p.x - q * 0.75)} ${f(p.y - q * 0.55)} ${f(p.x)} ${f(p.y - q * 0.72)}`,
            fill: 'none',
            stroke: PROP.stroke,
            strokeWidth: PROP.strokeWidth,
          },
        )
        break
      }
      case 'weight': {
        const p = map(j[prop.at])
        if (/Hand|Wrist/.test(prop.at)) {
          const side = prop.at.startsWith('left') ? 'left' : 'right'
          const w = map(j[`${side}Wrist`])
          const len = Math.hypot(p.x - w.x, p.y - w.y) || 1
          // The bar lies across the palm, at right angles to the hand.
          const [ux, uy] = [-(p.y - w.y) / len, (p.x - w.x) / len]
          const bar = 7 * k
          front.push({
            kind: 'line',
            role: 'weight bar',
            x1: p.x - ux * bar,
            y1: p.y - uy * bar,
            x2: p.x + ux * bar,
            y2: p.y + uy * bar,
            ...TONES.near,
            strokeWidth: 2.2 * k + 0.6,
          })
          for (const s of [-1, 1])
            front.push({
              kind: 'circle',
              role: 'weight',
              cx: p.x + s * ux * bar,
              cy: p.y + s * uy * bar,
              r: 3.4 * k,
              fill: '#3a3a3a',
              stroke: '#1a1a1a',
              strokeWidth: 1.45,
            })
        } else {
          front.push({
            kind: 'circle',
            role: 'cuff weight',
            cx: p.x,
            cy: p.y,
            r: (JOINT_RADIUS[prop.at] + 2) * k,
            fill: '#3a3a3a',
            stroke: '#1a1a1a',
            strokeWidth: 1.45,
          })
        }
        break
      }
      case 'band': {
        const from = map(j[prop.from])
        let to: { x: number; y: number }
        if (prop.to) to = map(j[prop.to])
        else if (c.keyframes && bandAnchorPoint(prop, c.keyframes)) {
          const at = bandAnchorPoint(prop, c.keyframes)!
          to = map(at)
          back.push(...bandAnchor(false, to, map([at[0], at[1], 0]).y, k))
        } else {
          const reach = BAND_REACH * k
          // The anchor is fixed in the room: placed from where the hand goes in every frame, so it stays put.
          const start = c.keyframes?.[0] ?? j
          const ends = (c.keyframes ?? [j]).map((kf) => map(kf[prop.from]))
          // `side`: out on the hand's own side (pulled in against it); `across`: on the far side of the body (pulled out against it).
          const dir =
            prop.anchor === 'behind'
              ? -facing
              : prop.anchor === 'side'
                ? sideOf(prop.from, start)
                : prop.anchor === 'across'
                  ? -sideOf(prop.from, start)
                  : facing
          const xs = ends.map((e) => e.x)
          const level = ends.reduce((sum, e) => sum + e.y, 0) / ends.length
          to =
            prop.anchor === 'floor'
              ? { x: from.x + facing * 4 * k, y: floorUnder(prop.from) }
              : prop.anchor === 'above'
                ? { x: xs.reduce((a, b) => a + b, 0) / xs.length, y: Math.min(...ends.map((e) => e.y)) - reach }
                : { x: dir > 0 ? Math.max(...xs) + reach : Math.min(...xs) - reach, y: level }
          if (prop.anchor !== 'floor') back.push(...bandAnchor(prop.anchor === 'above', to, floorUnder(prop.from), k))
        }
        if (prop.to && twin(prop.from) === prop.to) {
          // A loop round both legs (or both wrists): a ring round the two limbs, as the band really sits; a strip
          // between them read as a stick or a stray line.
          const r = (JOINT_RADIUS[prop.from] + 2.5) * k
          front.push({
            kind: 'path',
            role: 'band',
            d: outline([
              { ...from, r },
              { ...to, r },
            ]),
            fill: 'none',
            stroke: BAND.stroke,
            strokeWidth: BAND.strokeWidth,
          })
        } else if (Math.hypot(to.x - from.x, to.y - from.y) < 4 * k) {
          // Both ends meet in this view (a loop round the knees seen from the side): draw the loop.
          front.push({
            kind: 'circle',
            role: 'band',
            cx: from.x,
            cy: from.y,
            r: 7 * k,
            ...BAND,
            strokeWidth: BAND.strokeWidth * 0.8,
          })
        } else {
          // A flat elastic strip: dark edges round a pale middle, so it does not read as a stick or a drawn line.
          const len = Math.hypot(to.x - from.x, to.y - from.y)
          const [nx, ny] = [(-(to.y - from.y) / len) * 1.6 * k, ((to.x - from.x) / len) * 1.6 * k]
          const corners = [
            [from.x + nx, from.y + ny],
            [to.x + nx, to.y + ny],
            [to.x - nx, to.y - ny],
            [from.x - nx, from.y - ny],
          ]
          front.push({
            kind: 'path',
            role: 'band',
            d: `M${corners.map(([x, y]) => `${x!.toFixed(1)} ${y!.toFixed(1)}`).join('L')}Z`,
            fill: '#d9d9d9',
            stroke: BAND.stroke,
            strokeWidth: 1.45,
          })
        }
        break
      }
    }
  }
  return { back, front }
}
