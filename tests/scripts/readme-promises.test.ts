/**
 * The README's data-safety promises each name the test that checks them: every named file must exist and, where
 * the README cites defect numbers, hold a test for each of them, so a promise cannot outlive its test.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const readme = readFileSync('README.md', 'utf8')
const section = readme.slice(
  readme.indexOf('### What Homeplan promises about your data'),
  readme.indexOf('For development and tests you can point'),
)
const rows = section
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| promise') && !line.startsWith('|---'))

describe('README data-safety promises', () => {
  it('lists promises, each backed by at least one named test file', () => {
    expect(rows.length).toBeGreaterThanOrEqual(6)
    for (const row of rows) expect(row.split('|')[2], row).toMatch(/`tests\/[^`]+\.test\.ts`/)
  })

  it.each(rows.map((row) => [row.split('|')[1]!.trim().slice(0, 60), row] as const))(
    '“%s…” names tests that exist',
    (_promise, row) => {
      for (const [, file, numbers] of row.split('|')[2]!.matchAll(/`(tests\/[^`]+\.test\.ts)`(?: \(([^)]+)\))?/g)) {
        expect(existsSync(file!), file).toBe(true)
        const text = readFileSync(file!, 'utf8')
        for (const part of numbers?.split(',') ?? []) {
          const [from, to = from] = part.trim().split('–').map(Number)
          for (let n = from!; n <= to!; n++)
            expect(text, `${file} has no test for defect ${n}`).toMatch(new RegExp(`['\`]${n}: `))
        }
      }
    },
  )
})
