import type { Exercise } from '../../core/exercise'
import { BASE_POSE } from '../../diagrams/placement'
import {
  axialAngleNames,
  jointNames,
  propKinds,
  type AxialAngleName,
  type BasePosition,
  type DetailPart,
  type DiagramSpec,
  type Keyframe,
  type LimbAngleName,
  type Prop,
  type View,
} from '../../diagrams/spec'
import { DIRECTION_KEYS, JOINT_KEYS, PROP_KEYS, type LibraryKey, type LibraryT } from './words'

/**
 * What the pose editor does to a diagram, as plain functions of the spec: the editor's panels only say which
 * edit the clinician made, so each rule here (which fields are dropped rather than left empty, how a prop is
 * built) is tested without React.
 */

const BASE_FOR_POSITION: Record<Exercise['position'], BasePosition> = {
  standing: 'standing',
  sitting: 'sitting',
  supine: 'supine',
  prone: 'prone',
  'side-lying': 'side-lying-left',
  kneeling: 'half-kneeling',
  quadruped: 'quadruped',
}

const LEG = [
  'hipFlexion',
  'hipAbduction',
  'hipExternalRotation',
  'kneeFlexion',
  'ankleDorsiflexion',
  'ankleInversion',
  'toeFlexion',
] as const
const ARM = [
  'scapulaElevation',
  'scapulaRetraction',
  'shoulderFlexion',
  'shoulderAbduction',
  'shoulderExternalRotation',
  'elbowFlexion',
  'forearmPronation',
  'wristExtension',
  'fingerFlexion',
  'fingerSpread',
] as const

/** The angles shown together, by the body part a clinician picks. */
export interface BodyPartAngles {
  axial?: readonly AxialAngleName[]
  side?: 'left' | 'right'
  limb?: readonly LimbAngleName[]
}
export const BODY_PARTS = {
  'Trunk & neck': { axial: axialAngleNames as readonly AxialAngleName[] },
  'Right leg': { side: 'right', limb: LEG },
  'Left leg': { side: 'left', limb: LEG },
  'Right arm': { side: 'right', limb: ARM },
  'Left arm': { side: 'left', limb: ARM },
} as const satisfies Record<string, BodyPartAngles>
export type BodyPart = keyof typeof BODY_PARTS
export const bodyParts = Object.keys(BODY_PARTS) as BodyPart[]
/** How each body part is named on the screen. */
export const BODY_PART_KEYS = {
  'Trunk & neck': 'angles.part.trunkNeck',
  'Right leg': 'angles.part.rightLeg',
  'Left leg': 'angles.part.leftLeg',
  'Right arm': 'angles.part.rightArm',
  'Left arm': 'angles.part.leftArm',
} as const satisfies Record<BodyPart, LibraryKey>

/** Body parts to pick from, in clinical words. */
export const jointOptions = (t: LibraryT) => jointNames.map((j) => ({ value: j, label: t(JOINT_KEYS[j]) }))

/** A new diagram for an exercise in this position: start and end both in the base pose, views chosen from the movement. */
export function newDiagram(position: Exercise['position']): DiagramSpec {
  return { base: BASE_FOR_POSITION[position], keyframes: [{}, {}], moving: [], props: [] }
}

/** The spec with `text` under pose `frame`; no labels at all once every one is empty. */
export function withLabel(spec: DiagramSpec, frame: number, text: string): DiagramSpec {
  const labels = spec.keyframes.map((_, i) => (i === frame ? text : (spec.labels?.[i] ?? '')))
  const { labels: _old, ...rest } = spec
  return labels.some((l) => l.trim()) ? { ...rest, labels } : rest
}

/** How the editor names pose `frame` (the first is the start, the other the end). */
export const frameWord = (frame: number) => (frame === 0 ? 'start' : 'end')

/** Whether the base position already bends joints, so angles of 0° do not mean standing straight. */
export const baseBendsJoints = (base: BasePosition) =>
  JSON.stringify(BASE_POSE[base]) !== JSON.stringify(BASE_POSE.standing)

/** One change made in the editor. Settings that are back at their default are dropped from the spec, not stored. */
export type PoseEdit =
  | { type: 'keyframe'; frame: number; keyframe: Keyframe }
  | { type: 'axial'; frame: number; angle: AxialAngleName; value: number }
  | { type: 'limb'; frame: number; side: 'left' | 'right'; angle: LimbAngleName; value: number }
  | { type: 'copy-other-pose'; frame: number }
  | { type: 'reset-pose'; frame: number }
  | { type: 'label'; frame: number; text: string }
  | { type: 'base'; base: BasePosition }
  | { type: 'views'; views: View[] }
  | { type: 'side'; side: 'left' | 'right' | 'none' }
  | { type: 'moving'; moving: DiagramSpec['moving'] }
  | { type: 'detail'; part: DetailPart | 'none' }
  | { type: 'display'; display: 'frames' | 'overlay' }
  | { type: 'elevation'; elevation: number | 'auto' }
  | { type: 'add-prop'; prop: Prop }
  | { type: 'remove-prop'; index: number }

