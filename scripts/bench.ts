/**
 * `npm run bench [-- filter]`: one JSON object per line,
 *   {"name":"roster.edit","value":4.1,"unit":"ms","baseline":390,"target":40}
 * where baseline is the naive way (plain lowdb, a naive search) measured in the same run.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderHandout } from '../electron/services/handout/render'
import { previewBench } from './bench-preview'
import { createInProcessRenderer, type HandoutRenderer } from '../electron/services/handout/renderer'
import { createWorkerRenderer } from '../electron/services/handout/worker-renderer'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { loadBuiltinLibrary } from '../electron/services/library/builtin'
import { type Exercise } from '../src/core/exercise'
import { handoutItemOf } from '../src/core/handout-model'
import { figureFor } from '../src/diagrams/figure'
import { cachedFigure } from '../src/diagrams/figure-cache'
import { resolvedViews } from '../src/diagrams/visibility'
import { indexLibrary, searchLibrary } from '../src/core/library-search'
import { summarize, type Patient } from '../src/core/patient'
import { fold } from '../src/core/fold'
import { indexRoster, searchRoster } from '../src/core/roster-search'
import { SnapshotFile } from '../electron/services/roster/snapshot-file'
import { RosterStore } from '../electron/services/roster/store'
import { watchLoop } from '../tests/support/event-loop'
import { syntheticPatients } from '../tests/support/patients'
import { startupBench } from './bench/startup'
import { csvBench } from './bench/csv'
import { sealedBench } from './bench/sealed'

const filter = process.argv[2] ?? ''
const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 10_000)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const round = (x: number) => Math.round(x * 100) / 100
const report = (name: string, value: number, unit: string, baseline: number, target: number) =>
  console.log(JSON.stringify({ name, value: round(value), unit, baseline: round(baseline), target }))

/** Largest event-loop stall (ms) while `work` runs: the longest gap between 1 ms timer ticks, minus the tick. */
async function maxStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now()
  let max = 0
  const timer = setInterval(() => {
    const t = performance.now()
    max = Math.max(max, t - last - 1)
    last = t
  }, 1)
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5))
  await settle()
  await work()
  await settle()
  clearInterval(timer)
  return max
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

