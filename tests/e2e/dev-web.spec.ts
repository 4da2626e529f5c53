/**
 * `npm run dev:web`, run the way the README tells a developer to: as its own process through npm, so the
 * package.json script itself (build, then tsx with the project's tsconfig) is what is tested. The rest of the
 * E2E suite starts the bridge in-process and could not see a script that compiled the handout's JSX wrongly
 * ("React is not defined" on every preview and export).
 *
 * Slow (about 30 s on an idle machine, 1–2 minutes on a busy one): the script rebuilds out/ with electron-vite
 * before it serves, so it lives here with the other slow tests, which run one at a time (playwright.config.ts),
 * and not in the parallel unit suite. `--port 0` takes a free port, so a dev:web already on 5174 does not make
 * it fail.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { BRIDGE_HEADER, BRIDGE_SCRIPT_PATH, fromWire } from '../../electron/bridge/server'
import type { Exercise } from '../../src/core/exercise'
import type { PreviewResult } from '../../src/core/contract'
import type { LibraryView } from '../../src/core/library-contract'
import type { Patient } from '../../src/core/patient'
import type { Result } from '../../src/core/result'
import { patientInput } from '../support/patients'
import { pdfText, previewText } from '../support/pdf'
import { expect, test } from './fixtures'

const LISTENING = /^Homeplan \(browser bridge\) on (http:\/\/127\.0\.0\.1:\d+) {2}data: (.+)$/

let child: ChildProcess | undefined

/** Ends npm, the shell, tsx and node together: the whole process group, SIGKILL if it lingers. */
async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  const group = -proc.pid
  try {
    process.kill(group, 'SIGTERM')
  } catch {
    return // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(group, 'SIGKILL')
    } catch {
      // gone between the check and the kill
    }
  }, 5_000)
  await exited
  clearTimeout(timer)
}

/** Starts the documented command and resolves with its URL once it prints the listening line. */
function startDevWeb(dataDir: string): Promise<{ url: string; dataPath: string }> {
  const proc = spawn('npm', ['run', 'dev:web', '--', '--data-dir', dataDir, '--port', '0'], {
    cwd: process.cwd(),
    detached: true, // its own process group, so stop() reaches tsx's node too
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = proc
  const output: string[] = []
  proc.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      output.push(line + '\n')
      const match = LISTENING.exec(line)
      if (match) resolve({ url: match[1]!, dataPath: match[2]! })
    })
    proc.on('error', reject)
    proc.on('exit', (code, signal) =>
      reject(new Error(`npm run dev:web ended (${code ?? signal}) before listening:\n${output.join('')}`)),
    )
  })
}

test.describe('npm run dev:web', () => {
  test.afterEach(async () => {
    if (child) await stop(child)
    child = undefined
  })

  test('builds, serves the UI, and renders handouts in the builder and through the bridge', async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(240_000)
    const dataDir = await mkdtemp(join(tmpdir(), 'hp-dev-web-'))
    const { url, dataPath } = await startDevWeb(dataDir)
    expect(dataPath).toBe(dataDir)

    const html = await (await fetch(url)).text()
    expect(html).toContain(`<script src="${BRIDGE_SCRIPT_PATH}"></script>`)
    expect(html).toMatch(/<script type="module"[^>]+src="\.?\/assets\/index-[^"]+\.js"/)

    /** One window.api call, as the browser side of the bridge makes it. */
    const call = async <T>(method: string, arg?: unknown): Promise<T> => {
      const response = await fetch(`${url}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [BRIDGE_HEADER]: '1' },
        body: JSON.stringify(arg === undefined ? {} : { arg }),
      })
      const result = fromWire(await response.text()) as Result<T>
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`)
      return result.value
    }

    await call('updateSettings', {
      clinic: { name: 'Riverside Physical Therapy', phone: '(206) 555-0142', layout: 'detailed' },
      openAfterExport: false,
    })
    const library = await call<LibraryView>('getLibrary')
    const exercise = library.exercises.find((e) => e.id === 'bridges') as Exercise
    expect(exercise).toBeDefined()
    const patient = await call<Patient>('createPatient', patientInput({ firstName: 'Zofia', lastName: 'Wiśniewska' }))

    const program = {
      title: 'Week 1',
      status: 'current',
      items: [{ id: 'item-000001', exerciseId: exercise.id, dosage: exercise.defaultDosage }],
    }
    const saved = await call<Patient>('saveProgram', { patientId: patient.id, program })
    const programId = saved.programs[0]!.id

    const preview = await call<PreviewResult>('previewHandout', {
      patientId: patient.id,
      program,
      layout: 'detailed',
      paper: 'letter',
      logDays: 14,
    })
    const exported = await call<{ saved: boolean; path: string; warnings: string[] }>('exportHandout', {
      patientId: patient.id,
      programId,
      layout: 'detailed',
      paper: 'letter',
      logDays: 14,
    })
    expect(preview.warnings).toEqual([])
    expect(exported).toMatchObject({
      saved: true,
      path: expect.stringContaining(join(dataDir, 'exports')),
      warnings: [],
    })

    if (!('pages' in preview)) throw new Error('expected the preview’s pages apart')
    const previewed = await previewText(preview)
    for (const page of preview.pages) expect(Buffer.from(page!.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const pdf = await readFile(exported.path)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const printed = await pdfText(pdf)
    expect(previewed.pages.map((p) => p.text)).toEqual(printed.pages.map((p) => p.text))
    for (const text of [previewed, printed]) {
      expect(text.pages.length).toBeGreaterThan(1) // the exercise page, then the 14-day log
      // pdf.js splits a run where the font changes (ś comes from Noto's latin-ext file), hence no spaces.
      expect(text.all.replace(/\s+/g, '')).toContain('ZofiaWiśniewska')
      expect(text.all).toContain(exercise.name)
    }

    // What a developer sees in the browser: the builder's live preview of a new program, drawn from previewHandout.
    const other = await call<Patient>(
      'createPatient',
      patientInput({ firstName: 'Tom', lastName: 'Smith', chartNumber: 'MRN-1002' }),
    )
    await page.goto(`${url}/#/program/${other.id}`)
    await page.getByRole('button', { name: `Add ${exercise.name}`, exact: true }).click()
    await expect(page.getByTestId('handout-preview')).toHaveAttribute('data-pages', /^[23]$/, { timeout: 30_000 })
    expect(consoleErrors).toEqual([])
  })
})
