/**
 * preview.edit_to_pixels: the built UI in Chromium through the browser bridge (the app's real handlers), as a therapist
 * uses it. One note in the first exercise is changed (same length each time, so no page breaks move), and the time is
 * taken from the input event to the first frame after the changed page's canvas was drawn again. Two baselines, the
 * same edit in the same run:
 * - `preview.edit_to_pixels.N`: the way before issue 14, the whole document rendered again by react-pdf and every page
 *   redrawn (`?preview=full` with the bridge's renderer switched to whole documents);
 * - `preview.edit_to_pixels.N.redraw_only`: only the redrawing is the old way (`?preview=full`), the render is today's.
 *
 * `typing.keystroke_to_paint.N`: a key typed in the last exercise's note, from the input event to the frame after it
 * (React renders an input event at once); the baseline is the same with `?items=all`, every card rendered again.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../tests/support/chromium'
import type { LibraryView } from '../src/core/library-contract'
import type { Patient } from '../src/core/patient'
import { removeDataDir, startTestBridge } from '../tests/support/bridge'

const EDITS = 9
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/**
 * In the page (plain JS: this file is type-checked without the DOM): changes the first note and resolves with the ms
 * until the frame after canvas `which` (or, if -1, any canvas) was redrawn, and its index.
 */
const EDIT_NOTE = `({ text, which }) => new Promise((done, fail) => {
  const canvases = [...document.querySelectorAll('[data-testid="handout-preview"] canvas')]
  const before = canvases.map((c) => c.dataset.drawn)
  const input = document.querySelector('input[aria-label^="Note to the patient"]')
  let start = 0
  const observer = new MutationObserver(() => {
    const index = canvases.findIndex((c, i) => (which < 0 || i === which) && c.dataset.drawn !== before[i])
    if (index < 0) return
    observer.disconnect()
    clearTimeout(timeout)
    requestAnimationFrame(() => done({ ms: performance.now() - start, index }))
  })
  const timeout = setTimeout(() => (observer.disconnect(), fail(new Error('no page was redrawn within 20 s'))), 20000)
  canvases.forEach((c) => observer.observe(c, { attributes: true, attributeFilter: ['data-drawn'] }))
  // As typing does it: React listens for input events; the value is set past React's own setter.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, text)
  start = performance.now()
  input.dispatchEvent(new Event('input', { bubbles: true }))
})`

/** In the page: types into the last note and resolves with the ms until the frame after React rendered it. */
const TYPE_KEY = `({ text }) => new Promise((done) => {
  const input = [...document.querySelectorAll('input[aria-label^="Note to the patient"]')].at(-1)
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, text)
  const start = performance.now()
  input.dispatchEvent(new Event('input', { bubbles: true }))
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0))
})`

/** In the page: the preview is current and every canvas on or near the screen shows the page its key names. */
const SETTLED = `(() => {
  const preview = document.querySelector('[data-testid="handout-preview"]')
  const canvases = [...(preview ? preview.querySelectorAll('canvas') : [])]
  return preview?.getAttribute('data-current') === 'yes' && !document.querySelector('[aria-label="Updating the preview"]') && canvases.length > 0 && canvases.every((c) => {
    const box = c.getBoundingClientRect()
    return c.dataset.drawn === c.dataset.key || box.top > innerHeight * 1.5 || box.bottom < -innerHeight * 0.5
  })
})()`

const editNote = (page: Page, text: string, which: number) =>
  page.evaluate(`(${EDIT_NOTE})(${JSON.stringify({ text, which })})`) as Promise<{ ms: number; index: number }>
/** Polled from here: waitForFunction evaluates its text with eval, which the app's CSP refuses. */
async function settled(page: Page): Promise<void> {
  for (const start = Date.now(); Date.now() - start < 60_000; await new Promise((r) => setTimeout(r, 50)))
    if (await page.evaluate(SETTLED)) return
  throw new Error('the preview did not settle within 60 s')
}

