/**
 * `npm run bench startup`: launch-to-rows-visible with 2, 10,000 and 50,000 patients, measured in Chromium
 * through the bridge. Each run starts a fresh bridge process on a fresh copy of the roster (see
 * startup-bridge.ts), opens the page in an already running browser (the window is made beside the roster opening
 * in the app) and stops the clock when the first roster row is visible.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { chromium, type Browser } from '@playwright/test'
import { chromiumLaunchOptions } from '../../tests/support/chromium'
import { summarize } from '../../src/core/patient'
import { SnapshotFile } from '../../electron/services/roster/snapshot-file'
import { ROSTER_FILE } from '../../electron/services/roster/load'
import { syntheticPatients } from '../../tests/support/patients'

type Report = (name: string, value: number, unit: string, baseline: number, target: number) => void
type Mode = 'new' | 'old'

const RUNS = Number(process.env['BENCH_STARTUP_RUNS'] ?? 5)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** The launcher bundled once, so each launch costs what a built app's start costs, not a TypeScript compile. */
async function bundleLauncher(): Promise<string> {
  const out = resolve('out/bench/startup-bridge.mjs')
  await build({
    entryPoints: [resolve('scripts/bench/startup-bridge.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    logLevel: 'warning',
  })
  return out
}

/** One launch: process start to the first row drawn. */
async function launchToRows(browser: Browser, launcher: string, roster: string, mode: Mode): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-bench-start-'))
  await copyFile(roster, join(dataDir, ROSTER_FILE))
  const context = await browser.newContext()
  const page = await context.newPage()
  const start = performance.now()
  const child = spawn(process.execPath, [launcher, dataDir, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const match = /listening (\S+)/.exec(out)
        if (match) resolveUrl(match[1]!)
      })
      child.once('exit', (code) => reject(new Error(`the bridge stopped (${code}) before listening`)))
    })
    await page.goto(url, { waitUntil: 'commit' })
    await page.locator('tbody tr a').first().waitFor({ state: 'visible', timeout: 120_000 })
    return performance.now() - start
  } finally {
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    await exited
    await context.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

export async function startupBench(report: Report): Promise<void> {
  if (!existsSync('out/renderer/index.html'))
    throw new Error('The startup bench drives the built window: run `npx electron-vite build` first.')
  const launcher = await bundleLauncher()
  const dir = await mkdtemp(join(tmpdir(), 'hp-bench-rosters-'))
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const sizes = [2, 10_000, 50_000]
    const rosters = new Map<number, string>()
    for (const size of sizes) {
      const file = join(dir, `roster-${size}.json`)
      await mkdir(dir, { recursive: true })
      const patients = syntheticPatients(size)
      await new SnapshotFile(file).write({
        header: { savedAt: new Date().toISOString(), lastSeq: 0 },
        entries: patients.map((p) => ({ summary: summarize(p), patient: p })),
      })
      rosters.set(size, file)
    }
    // Warm the disk cache and Chromium once, outside the measurement.
    await launchToRows(browser, launcher, rosters.get(2)!, 'new')
    const times = new Map<string, number[]>()
    // Interleaved, so a busy moment on the machine falls on every case alike.
    for (let run = 0; run < RUNS; run++) {
      for (const size of sizes) {
        for (const mode of ['new', 'old'] as const) {
          const key = `${size}:${mode}`
          times.set(key, [...(times.get(key) ?? []), await launchToRows(browser, launcher, rosters.get(size)!, mode)])
        }
      }
    }
    const at = (size: number, mode: Mode) => median(times.get(`${size}:${mode}`)!)
    const small = at(2, 'new')
    const target = Math.round(small * 1.2)
    report('startup.rows_visible_2', small, 'ms', at(2, 'old'), target)
    for (const [size, label] of [
      [10_000, '10k'],
      [50_000, '50k'],
    ] as const) {
      report(`startup.rows_visible_${label}`, at(size, 'new'), 'ms', at(size, 'old'), target)
      report(
        `startup.rows_visible_${label}.ratio_to_2`,
        at(size, 'new') / small,
        'x',
        at(size, 'old') / at(2, 'old'),
        1.2,
      )
    }
  } finally {
    await browser.close()
    await rm(dir, { recursive: true, force: true })
  }
}
