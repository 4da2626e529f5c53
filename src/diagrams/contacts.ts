/**
 * What a posed figure rests on, keyframe by keyframe, in the words a clinician uses: feet flat, heels,
 * toes, knees, hands, forearms, pelvis, shoulders, head; on the floor or on a prop (a chair, a step...).
 * Also which parts sink below the floor. One definition for the contact-sheet script, the library test
 * and anyone checking a drawing against its steps.
 */
import { placeForSpec, specPoses } from './figure'
import { HEAD_RADIUS, headCentre, JOINT_RADIUS, restingJoints } from './placement'
import { STEP_HEIGHT } from './props'
import type { FigureJoint, Joints } from './skeleton'
import { supportPartNames, type DiagramSpec, type JointName, type Prop, type SupportPart } from './spec'

export { supportPartNames, type SupportPart }

/** A surface within this distance (cm) of the floor (or a step's top) touches it. */
export const TOUCH = 3
/** A surface this far (cm) below the floor goes through it. */
export const SINK = 1

/** The part of the body a joint belongs to, before feet and arms are told apart (see `partsTouching`). */
function partOf(joint: FigureJoint | 'head'): SupportPart {
  if (joint === 'head' || joint === 'headTop' || joint === 'face') return 'head'
  if (joint === 'pelvis' || joint === 'waist' || joint.endsWith('Hip')) return 'pelvis'
  if (joint === 'chest' || joint === 'neckBase' || joint.endsWith('Shoulder')) return 'shoulders'
  const side = joint.startsWith('left') ? 'left' : 'right'
  if (/Ankle|Toe|Ball/.test(joint)) return `${side}Foot`
  if (joint.endsWith('Knee')) return `${side}Knee`
  if (joint.endsWith('Elbow')) return `${side}Forearm`
  return `${side}Hand`
}

/** The surfaces below `level` + TOUCH, named as support parts. */
function partsTouching(j: Joints, level: number): SupportPart[] {
  const near = (n: FigureJoint) => j[n][2] - JOINT_RADIUS[n] - level < TOUCH
  const parts = new Set<SupportPart>()
  for (const n of Object.keys(j) as FigureJoint[]) {
    if (/Ankle|Toe|Ball|Elbow|Wrist|Hand|Thumb/.test(n) || n === 'headTop' || n === 'face') continue
    if (near(n)) parts.add(partOf(n))
  }
  if (headCentre(j)[2] - HEAD_RADIUS - level < TOUCH || near('headTop') || near('face')) parts.add('head')
  for (const s of ['left', 'right'] as const) {
    // Heel and toes both down is a flat foot; the forearm counts when the elbow is down, else the hand.
    const [heel, toes] = [near(`${s}Ankle`), near(`${s}Toe`) || near(`${s}Ball`)]
    if (heel || toes) parts.add(heel && toes ? `${s}Foot` : heel ? `${s}Heel` : `${s}Toes`)
    if (near(`${s}Elbow`)) parts.add(`${s}Forearm`)
    else if (near(`${s}Wrist`) || near(`${s}Hand`) || near(`${s}Thumb`)) parts.add(`${s}Hand`)
  }
  return supportPartNames.filter((p) => parts.has(p))
}

/** Props a body part rests on or holds on to: everything but bands, sticks, weights, held towels and the mat. */
const SUPPORTING = ['chair', 'wall', 'table', 'step', 'ball', 'pillow', 'towel', 'foam roll'] as const
type SupportingKind = (typeof SUPPORTING)[number]
const supporting = (p: Prop): p is Extract<Prop, { kind: SupportingKind }> =>
  (SUPPORTING as readonly string[]).includes(p.kind) && !(p.kind === 'towel' && p.to)

export interface KeyframeContacts {
  /** Parts on the floor (or on the step top, for a figure standing on a step: then they are listed under `props`). */
  floor: SupportPart[]
  /** Parts resting on or holding a prop, as `part@kind` (e.g. `rightHand@chair`, `pelvis@chair`, `leftFoot@step`). */
  props: string[]
  /** Parts whose surface is more than SINK below the floor. */
  belowFloor: FigureJoint[]
}

