import type { Active, Over } from '@dnd-kit/core'
import { describe, expect, it } from 'vitest'
import { dragAnnouncements } from '../../../../src/features/program/drag-announcements'

const items = [
  { id: 'item-1', exerciseId: 'bridges', dosage: {} },
  { id: 'item-2', exerciseId: 'clamshells', dosage: {} },
]
const names: Record<string, string> = { bridges: 'Bridges', clamshells: 'Clamshells', 'heel-raises': 'Heel raises' }
const say = dragAnnouncements(items, (id) => names[id])
const active = (id: string) => ({ id }) as Active
const over = (id: string) => ({ id }) as Over

describe('what a screen reader hears while dragging', () => {
  it('names the exercise and its place, never an internal id', () => {
    expect(say.onDragStart({ active: active('item-2') })).toBe('Picked up Clamshells.')
    expect(say.onDragOver({ active: active('item-2'), over: over('item-1') })).toBe(
      'Clamshells is over position 1 of 2.',
    )
    expect(say.onDragEnd({ active: active('item-2'), over: over('item-1') })).toBe(
      'Clamshells was dropped at position 1 of 2.',
    )
  })

  it('names an exercise dragged in from the library by its name', () => {
    expect(say.onDragStart({ active: active('library:heel-raises') })).toBe('Picked up Heel raises.')
  })

  it('says when the exercise is not over the program, was put back or the move was cancelled', () => {
    expect(say.onDragOver({ active: active('item-1'), over: null })).toBe('Bridges is not over the program.')
    expect(say.onDragEnd({ active: active('item-1'), over: null })).toBe('Bridges was put back.')
    expect(say.onDragCancel({ active: active('item-1'), over: null })).toBe('Moving Bridges was cancelled.')
  })

  it('says “the exercise” for one it cannot name', () => {
    expect(say.onDragStart({ active: active('library:gone') })).toBe('Picked up the exercise.')
  })
})
