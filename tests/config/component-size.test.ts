import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Issue #15: no component over ~250 formatted lines. The tree is Prettier-formatted (120 columns, checked by
// `npm run lint`), so a plain line count is a fair measure of size: dense lines cannot hide a long file.
const LIMIT = 250
const ROOTS = ['src', 'electron']

/**
 * Files allowed over the limit, each with why: none now. An entry that is no longer needed (the file shrank or
 * moved) fails the test below, so the list cannot outlive its reason.
 */
const ALLOWED: Record<string, string> = {}

const components = ROOTS.flatMap((root) =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx'))
    .map((file) => join(root, file).split('\\').join('/')),
).sort()

const linesOf = (file: string) => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').length

describe('component size', () => {
  it('finds the components under src/ and electron/', () => {
    expect(components).toContain('src/features/program/ProgramBuilder.tsx')
    expect(components).toContain('src/features/library/PoseEditor.tsx')
    expect(components.some((f) => f.startsWith('electron/'))).toBe(true)
  })

  it(`keeps every .tsx file at ${LIMIT} lines or fewer`, () => {
    const over = components
      .filter((file) => !(file in ALLOWED))
      .map((file) => ({ file, lines: linesOf(file) }))
      .filter(({ lines }) => lines > LIMIT)
      .map(({ file, lines }) => `${file}: ${lines} lines`)
    expect(over, `split these by responsibility (limit ${LIMIT} lines)`).toEqual([])
  })

  it('allows a longer file only while it still needs it', () => {
    const stale = Object.keys(ALLOWED)
      .filter((file) => !components.includes(file) || linesOf(file) <= LIMIT)
      .map((file) => `${file} (${ALLOWED[file]}): now within ${LIMIT} lines or gone; remove it from ALLOWED`)
    expect(stale).toEqual([])
  })
})