/** The contacts of one placed keyframe of `spec`. */
export function keyframeContacts(spec: DiagramSpec, j: Joints): KeyframeContacts {
  const lowest = Math.min(...restingJoints(j).map((n) => j[n][2] - JOINT_RADIUS[n]), headCentre(j)[2] - HEAD_RADIUS)
  const onStep = spec.props.some((p) => p.kind === 'step') && Math.abs(lowest - STEP_HEIGHT) < 0.5
  const props = new Set<string>()
  if (onStep) for (const part of partsTouching(j, STEP_HEIGHT)) props.add(`${part}@step`)
  // A sitting figure sits on a chair (drawn even when the spec lists none) unless it is down on the floor.
  if (spec.base === 'sitting' && j.pelvis[2] - JOINT_RADIUS.pelvis > 25) props.add('pelvis@chair')
  for (const p of spec.props.filter(supporting)) {
    if (p.kind === 'chair' && !p.at) continue // the seat, handled above
    // A figure standing on the step was measured above; otherwise the step is drawn right under its foot.
    if (p.kind === 'step' && onStep) continue
    const at = (p as { at: JointName }).at
    const part = partOf(at)
    // A foot prop takes the whole foot; the same for a hand or forearm.
    props.add(`${part}@${p.kind}`)
  }
  const floor = onStep ? [] : partsTouching(j, 0)
  const belowFloor = restingJoints(j).filter((n) => j[n][2] - JOINT_RADIUS[n] < -SINK)
  return { floor, props: [...props].sort(), belowFloor }
}

/** Contacts of every keyframe of `spec`, as placed for drawing. */
export function specContacts(spec: DiagramSpec): KeyframeContacts[] {
  return specPoses(spec).poses.map((pose) => keyframeContacts(spec, placeForSpec(spec, pose)))
}

/** A keyframe's contacts as one sorted list of support names, the form specs declare them in. */
export const supportList = (c: KeyframeContacts): string[] => [...c.floor, ...c.props].sort()

/** The declared supports of each keyframe (one list for all, or one per keyframe), sorted; undefined when none are declared. */
export function declaredSupports(spec: DiagramSpec): string[][] | undefined {
  const s = spec.supports
  if (!s) return undefined
  const perFrame = s.length > 0 && Array.isArray(s[0]) ? (s as string[][]) : spec.keyframes.map(() => s as string[])
  return perFrame.map((list) => [...list].sort())
}

/** How high (cm) a hand can hold a prop's top: a chair back, a table. Outside this the prop would look wrong. */
export const HOLD_HEIGHT: Partial<Record<Prop['kind'], [number, number]>> = { chair: [60, 115], table: [55, 110] }

/** Props held at an impossible height (a chair back at the knee), one line per keyframe. */
function holdProblems(spec: DiagramSpec, placed: Joints[]): string[] {
  return placed.flatMap((j, i) =>
    spec.props.flatMap((p) => {
      const range = HOLD_HEIGHT[p.kind]
      if (!range || !('at' in p) || !p.at || !/Hand|Wrist/.test(p.at)) return []
      const z = j[p.at][2]
      return z < range[0] || z > range[1]
        ? [`keyframe ${i}: ${p.at} holds the ${p.kind} ${z.toFixed(0)} cm up, outside ${range[0]}–${range[1]} cm`]
        : []
    }),
  )
}

/** Differences between what `spec` declares and what its drawing shows, parts through the floor and held props at impossible heights: one line per problem. */
export function supportMismatches(spec: DiagramSpec): string[] {
  const placed = specPoses(spec).poses.map((pose) => placeForSpec(spec, pose))
  const actual = placed.map((j) => keyframeContacts(spec, j))
  const declared = declaredSupports(spec)
  const out: string[] = holdProblems(spec, placed)
  actual.forEach((c, i) => {
    if (c.belowFloor.length) out.push(`keyframe ${i}: ${c.belowFloor.join(', ')} below the floor`)
    const want = declared?.[i]
    if (!want) return
    const have = supportList(c)
    const missing = want.filter((w) => !have.includes(w))
    const extra = have.filter((h) => !want.includes(h))
    if (missing.length || extra.length)
      out.push(
        `keyframe ${i}: ${[missing.length ? `not touching ${missing.join(', ')}` : '', extra.length ? `also touching ${extra.join(', ')}` : ''].filter(Boolean).join('; ')}`,
      )
  })
  if (declared && declared.length !== actual.length)
    out.push(`${declared.length} support lists for ${actual.length} keyframes`)
  return out
}