/** window.api in the page, called with a JSON argument. */
const call = <T>(page: Page, method: string, arg?: unknown) =>
  page.evaluate(
    `window.api.${method}(${arg === undefined ? '' : JSON.stringify(arg)}).then((r) => { if (!r.ok) throw new Error(r.error.message); return r.value })`,
  ) as Promise<T>

export async function previewBench(
  report: (name: string, value: number, unit: string, baseline: number, target: number) => void,
): Promise<void> {
  if (!existsSync(resolve('out/renderer/index.html'))) {
    console.log('preview.edit_to_pixels skipped: no built renderer in out/ (run npx electron-vite build first)')
    return
  }
  const browser = await chromium.launch(chromiumLaunchOptions)
  const wholeDocuments = { on: false }
  const bridge = await startTestBridge(undefined, { wholeDocuments })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(bridge.url)
    await call(page, 'updateSettings', {
      clinic: { name: 'Riverside Physical Therapy', phone: '(206) 555-0142', layout: 'detailed' },
      openAfterExport: false,
    })
    const library = await call<LibraryView>(page, 'getLibrary')
    for (const count of [8, 25]) {
      const items = library.exercises
        .filter((e) => e.source === 'built-in')
        .slice(0, count)
        .map((e, i) => ({
          id: `item-${String(i + 1).padStart(6, '0')}`,
          exerciseId: e.id,
          dosage: e.defaultDosage,
          notes: 'Note variant 0',
        }))
      const patient = await call<Patient>(page, 'createPatient', {
        firstName: 'Bench',
        lastName: `Patient ${count}`,
        status: 'active',
        patientType: 'new',
        appointment: { days: [], timesOfDay: [], coverage: null },
      })
      const saved = await call<Patient>(page, 'saveProgram', {
        patientId: patient.id,
        program: { title: 'Bench program', status: 'current', items },
      })
      const [patientId, programId] = [patient.id, saved.programs.at(-1)!.id]
      const times: Record<'changed' | 'full' | 'whole', number[]> = { changed: [], full: [], whole: [] }
      let changedPage = -1
      let n = 0
      for (const mode of ['changed', 'full', 'whole'] as const) {
        wholeDocuments.on = mode === 'whole'
        await page.goto(`${bridge.url}/${mode === 'changed' ? '' : '?preview=full'}#/program/${patientId}/${programId}`)
        await page.reload()
        await settled(page)
        // Two edits first, so both ways start warm (pdf.js loaded, the main side's caches filled).
        for (let i = 0; i < EDITS + 2; i++) {
          const { ms, index } = await editNote(
            page,
            `Note variant ${++n % 2 ? 1 : 2}`,
            mode === 'changed' ? -1 : changedPage,
          )
          if (mode === 'changed') changedPage = index
          await settled(page)
          if (i >= 2) times[mode].push(ms)
        }
      }
      const typing: Record<'kept' | 'all', number[]> = { kept: [], all: [] }
      for (const mode of ['kept', 'all'] as const) {
        await page.goto(`${bridge.url}/${mode === 'all' ? '?items=all' : ''}#/program/${patientId}/${programId}`)
        await page.reload()
        await settled(page)
        for (let i = 0; i < EDITS + 2; i++) {
          const ms = (await page.evaluate(`(${TYPE_KEY})(${JSON.stringify({ text: `Typed note ${i}` })})`)) as number
          if (i >= 2) typing[mode].push(ms)
          await new Promise((r) => setTimeout(r, 100))
        }
        await settled(page)
      }
      report(`typing.keystroke_to_paint.${count}`, median(typing.kept), 'ms', median(typing.all), 50)
      report(`preview.edit_to_pixels.${count}`, median(times.changed), 'ms', median(times.whole), 300)
      report(`preview.edit_to_pixels.${count}.redraw_only`, median(times.changed), 'ms', median(times.full), 300)
    }
  } finally {
    await browser.close()
    await bridge.close()
    await removeDataDir(bridge.dataDir)
  }
}
