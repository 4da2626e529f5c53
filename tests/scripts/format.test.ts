/**
 * `npm test` runs `npm run lint`, which checks the format before ESLint: code that Prettier would rewrite fails it.
 * The check runs as the script runs it (a separate `prettier --check` process on the project's config).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join('tests', '.format-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const check = (file: string) =>
  spawnSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', file], { encoding: 'utf8' })

describe('the format check in npm run lint', () => {
  it('is part of npm run lint, which npm test runs', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
    expect(scripts.lint).toMatch(/^prettier --check \. && eslint /)
    expect(scripts.test).toContain('npm run lint')
  })

  it('fails on code Prettier would rewrite and passes the same code formatted', () => {
    const messy = join(dir, 'messy.ts')
    writeFileSync(messy, 'const  a = {b:1,c:"two"};\nexport default a\n')
    const failed = check(messy)
    expect(failed.status).toBe(1)
    expect(failed.stdout + failed.stderr).toContain('messy.ts')

    const tidy = join(dir, 'tidy.ts')
    writeFileSync(tidy, "const a = { b: 1, c: 'two' }\nexport default a\n")
    expect(check(tidy).status).toBe(0)
  })
})
