import { execFile } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

// The renderer runs sandboxed with no Node: the web typecheck must refuse Node APIs rather than let them
// through because some import (fontkit, @react-pdf) pulled @types/node in. Each check runs tsc in its own
// process, as `npm run typecheck` does.
const run = promisify(execFile)
const tsc = join('node_modules', 'typescript', 'bin', 'tsc')
// Inside node_modules so that "vite/client" and the other type packages resolve as they do for src/,
// and prettier/eslint never see the fixture.
const dir = join('node_modules', '.cache', `web-typecheck-${process.pid}`)

async function typecheck(source: string): Promise<string> {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'fixture.ts'), source)
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../tsconfig.web.json',
      include: ['fixture.ts'],
      compilerOptions: { noEmit: true },
    }),
  )
  try {
    await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')])
    return ''
  } catch (error) {
    return String((error as { stdout?: string }).stdout)
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the renderer typecheck (tsconfig.web.json)', () => {
  it('includes no Node type definitions for all of src/', async () => {
    const { stdout } = await run(process.execPath, [tsc, '-p', 'tsconfig.web.json', '--listFilesOnly'], {
      maxBuffer: 16 * 1024 * 1024,
    })
    const files = stdout.split('\n').filter(Boolean)
    expect(files.some((file) => file.includes('/src/app/'))).toBe(true)
    expect(files.filter((file) => /@types\/node\/|fontkit|@react-pdf\/(renderer|layout|pdfkit)/.test(file))).toEqual([])
  })

  it('rejects process, Buffer and node: imports', async () => {
    const errors = await typecheck(
      "import { readFileSync } from 'node:fs'\nexport const a = process.env.HOME\nexport const b = Buffer.from('x')\nexport const c = readFileSync\n",
    )
    expect(errors).toMatch(/fixture\.ts\(1,\d+\): error TS2591: Cannot find name 'node:fs'/)
    expect(errors).toMatch(/fixture\.ts\(2,\d+\): error TS2591: Cannot find name 'process'/)
    expect(errors).toMatch(/fixture\.ts\(3,\d+\): error TS2591: Cannot find name 'Buffer'/)
  })

  it('accepts browser code, so the failures above are about Node alone', async () => {
    expect(await typecheck("export const a = document.title + window.location.href + new URL('x:y').protocol\n")).toBe(
      '',
    )
  })
})