async function rosterBench(): Promise<void> {
  const patients = syntheticPatients(PATIENTS)
  const dir = await mkdtemp(join(tmpdir(), 'hp-bench-'))
  const lowDir = await mkdtemp(join(tmpdir(), 'hp-bench-lowdb-'))
  try {
    // The same roster, written both ways.
    await new SnapshotFile(join(dir, 'roster.json')).write({
      header: { savedAt: new Date().toISOString(), lastSeq: 0 },
      entries: patients.map((p) => ({ summary: summarize(p), patient: p })),
    })
    const low = new Low(new JSONFile<{ schemaVersion: number; patients: Patient[] }>(join(lowDir, 'db.json')), {
      schemaVersion: 2,
      patients: [],
    })
    low.data.patients = patients
    await low.write()

    const loads: number[] = []
    const lowLoads: number[] = []
    let store: RosterStore | undefined
    for (let i = 0; i < 3; i++) {
      await store?.close()
      globalThis.gc?.()
      loads.push(await timed(async () => (store = await RosterStore.open({ dir, compactAfterChanges: 1_000_000 }))))
      const fresh = new Low(new JSONFile<{ schemaVersion: number; patients: Patient[] }>(join(lowDir, 'db.json')), {
        schemaVersion: 2,
        patients: [],
      })
      lowLoads.push(await timed(() => fresh.read()))
    }
    report('roster.load', median(loads), 'ms', median(lowLoads), 300)

    const edits: number[] = []
    const lowEdits: number[] = []
    let stall = 0
    let lowStall = 0
    for (let i = 0; i < 30; i++) {
      const p = store!.get(patients[(i * 331) % patients.length]!.id)!
      stall = Math.max(
        stall,
        await maxStall(async () => edits.push(await timed(() => store!.put({ ...p, notes: `edit ${i}` })))),
      )
      if (i < 5) {
        lowStall = Math.max(
          lowStall,
          await maxStall(async () =>
            lowEdits.push(
              await timed(async () => {
                low.data.patients[(i * 331) % patients.length]!.notes = `edit ${i}`
                await low.write()
              }),
            ),
          ),
        )
      }
    }
    report('roster.edit', median(edits), 'ms', median(lowEdits), 40)
    // Compaction (and the automatic backup built on it) must not freeze the app either.
    stall = Math.max(stall, await maxStall(() => store!.compact()))
    report('roster.save.max_stall', stall, 'ms', lowStall, 20)
    await store!.close()

    const summaries = patients.map(summarize)
    const index = indexRoster(summaries)
    const queries = [
      'lukasiewicz',
      'anna',
      'MRN-10',
      'mrn 105',
      '03/14/1956',
      '1956-03-1',
      'nguyen thi',
      'zzz',
      'jo',
      'Иван',
    ]
    const naive = (q: string) =>
      summaries.filter((s) =>
        fold(
          `${s.firstName} ${s.lastName} ${s.preferredName ?? ''} ${s.chartNumber ?? ''} ${s.dateOfBirth ?? ''}`,
        ).includes(fold(q)),
      )
    const perQuery = (fn: (q: string) => unknown) => {
      const runs: number[] = []
      for (let r = 0; r < 5; r++) for (const q of queries) runs.push(-performance.now() + (fn(q), performance.now()))
      return median(runs)
    }
    report(
      'roster.search',
      perQuery((q) => searchRoster(index, q)),
      'ms',
      perQuery(naive),
      10,
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
    await rm(lowDir, { recursive: true, force: true })
  }
}

/** The whole built-in library plus 2,000 synthetic custom exercises (variations with realistic names and fields). */
async function libraryBench(): Promise<void> {
  const shipped = (await loadBuiltinLibrary('resources/library/exercises')).exercises
  const words = [
    'single-leg',
    'banded',
    'seated',
    'wall',
    'slow',
    'supported',
    'resisted',
    'assisted',
    'isometric',
    'eccentric',
  ]
  const exercises: Exercise[] = [
    ...shipped,
    ...Array.from({ length: 2000 }, (_, i): Exercise => {
      const base = shipped[i % shipped.length]!
      return {
        ...base,
        source: 'custom',
        id: `custom-${base.id}-${i}`,
        name: `${words[i % 10]} ${words[Math.floor(i / 10) % 10]} ${base.name} ${i}`,
        aliases: base.aliases.map((a) => `${a} ${i}`),
      }
    }),
  ]
  const index = indexLibrary(exercises)
  const queries = [
    'clam',
    'glute bridge',
    'clamshels',
    'hip flexor',
    'pillow',
    'prone',
    'seated wall',
    'banded bridge hold',
    'side leg raise',
    'stretch',
    'rotator cuff band',
    'chin tuck',
    'calf raise step',
    'balance chair',
  ]
  const naive = (q: string) => {
    const words = q.toLowerCase().split(/\s+/)
    return exercises.filter((e) => words.every((w) => JSON.stringify(e).toLowerCase().includes(w)))
  }
  const perQuery = (fn: (q: string) => unknown) => {
    const runs: number[] = []
    for (let r = 0; r < 5; r++) for (const q of queries) runs.push(-performance.now() + (fn(q), performance.now()))
    return median(runs)
  }
  report(
    'library.search',
    perQuery((q) => searchLibrary(index, q)),
    'ms',
    perQuery(naive),
    5,
  )
}

/**
 * Handout rendering: the documented 6-exercise example grown to 8 exercises with the log page, and a
 * 60-exercise booklet. The baseline is the cold render measured first in this run (fonts parsed, no
 * caches), which is what every export would cost if nothing were kept between renders.
 */
async function handoutBench(): Promise<void> {
  const fonts = resolve('resources/fonts')
  const example = JSON.parse(await readFile('docs/handout-example.json', 'utf8'))
  const items = example.program.items as unknown[]
  const eight = { ...example, program: { ...example.program, items: [...items, items[0], items[5]] } }
  const sixty = {
    ...example,
    logDays: 14,
    program: { ...example.program, items: Array.from({ length: 60 }, (_, i) => items[i % items.length]) },
  }
  const first = await timed(() => renderHandout(eight, fonts))
  const warm: number[] = []
  for (let i = 0; i < 10; i++) warm.push(await timed(() => renderHandout(eight, fonts)))
  report('handout.render8.first', first, 'ms', first, 1000)
  report('handout.render8.warm', median(warm), 'ms', first, 100)
  // A live preview re-renders after each edit: here a different note on one card each time.
  const edits: number[] = []
  for (let i = 0; i < 10; i++) {
    const edited = structuredClone(eight)
    edited.program.items[3] = {
      ...edited.program.items[3],
      notes: `Edit ${i}: go a little further each day, as long as it stays comfortable.`,
    }
    edits.push(await timed(() => renderHandout(edited, fonts)))
  }
  report('handout.render8.edit', median(edits), 'ms', first, 300)
  const booklet: number[] = []
  for (let i = 0; i < 3; i++) booklet.push(await timed(() => renderHandout(sixty, fonts)))
  report('handout.render60.warm', median(booklet), 'ms', booklet[0]!, 600)
  // Peak memory in a process of its own that renders only the booklet (as the app's renderer process does), not
  // this one, which holds the roster bench's patients and everything rendered above.
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), RENDER60_RSS], {
    encoding: 'utf8',
  })
  const peak = (JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { peak?: number }).peak
  if (child.status !== 0 || peak === undefined) throw new Error(`The 60-exercise memory run failed: ${child.stderr}`)
  report('handout.render60.peak_rss', peak, 'MB', peak, 350)
}

