import { describe, expect, it } from 'vitest'
import type { DiagramSpec } from '../../../../src/diagrams/spec'
import {
  baseBendsJoints,
  canAddProp,
  editPose,
  frameWord,
  newDiagram,
  NO_PROP,
  propOf,
  propWords,
  withLabel,
} from '../../../../src/features/library/pose-edit'
import { i18nFor } from '../../../../src/i18n'

const standing = (): DiagramSpec => newDiagram('standing')

describe('a new diagram', () => {
  it('starts in the figure position for the exercise’s position, start and end both the base pose', () => {
    expect(newDiagram('side-lying')).toEqual({ base: 'side-lying-left', keyframes: [{}, {}], moving: [], props: [] })
    expect(newDiagram('kneeling').base).toBe('half-kneeling')
  })
})

describe('editing a pose', () => {
  it('sets an angle in the pose being edited only, and keeps the other angles of that limb', () => {
    let spec = editPose(standing(), { type: 'limb', frame: 1, side: 'right', angle: 'hipFlexion', value: 90 })
    spec = editPose(spec, { type: 'limb', frame: 1, side: 'right', angle: 'kneeFlexion', value: 45 })
    spec = editPose(spec, { type: 'axial', frame: 0, angle: 'trunkFlexion', value: 10 })
    expect(spec.keyframes).toEqual([{ trunkFlexion: 10 }, { right: { hipFlexion: 90, kneeFlexion: 45 } }])
  })

  it('copies the other pose as a separate copy, and resets a pose to the base position', () => {
    const moved = editPose(standing(), { type: 'limb', frame: 1, side: 'left', angle: 'elbowFlexion', value: 30 })
    const copied = editPose(moved, { type: 'copy-other-pose', frame: 0 })
    expect(copied.keyframes[0]).toEqual({ left: { elbowFlexion: 30 } })
    expect(copied.keyframes[0]).not.toBe(copied.keyframes[1])
    expect(editPose(copied, { type: 'reset-pose', frame: 1 }).keyframes).toEqual([{ left: { elbowFlexion: 30 } }, {}])
  })

  it('drops the declared supports on every edit: they were checked against the drawing before it changed', () => {
    const copied: DiagramSpec = { ...standing(), supports: ['leftFoot', 'rightFoot'] }
    expect(editPose(copied, { type: 'base', base: 'sitting' })).not.toHaveProperty('supports')
    expect(editPose(copied, { type: 'label', frame: 0, text: 'slowly' })).not.toHaveProperty('supports')
  })

  it('drops a setting that is back at its default rather than storing it', () => {
    const set = [
      editPose(standing(), { type: 'views', views: ['front'] }),
      editPose(standing(), { type: 'side', side: 'left' }),
      editPose(standing(), { type: 'detail', part: 'hand' }),
      editPose(standing(), { type: 'display', display: 'overlay' }),
      editPose(standing(), { type: 'elevation', elevation: 25 }),
    ]
    expect(
      set.map(({ views, side, detail, display, elevation }) => ({ views, side, detail, display, elevation })),
    ).toEqual([
      { views: ['front'] },
      { side: 'left' },
      { detail: { part: 'hand' } },
      { display: 'overlay' },
      { elevation: 25 },
    ])
    const [views, side, detail, display, elevation] = set as [DiagramSpec, ...DiagramSpec[]]
    expect(editPose(views, { type: 'views', views: [] })).not.toHaveProperty('views')
    expect(editPose(side!, { type: 'side', side: 'none' })).not.toHaveProperty('side')
    expect(editPose(detail!, { type: 'detail', part: 'none' })).not.toHaveProperty('detail')
    expect(editPose(display!, { type: 'display', display: 'frames' })).not.toHaveProperty('display')
    expect(editPose(elevation!, { type: 'elevation', elevation: 'auto' })).not.toHaveProperty('elevation')
    expect(editPose(standing(), { type: 'elevation', elevation: 0 }).elevation).toBe(0)
  })

  it('keeps one label per pose and no list once every label is empty', () => {
    const labelled = withLabel(standing(), 1, 'knee up')
    expect(labelled.labels).toEqual(['', 'knee up'])
    expect(withLabel(labelled, 1, '  ')).not.toHaveProperty('labels')
  })

  it('adds and removes props by their place in the list', () => {
    let spec = editPose(standing(), { type: 'add-prop', prop: { kind: 'mat' } })
    spec = editPose(spec, { type: 'add-prop', prop: { kind: 'wall', at: 'leftHand' } })
    expect(editPose(spec, { type: 'remove-prop', index: 0 }).props).toEqual([{ kind: 'wall', at: 'leftHand' }])
  })

  it('leaves the spec it was given as it was', () => {
    const spec = standing()
    const before = structuredClone(spec)
    editPose(spec, { type: 'limb', frame: 1, side: 'right', angle: 'hipFlexion', value: 90 })
    editPose(spec, { type: 'add-prop', prop: { kind: 'mat' } })
    expect(spec).toEqual(before)
  })
})

