/**
 * Every command the README documents, run as a user types it (`npm run …` in a separate process), or, where it
 * cannot run here or takes minutes, accounted for by name: run by another test or by CI, or skipped with the reason
 * printed as the test's name. A command added to the README without a line here fails the first test.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pdfText } from '../support/pdf'

const readme = readFileSync('README.md', 'utf8')
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts

/** `npm install`, `npm start`, `npm test` and every `npm run <name>` the README mentions. */
const documented = [
  ...new Set([...readme.matchAll(/\bnpm (?:run ([\w:-]+)|(install|start|test)\b)/g)].map((m) => (m[1] ?? m[2])!)),
].sort()

type Account =
  | { run: true }
  /** Run by another test or by CI: the file that runs it, and the text in it that does. */
  | { by: string; as: string }
  /** Not run here, and why. */
  | { not: string }

const accounts: Record<string, Account> = {
  install: { not: 'downloads every package; CI runs `npm ci`, its locked form, in .ci/run' },
  start: {
    not: 'opens the Electron app, whose binary is not on this machine; tests/electron/smoke.spec.ts opens it where it is',
  },
  dev: { not: 'the Electron app with hot reload: it needs Electron’s binary and runs until stopped' },
  dist: { not: 'downloads Electron’s binaries to build installers for the machine’s own system' },
  bench: { not: 'measures for minutes (npm run bench -- <name> measures one part)' },
  'diagrams:sheet': { not: 'draws every built-in diagram in Chromium and rewrites docs/diagrams: minutes' },
  format: { not: 'rewrites the working tree; its check half runs in npm run lint (tests/scripts/format.test.ts)' },
  test: { by: 'package.json', as: '"test:ci": "npm test' },
  'test:ci': { by: '.ci/run', as: 'npm run test:ci' },
  'test:long': { by: 'package.json', as: '&& npm run test:long' },
  typecheck: { by: 'package.json', as: '"test": "npm run typecheck' },
  lint: { by: 'package.json', as: '&& npm run lint' },
  'test:unit': { by: 'package.json', as: '&& npm run test:unit' },
  'test:e2e': { by: 'package.json', as: '&& npm run test:e2e' },
  build: { by: 'package.json', as: '"test:e2e": "electron-vite build' },
  'dev:web': { by: 'tests/e2e/dev-web.spec.ts', as: "'dev:web'" },
  handout: { run: true },
  'library:check': { run: true },
  schemas: { run: true },
  fonts: { run: true },
}

/** Runs `command` through the shell, as typed, in `cwd`. */
function run(command: string, cwd = '.'): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, { cwd, shell: true, env: { ...process.env, FORCE_COLOR: '0' } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', fail)
    child.on('close', (code) => done({ code, output }))
  })
}

/**
 * A copy of the project for a command that writes into it: every top-level entry is a link to the real one, except
 * `resources/<fresh>`, which start empty, so the command writes there and the repository is left alone.
 */
function projectCopy(...fresh: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'hp-readme-'))
  for (const name of readdirSync('.'))
    if (name !== 'resources' && !name.startsWith('.')) symlinkSync(resolve(name), join(dir, name))
  mkdirSync(join(dir, 'resources'))
  for (const name of readdirSync('resources'))
    if (fresh.includes(name)) mkdirSync(join(dir, 'resources', name))
    else symlinkSync(resolve('resources', name), join(dir, 'resources', name))
  return dir
}

/** Starting tsx costs seconds on a busy machine: the commands run side by side. */
const slow = { timeout: 60_000 }

describe('the README’s commands', () => {
  it('are each accounted for here, and are scripts in package.json', () => {
    expect(documented.length).toBeGreaterThan(10)
    for (const name of documented) {
      expect(accounts, `the README documents npm ${name}: add it here`).toHaveProperty([name])
      if (name !== 'install') expect(scripts, name).toHaveProperty([name])
    }
    // Nothing is listed here that the README no longer documents.
    expect(Object.keys(accounts).sort()).toEqual(documented)
  })

  for (const [name, account] of Object.entries(accounts)) {
    if ('by' in account)
      it(`npm ${name} is run by ${account.by}`, () => {
        expect(readFileSync(account.by, 'utf8')).toContain(account.as)
      })
    if ('not' in account) it.skip(`npm ${name} is not run here: ${account.not}`, () => {})
  }

  describe.concurrent('run as typed', () => {
    it('npm run library:check passes on the built-in library', slow, async () => {
      const { code, output } = await run('npm run library:check')
      expect(output).toMatch(/\b163 entries checked, 0 above grade 7, 0 errors/)
      expect(code).toBe(0)
    })

    it('npm run library:check -- <file> names the file, where and what is wrong, and fails', slow, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'hp-readme-')), 'mine.json')
      writeFileSync(file, JSON.stringify({ exercises: [{ id: 'my-bridge' }] }))
      const { code, output } = await run(`npm run library:check -- ${file}`)
      expect(output).toContain(`${file}: exercises[0].name:`)
      expect(code).toBe(1)
    })

    it('npm run schemas writes the JSON Schemas that are committed', slow, async () => {
      const copy = projectCopy('schema')
      const { code, output } = await run('npm run schemas', copy)
      expect(code, output).toBe(0)
      const written = readdirSync(join(copy, 'resources/schema')).sort()
      expect(written).toEqual(readdirSync('resources/schema').sort())
      for (const file of written)
        expect(
          readFileSync(join(copy, 'resources/schema', file), 'utf8'),
          `${file} is out of date: npm run schemas`,
        ).toBe(readFileSync(join('resources/schema', file), 'utf8'))
    })

    it('npm run fonts writes the fonts that are committed', slow, async () => {
      const copy = projectCopy('fonts')
      const { code, output } = await run('npm run fonts', copy)
      expect(code, output).toBe(0)
      const written = readdirSync(join(copy, 'resources/fonts')).sort()
      expect(written).toEqual(readdirSync('resources/fonts').sort())
      for (const file of written)
        expect(
          readFileSync(join(copy, 'resources/fonts', file)).equals(readFileSync(join('resources/fonts', file))),
          file,
        ).toBe(true)
    })

    it('npm run handout -- docs/handout-example.json --out <file> --layout compact --paper a4', slow, async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'hp-readme-')), 'handout.pdf')
      const { code, output } = await run(
        `npm run handout -- docs/handout-example.json --out ${out} --layout compact --paper a4`,
      )
      expect(code, output).toBe(0)
      const pdf = readFileSync(out)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[ ?0 0 595\.\d+ 841\.\d+ ?\]/)
    })

    it('npm run handout -- docs/handout-example-es.json --out <file> (the Spanish sample)', slow, async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'hp-readme-')), 'muestra.pdf')
      const { code, output } = await run(`npm run handout -- docs/handout-example-es.json --out ${out}`)
      expect(code, output).toBe(0)
      const { all } = await pdfText(readFileSync(out))
      expect(all).toContain('Sus ejercicios en casa')
      expect(all).toContain('Cómo usar esta hoja')
      expect(all).not.toContain('How to use this sheet')
    })
  })
})