/** The 60-exercise booklet rendered three times in this process, alone; prints its peak RSS in MB. */
const RENDER60_RSS = '--render60-rss'
async function render60Rss(): Promise<void> {
  const example = JSON.parse(await readFile('docs/handout-example.json', 'utf8'))
  const items = example.program.items as unknown[]
  const sixty = {
    ...example,
    logDays: 14,
    program: { ...example.program, items: Array.from({ length: 60 }, (_, i) => items[i % items.length]) },
  }
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  for (let i = 0; i < 3; i++) await renderHandout(sixty, resolve('resources/fonts'))
  clearInterval(sampler)
  console.log(JSON.stringify({ peak: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024 }))
}

/**
 * Diagrams: what drawing every figure adds to a 60-exercise booklet (the same booklet with and without
 * diagrams, warm), and the geometry alone with the cache against working every figure out afresh.
 */
async function diagramsBench(): Promise<void> {
  const fonts = resolve('resources/fonts')
  const library = (await loadBuiltinLibrary('resources/library/exercises')).exercises.filter((e) => e.diagram)
  const example = JSON.parse(await readFile('docs/handout-example.json', 'utf8'))
  const items = Array.from({ length: 60 }, (_, i) => {
    const e = library[(i * 7) % library.length]!
    return handoutItemOf({ ...e, plainTitle: undefined })
  })
  const withDiagrams = { ...example, logDays: 14, program: { ...example.program, items } }
  const without = {
    ...withDiagrams,
    program: { ...withDiagrams.program, items: items.map(({ diagram: _d, ...rest }) => rest) },
  }
  await renderHandout(withDiagrams, fonts)
  await renderHandout(without, fonts)
  const plain: number[] = []
  const drawn: number[] = []
  for (let i = 0; i < 5; i++) {
    plain.push(await timed(() => renderHandout(without, fonts)))
    drawn.push(await timed(() => renderHandout(withDiagrams, fonts)))
  }
  const views = items.flatMap((item) => resolvedViews(item.diagram!).map((view) => [item.diagram!, view] as const))
  const fresh = await timed(async () => views.forEach(([spec, view]) => figureFor(spec, view, { trim: true })))
  views.forEach(([spec, view]) => cachedFigure(spec, view, { trim: true }))
  const cached = await timed(async () => views.forEach(([spec, view]) => cachedFigure(spec, view, { trim: true })))
  const added = Math.max(0, median(drawn) - median(plain))
  // Baseline: the same drawing with every figure worked out afresh on each render (no cache).
  report('diagrams.handout60.added', added, 'ms', added + fresh - cached, 100)
  report('diagrams.geometry60.cached', cached, 'ms', fresh, 5)
}

/**
 * What a render costs the main process's event loop: the longest it was blocked (busy between two ticks of a 5 ms
 * timer, see tests/support/event-loop.ts) while an 8-exercise handout is rendered through the app's runner in a
 * worker thread (React's production build there: the worker sets NODE_ENV=production), against the same renders in
 * this process (NODE_ENV as the bench runs, unset: React's development build). One warm-up render each, then five
 * edits. `main.max_timer_gap_during_render` is the raw longest gap between ticks, which also counts the time the
 * system ran other processes instead (on a busy machine, tens of ms with nothing rendering here).
 */
async function mainBench(): Promise<void> {
  const fonts = resolve('resources/fonts')
  const example = JSON.parse(await readFile('docs/handout-example.json', 'utf8'))
  const items = example.program.items as { notes?: string }[]
  const eight = { ...example, program: { ...example.program, items: [...items, items[0], items[5]] } }
  const edited = (i: number) => ({
    ...eight,
    program: {
      ...eight.program,
      items: eight.program.items.map((item: object, k: number) =>
        k === 3 ? { ...item, notes: `Edit ${i}: a little further each day.` } : item,
      ),
    },
  })
  const measure = async (renderer: HandoutRenderer) => {
    await renderer.render(eight)
    const watched = await watchLoop(async () => {
      for (let i = 0; i < 5; i++) await renderer.render(edited(i))
    })
    await renderer.close()
    return watched
  }
  const inWorker = await measure(createWorkerRenderer(fonts))
  const here = await measure(createInProcessRenderer(fonts))
  report('main.max_block_during_render', inWorker.block, 'ms', here.block, 20)
  report('main.max_timer_gap_during_render', inWorker.gap, 'ms', here.gap, 20)
}

const suites: Record<string, () => Promise<void>> = {
  roster: rosterBench,
  library: libraryBench,
  handout: handoutBench,
  diagrams: diagramsBench,
  main: mainBench,
  startup: () => startupBench(report),
  preview: () => previewBench(report),
  csv: () => csvBench(report),
  sealed: () => sealedBench(report),
}
if (filter === RENDER60_RSS) await render60Rss()
else for (const [name, run] of Object.entries(suites)) if (name.includes(filter)) await run()
