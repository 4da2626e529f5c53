import type { ParseKeys, TFunction } from 'i18next'
import type { bodyRegions, difficulties, equipmentKinds, exerciseTypes, positions } from '../../core/exercise'
import type { BasePosition, DetailPart, JointName, Prop, pushDirections, View } from '../../diagrams/spec'

/**
 * The library screens' words for values they show, each value mapped to a static catalogue key (the catalogue test
 * finds every key as a quoted literal in the code, so keys are never built from a value).
 */
export type LibraryKey = ParseKeys<'library'>
export type LibraryT = TFunction<'library'>

/** The core's vocabularies, shown in the words of common.json's `vocab`. */
interface Vocabularies {
  region: (typeof bodyRegions)[number]
  position: (typeof positions)[number]
  type: (typeof exerciseTypes)[number]
  equipment: (typeof equipmentKinds)[number]
  difficulty: (typeof difficulties)[number]
}
export type Vocabulary = keyof Vocabularies
/** The values of one vocabulary, as the core lists them. */
export type VocabularyValues<V extends Vocabulary> = readonly Vocabularies[V][]

/** A vocabulary word in the screen's language: vocabWord(t, 'position', 'supine') is "Lying on your back". */
export const vocabWord = <V extends Vocabulary>(t: TFunction<'common'>, vocabulary: V, value: Vocabularies[V]) =>
  t(`vocab.${vocabulary}.${value}` as `vocab.${Vocabulary}.${Vocabularies[Vocabulary]}` & ParseKeys<'common'>)

/** Select options for a vocabulary: the stored value, shown in words. */
export const vocabOptions = <V extends Vocabulary>(
  t: TFunction<'common'>,
  vocabulary: V,
  values: VocabularyValues<V>,
) => values.map((value) => ({ value, label: vocabWord(t, vocabulary, value) }))

export const BASE_KEYS = {
  standing: 'pose.base.standing',
  sitting: 'pose.base.sitting',
  supine: 'pose.base.supine',
  prone: 'pose.base.prone',
  'side-lying-left': 'pose.base.sideLyingLeft',
  'side-lying-right': 'pose.base.sideLyingRight',
  'half-kneeling': 'pose.base.halfKneeling',
  'tall-kneeling': 'pose.base.tallKneeling',
  quadruped: 'pose.base.quadruped',
} as const satisfies Record<BasePosition, LibraryKey>

export const FRAME_KEYS = { start: 'pose.frame.start', end: 'pose.frame.end' } as const satisfies Record<
  'start' | 'end',
  LibraryKey
>

export const JOINT_KEYS = {
  pelvis: 'pose.joint.pelvis',
  waist: 'pose.joint.waist',
  chest: 'pose.joint.chest',
  neckBase: 'pose.joint.neckBase',
  headTop: 'pose.joint.headTop',
  leftHip: 'pose.joint.leftHip',
  leftKnee: 'pose.joint.leftKnee',
  leftAnkle: 'pose.joint.leftAnkle',
  leftToe: 'pose.joint.leftToe',
  leftShoulder: 'pose.joint.leftShoulder',
  leftElbow: 'pose.joint.leftElbow',
  leftWrist: 'pose.joint.leftWrist',
  leftHand: 'pose.joint.leftHand',
  rightHip: 'pose.joint.rightHip',
  rightKnee: 'pose.joint.rightKnee',
  rightAnkle: 'pose.joint.rightAnkle',
  rightToe: 'pose.joint.rightToe',
  rightShoulder: 'pose.joint.rightShoulder',
  rightElbow: 'pose.joint.rightElbow',
  rightWrist: 'pose.joint.rightWrist',
  rightHand: 'pose.joint.rightHand',
} as const satisfies Record<JointName, LibraryKey>

export const VIEW_KEYS = {
  side: 'settings.view.side',
  front: 'settings.view.front',
  top: 'settings.view.top',
  'three-quarter': 'settings.view.threeQuarter',
} as const satisfies Record<View, LibraryKey>

export const DETAIL_KEYS = {
  hand: 'settings.detailPart.hand',
  wrist: 'settings.detailPart.wrist',
  forearm: 'settings.detailPart.forearm',
  ankle: 'settings.detailPart.ankle',
  foot: 'settings.detailPart.foot',
  neck: 'settings.detailPart.neck',
  'shoulder blades': 'settings.detailPart.shoulderBlades',
  knee: 'settings.detailPart.knee',
  'lower back': 'settings.detailPart.lowerBack',
} as const satisfies Record<DetailPart, LibraryKey>

export const PROP_KEYS = {
  mat: 'props.kind.mat',
  chair: 'props.kind.chair',
  wall: 'props.kind.wall',
  table: 'props.kind.table',
  step: 'props.kind.step',
  ball: 'props.kind.ball',
  pillow: 'props.kind.pillow',
  towel: 'props.kind.towel',
  band: 'props.kind.band',
  weight: 'props.kind.weight',
  'foam roll': 'props.kind.foamRoll',
  stick: 'props.kind.stick',
  push: 'props.kind.push',
  marble: 'props.kind.marble',
  cup: 'props.kind.cup',
} as const satisfies Record<Prop['kind'], LibraryKey>

export const DIRECTION_KEYS = {
  front: 'props.direction.front',
  behind: 'props.direction.behind',
  out: 'props.direction.out',
  in: 'props.direction.in',
  up: 'props.direction.up',
  down: 'props.direction.down',
} as const satisfies Record<(typeof pushDirections)[number], LibraryKey>
