import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { summarize } from '../../src/core/patient'
import { compareBy, firstPage, OPENING_VIEW } from '../../src/core/roster-order'
import { syntheticPatients } from '../support/patients'

describe('firstPage', () => {
  const summaries = syntheticPatients(500, 0, 0).map(summarize)

  it('is the opening view sorted in full and cut to the limit, with the totals', () => {
    const active = summaries.filter((s) => s.status === OPENING_VIEW.status)
    const expected = [...active].sort(compareBy(OPENING_VIEW.sort)).slice(0, 50)
    const page = firstPage(summaries, 50)
    expect(page.patients.map((p) => p.id)).toEqual(expected.map((p) => p.id))
    expect(page.total).toBe(500)
    expect(page.matching).toBe(active.length)
    expect(page.matching).toBeLessThan(500)
  })

  it('keeps every row when the roster is shorter than a page, and nothing for an empty one', () => {
    expect(firstPage(summaries.slice(0, 3), 50).patients).toHaveLength(
      summaries.slice(0, 3).filter((s) => s.status === 'active').length,
    )
    expect(firstPage([], 50)).toEqual({ patients: [], total: 0, matching: 0 })
  })

  it('agrees with a full stable sort for any order of any names', () => {
    const names = ['Ann', 'ann', 'Åsa', 'Bo', 'Zoë', 'Łukasz', 'Émile', 'anna', 'Ann 2', 'Ann 10']
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ first: fc.constantFrom(...names), last: fc.constantFrom(...names), active: fc.boolean() }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 20 }),
        (rows, limit) => {
          const list = rows.map((r, i) => ({
            ...summaries[0]!,
            id: `p${i}`,
            firstName: r.first,
            lastName: r.last,
            status: r.active ? ('active' as const) : ('discharged' as const),
          }))
          const expected = list
            .filter((s) => s.status === 'active')
            .sort(compareBy(OPENING_VIEW.sort))
            .slice(0, limit)
          expect(firstPage(list, limit).patients.map((p) => p.id)).toEqual(expected.map((p) => p.id))
        },
      ),
    )
  })
})
