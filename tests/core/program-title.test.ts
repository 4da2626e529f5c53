import { describe, expect, it } from 'vitest'
import { copyTitle, PROGRAM_TITLE_MAX } from '../../src/core/program-title'

describe('a copied program’s title', () => {
  it('takes the next free number, counting on from the title without its number', () => {
    expect(copyTitle('Hip program', ['Hip program'])).toBe('Hip program (2)')
    expect(copyTitle('Hip program', ['Hip program', 'Hip program (2)'])).toBe('Hip program (3)')
    expect(copyTitle('Hip program (2)', ['Hip program', 'hip PROGRAM (2)'])).toBe('Hip program (3)')
    // A gap is filled: (2) was deleted.
    expect(copyTitle('Hip program (3)', ['Hip program', 'Hip program (3)'])).toBe('Hip program (2)')
  })

  it('shortens a long title so the number still fits the title’s limit', () => {
    const long = 'x'.repeat(PROGRAM_TITLE_MAX)
    const title = copyTitle(long, [long])
    expect(title).toHaveLength(PROGRAM_TITLE_MAX)
    expect(title.endsWith(' (2)')).toBe(true)
  })
})
