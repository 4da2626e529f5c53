import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loadBuiltinLibrary } from '../../electron/services/library/builtin'
import { figureFor, type Shape } from '../../src/diagrams/figure'

/**
 * Pairs of built-in exercises allowed to draw the same picture, each with the reason. Keep it short:
 * a picture that cannot tell two exercises apart makes a handout wrong for one of them.
 */
const intentionalTwins: { pair: [string, string]; reason: string }[] = []

const round = (n: number) => String(Math.round(n))
/** A shape as drawn, without its role name: kind, paint and coordinates rounded to whole units. */
const drawn = (s: Shape): string => {
  const paint = `${s.fill}|${s.stroke}|${s.strokeWidth.toFixed(1)}|${s.dash ?? ''}`
  switch (s.kind) {
    case 'path':
      return `p${paint}${s.d.replace(/-?\d+(\.\d+)?/g, (n) => round(Number(n)))}`
    case 'circle':
      return `c${paint}${[s.cx, s.cy, s.r].map(round).join(' ')}`
    case 'line':
      return `l${paint}${[s.x1, s.y1, s.x2, s.y2].map(round).join(' ')}`
  }
}
const pictureHash = (shapes: readonly Shape[]): string =>
  createHash('sha256').update(shapes.map(drawn).join('\n')).digest('hex')

const { exercises } = await loadBuiltinLibrary('resources/library/exercises')
const key = (a: string, b: string) => [a, b].sort().join(' = ')
const allowed = new Map(intentionalTwins.map((t) => [key(...t.pair), t.reason]))

/** Every pair of different exercises that draws the same picture in some view, with those views (drawn once). */
let drawnTwins: Map<string, string[]> | undefined
const twins = (): Map<string, string[]> => (drawnTwins ??= findTwins())
function findTwins(): Map<string, string[]> {
  const byPicture = new Map<string, string[]>()
  for (const e of exercises) {
    for (const view of e.diagram?.views ?? []) {
      // Drawn for the right side: a left-sided copy of a right-sided picture is the same picture on a handout.
      const hash = `${view}:${pictureHash(figureFor(e.diagram!, view, { side: 'right' }).shapes)}`
      byPicture.set(hash, [...(byPicture.get(hash) ?? []), e.id])
    }
  }
  const found = new Map<string, string[]>()
  for (const [hash, ids] of byPicture) {
    const unique = [...new Set(ids)]
    for (let i = 0; i < unique.length; i++)
      for (let j = i + 1; j < unique.length; j++) {
        const k = key(unique[i]!, unique[j]!)
        found.set(k, [...(found.get(k) ?? []), hash.split(':')[0]!])
      }
  }
  return found
}

describe('built-in exercise pictures', () => {
  it('tells shapes apart by where they are and how they are painted, not by their role names', () => {
    const line: Shape = {
      kind: 'line',
      role: 'stick',
      x1: 1,
      y1: 2,
      x2: 30,
      y2: 40,
      fill: 'none',
      stroke: '#1a1a1a',
      strokeWidth: 2,
    }
    expect(pictureHash([line])).toBe(pictureHash([{ ...line, role: 'towel', x1: 1.2 }]))
    expect(pictureHash([line])).not.toBe(pictureHash([{ ...line, x2: 33 }]))
    expect(pictureHash([line])).not.toBe(pictureHash([{ ...line, stroke: '#8a8a8a' }]))
  })

  it('draws no two different exercises alike, except the listed twins', () => {
    const found = twins()
    const unexplained = [...found]
      .filter(([pair]) => !allowed.has(pair))
      .map(([pair, views]) => `${pair} (${views.join(', ')})`)
    expect(unexplained).toEqual([])
    // Every built-in picture in every view: about 2 s alone, several times that on a busy machine.
  }, 60_000)

  it('keeps the twins list honest: every listed pair exists and still draws alike', () => {
    const ids = new Set(exercises.map((e) => e.id))
    const found = twins()
    for (const { pair, reason } of intentionalTwins) {
      for (const id of pair) expect(ids, id).toContain(id)
      expect(reason.length).toBeGreaterThan(10)
      expect(found.has(key(...pair)), `${key(...pair)} no longer draws alike: take it off the list`).toBe(true)
    }
  })
})