describe('adding a prop', () => {
  it('builds each kind as the drawing expects it', () => {
    expect(propOf({ kind: 'stick', at: 'leftKnee' })).toEqual({ kind: 'stick', from: 'leftHand', to: 'rightHand' })
    expect(propOf({ kind: 'band', at: 'rightKnee' })).toEqual({ kind: 'band', from: 'rightKnee' })
    expect(propOf({ kind: 'mat', at: 'rightKnee' })).toEqual({ kind: 'mat' })
    expect(propOf({ kind: 'push', at: 'rightHand' })).toEqual({ kind: 'push', at: 'rightHand', toward: 'front' })
    expect(propOf({ kind: 'push', at: 'rightHand', toward: 'up' })).toEqual({
      kind: 'push',
      at: 'rightHand',
      toward: 'up',
    })
    expect(propOf({ kind: 'chair', at: null })).toEqual({ kind: 'chair' })
    expect(propOf({ kind: 'chair', at: 'leftHand' })).toEqual({ kind: 'chair', at: 'leftHand' })
    expect(propOf({ kind: 'ball', at: 'pelvis' })).toEqual({ kind: 'ball', at: 'pelvis' })
    expect(propOf(NO_PROP)).toBeUndefined()
  })

  it('needs a kind, a body part where the kind needs one, and room for it (six at most)', () => {
    expect(canAddProp(standing(), NO_PROP)).toBe(false)
    expect(canAddProp(standing(), { kind: 'wall', at: null })).toBe(false)
    expect(canAddProp(standing(), { kind: 'wall', at: 'leftHand' })).toBe(true)
    expect(canAddProp(standing(), { kind: 'mat', at: null })).toBe(true)
    const full = { ...standing(), props: Array.from({ length: 6 }, () => ({ kind: 'mat' as const })) }
    expect(canAddProp(full, { kind: 'mat', at: null })).toBe(false)
  })

  it('lists a prop in words, in the screen’s language', () => {
    const t = i18nFor('en').getFixedT('en', 'library')
    expect(propWords({ kind: 'push', at: 'leftHand', toward: 'out' }, t)).toBe('push at Left hand, toward out')
    expect(propWords({ kind: 'band', from: 'rightKnee' }, t)).toBe('band from Right knee')
    expect(propWords({ kind: 'chair' }, t)).toBe('chair')
    const es = i18nFor('es').getFixedT('es', 'library')
    expect(propWords({ kind: 'band', from: 'rightKnee' }, es)).toBe('banda desde Rodilla derecha')
  })
})

describe('words around the pose', () => {
  it('names the start and end poses, and says when the base position already bends joints', () => {
    expect([frameWord(0), frameWord(1)]).toEqual(['start', 'end'])
    expect(baseBendsJoints('standing')).toBe(false)
    expect(baseBendsJoints('sitting')).toBe(true)
  })
})