const withKeyframe = (spec: DiagramSpec, frame: number, next: Keyframe): DiagramSpec => ({
  ...spec,
  keyframes: spec.keyframes.map((k, i) => (i === frame ? next : k)),
})

function applyEdit(spec: DiagramSpec, edit: PoseEdit): DiagramSpec {
  switch (edit.type) {
    case 'keyframe':
      return withKeyframe(spec, edit.frame, edit.keyframe)
    case 'axial':
      return withKeyframe(spec, edit.frame, { ...spec.keyframes[edit.frame], [edit.angle]: edit.value })
    case 'limb': {
      const k = spec.keyframes[edit.frame] ?? {}
      return withKeyframe(spec, edit.frame, { ...k, [edit.side]: { ...k[edit.side], [edit.angle]: edit.value } })
    }
    case 'copy-other-pose':
      return withKeyframe(spec, edit.frame, structuredClone(spec.keyframes[edit.frame === 0 ? 1 : 0] ?? {}))
    case 'reset-pose':
      return withKeyframe(spec, edit.frame, {})
    case 'label':
      return withLabel(spec, edit.frame, edit.text)
    case 'base':
      return { ...spec, base: edit.base }
    case 'views': {
      const { views: _v, ...rest } = spec
      return edit.views.length ? { ...rest, views: edit.views } : rest
    }
    case 'side': {
      const { side: _s, ...rest } = spec
      return edit.side === 'none' ? rest : { ...rest, side: edit.side }
    }
    case 'moving':
      return { ...spec, moving: edit.moving }
    case 'detail': {
      const { detail: _d, ...rest } = spec
      return edit.part === 'none' ? rest : { ...rest, detail: { part: edit.part } }
    }
    case 'display': {
      const { display: _d, ...rest } = spec
      return edit.display === 'overlay' ? { ...rest, display: 'overlay' } : rest
    }
    case 'elevation': {
      const { elevation: _e, ...rest } = spec
      return edit.elevation === 'auto' ? rest : { ...rest, elevation: edit.elevation }
    }
    case 'add-prop':
      return { ...spec, props: [...spec.props, edit.prop] }
    case 'remove-prop':
      return { ...spec, props: spec.props.filter((_, j) => j !== edit.index) }
  }
}

/**
 * The spec after `edit`. Declared supports were checked against the built-in drawing; once the diagram is edited
 * they no longer hold, so every edit drops them.
 */
export function editPose(spec: DiagramSpec, edit: PoseEdit): DiagramSpec {
  const { supports: _checked, ...rest } = applyEdit(spec, edit)
  return rest
}

/** At most this many props in one diagram. */
export const MAX_PROPS = 6

/** A prop being chosen in the "Add a prop" row, before it is added. */
export interface PropDraft {
  kind: Prop['kind'] | null
  at: string | null
  toward?: string | null
}
export const NO_PROP: PropDraft = { kind: null, at: null }

/** Every prop but these three is placed at one body part: the mat and chair place themselves, a stick spans two. */
const PROP_NEEDS_JOINT = new Set<Prop['kind']>(propKinds.filter((k) => !['mat', 'chair', 'stick'].includes(k)))

/** Whether a prop of this kind must be placed at a body part. */
export const propNeedsJoint = (kind: Prop['kind'] | null) => kind !== null && PROP_NEEDS_JOINT.has(kind)

/** Whether the chosen prop can be added to the diagram as it is. */
export const canAddProp = (spec: DiagramSpec, draft: PropDraft) =>
  spec.props.length < MAX_PROPS && !!draft.kind && !(propNeedsJoint(draft.kind) && !draft.at)

/** The prop the "Add a prop" row describes: a stick between the hands, a band from the joint, a push toward front unless told. */
export function propOf({ kind, at, toward }: PropDraft): Prop | undefined {
  if (!kind) return undefined
  if (kind === 'stick') return { kind, from: 'leftHand', to: 'rightHand' }
  if (kind === 'band') return { kind, from: at } as Prop
  if (kind === 'mat') return { kind }
  if (kind === 'push') return { kind, at, toward: toward ?? 'front' } as Prop
  if (kind === 'chair') return (at ? { kind, at } : { kind }) as Prop
  return { kind, at } as Prop
}

/** A prop in words, as listed under "Props": "band from Right knee", "push at Left hand, toward out". */
export function propWords(p: Prop, t: LibraryT): string {
  let words: string = t(PROP_KEYS[p.kind])
  if ('at' in p && p.at) words = t('props.atJoint', { prop: words, joint: t(JOINT_KEYS[p.at]) })
  if ('from' in p) words = t('props.fromJoint', { prop: words, joint: t(JOINT_KEYS[p.from]) })
  if ('toward' in p) words = t('props.towardDirection', { prop: words, direction: t(DIRECTION_KEYS[p.toward]) })
  return words
}
