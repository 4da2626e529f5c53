import { describe, expect, it } from 'vitest'
import { itemTitle, shortTitle } from '../../src/core/handout-model'

describe('exercise titles', () => {
  it('gives the plain title with the clinical name after it', () => {
    expect(itemTitle({ name: 'Clamshells', title: 'Lying on your side: knee lifts' })).toBe(
      'Lying on your side: knee lifts (Clamshells)',
    )
    expect(itemTitle({ name: 'Clamshells' })).toBe('Clamshells')
  })

  it('shortens a plain title to what it says after the position, for the compact log', () => {
    expect(shortTitle({ name: 'Clamshells', title: 'Lying on your side: knee lifts' })).toBe('Knee lifts')
    // Only the first colon separates the position; a later one stays in the name.
    expect(shortTitle({ name: 'X', title: 'Standing: reach: up and over' })).toBe('Reach: up and over')
    // A therapist's own title without a position, or no title at all.
    expect(shortTitle({ name: 'Wall sit', title: 'Sit against a wall' })).toBe('Sit against a wall')
    expect(shortTitle({ name: 'Wall sit' })).toBe('Wall sit')
    expect(shortTitle({ name: 'Odd', title: 'Standing: ' })).toBe('Standing: ')
  })
})
