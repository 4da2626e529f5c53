/**
 * The roster against a model, with injected faults (see tests/support/roster-model.ts). A fixed seed and a
 * small budget here keep `npm test` fast and repeatable; `npm run test:long` runs the same test for minutes
 * with a fresh seed each time. A seed that once failed is kept below as a regression case.
 */
import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FsPort } from '../../../electron/services/fs-port'
import { sealedFs } from '../../../electron/services/sealed-fs'
import { caseArb, newTotals, runCase, type Case } from '../../support/roster-model'

const LONG = !!process.env['HOMEPLAN_LONG']
/** How long the long run goes on drawing new sequences. */
const LONG_SECONDS = Number(process.env['HOMEPLAN_MODEL_SECONDS'] ?? 180)

/** Sequences that once broke an invariant, kept as they were found (shrunk by fast-check). */
const regressions: { why: string; case: Case }[] = [
  {
    why: 'on an encrypted folder, the last step’s background compaction was killed after the step was judged, and the harness waited forever for the store to close (CI long run, seed 1327671587)',
    case: {
      steps: [
        { step: { op: 'saveProgram', target: 1872077504, edit: false }, faults: [] },
        { step: { op: 'create', name: 3, chart: 19 }, faults: [] },
        { step: { op: 'handout', target: 914064069 }, faults: [] },
        { step: { op: 'create', name: 3, chart: 4 }, faults: [] },
        { step: { op: 'update', target: 14, name: 5 }, faults: [] },
        { step: { op: 'update', target: 737773145, name: 5 }, faults: [] },
        { step: { op: 'update', target: 1083182589, name: 2 }, faults: [{ on: 'sync', nth: 1, pick: 0 }] },
        { step: { op: 'update', target: 874790987, name: 2 }, faults: [] },
        { step: { op: 'update', target: 967815756, name: 0 }, faults: [] },
        {
          step: { op: 'saveProgram', target: 1311795263, edit: false },
          faults: [
            { on: 'write', nth: 2, pick: 2 },
            { on: 'datasync', nth: 0, pick: 3 },
          ],
        },
        { step: { op: 'saveProgram', target: 1067707885, edit: false }, faults: [] },
        {
          step: { op: 'update', target: 1733213107, name: 0 },
          faults: [
            { on: 'sync', nth: 0, pick: 2 },
            { on: 'chmod', nth: 2, pick: 3 },
            { on: 'write', nth: 1, pick: 2 },
          ],
        },
      ],
    },
  },
  {
    why: 'a new roster whose first save and its void marker both failed: the next start tidied away the empty first journal file, and the start after that took the roster for one whose roster.json was lost (CI long run, seed 1120325455)',
    case: {
      steps: [
        {
          step: { op: 'create', name: 0, chart: null },
          faults: [
            { on: 'ftruncate', nth: 0, pick: 0 },
            { on: 'write', nth: 1, pick: 0 },
            { on: 'write', nth: 0, pick: 0 },
          ],
        },
        { step: { op: 'saveProgram', target: 0, edit: false }, faults: [] },
      ],
    },
  },
  {
    why: 'the same with an import after it (CI long run, seed 1115518164)',
    case: {
      steps: [
        {
          step: { op: 'create', name: 0, chart: null },
          faults: [
            { on: 'write', nth: 0, pick: 0 },
            { on: 'write', nth: 1, pick: 0 },
            { on: 'ftruncate', nth: 0, pick: 0 },
          ],
        },
        { step: { op: 'import', count: 1, sharedId: false }, faults: [] },
      ],
    },
  },
  {
    why: 'the very first save of a new roster failed and could not be cut back: its void marker opened a second file, and the next start took the roster for one whose roster.json was lost (CI long run, seed 1114005490)',
    case: {
      steps: [
        {
          step: { op: 'import', count: 1, sharedId: false },
          faults: [
            { on: 'write', nth: 0, pick: 0 },
            { on: 'ftruncate', nth: 0, pick: 0 },
          ],
        },
        { step: { op: 'reopen' }, faults: [] },
      ],
    },
  },
  {
    why: 'an fsync error whose file could not be cut back: the next save reused the number and the acknowledged one was lost',
    case: {
      steps: [
        { step: { op: 'create', name: 0, chart: null }, faults: [] },
        {
          step: { op: 'saveProgram', target: 0, edit: false },
          faults: [
            { on: 'datasync', nth: 0, pick: 0 },
            { on: 'ftruncate', nth: 0, pick: 0 },
          ],
        },
        { step: { op: 'create', name: 1, chart: 3 }, faults: [] },
      ],
    },
  },
  {
    why: 'an import cut off halfway by a kill came back with some of its patients',
    case: {
      steps: [
        {
          step: { op: 'import', count: 3, sharedId: false },
          faults: [
            { on: 'write', nth: 0, pick: 2 },
            { on: 'write', nth: 1, pick: 3 },
          ],
        },
        { step: { op: 'create', name: 1, chart: null }, faults: [] },
        { step: { op: 'reopen' }, faults: [] },
      ],
    },
  },
  {
    why: 'a restore brought back a patient deleted after the backup (seed 1104166673; the test itself had to learn that this is right)',
    case: {
      steps: [
        { step: { op: 'import', count: 1, sharedId: false }, faults: [] },
        { step: { op: 'backup' }, faults: [] },
        { step: { op: 'delete', target: 0 }, faults: [] },
        { step: { op: 'restore', which: 0 }, faults: [] },
        { step: { op: 'deleteGone', target: 0 }, faults: [] },
        { step: { op: 'saveProgram', target: 0, edit: true }, faults: [] },
        { step: { op: 'reopen' }, faults: [] },
      ],
    },
  },
  {
    why: 'a refused save whose file could not be cut back came back at the next start (CI long run, seed 1104732032)',
    case: {
      steps: [
        {
          step: { op: 'create', name: 0, chart: null },
          faults: [
            { on: 'ftruncate', nth: 0, pick: 0 },
            { on: 'datasync', nth: 0, pick: 0 },
            { on: 'open', nth: 0, pick: 0 },
          ],
        },
      ],
    },
  },
  {
    why: 'a refused save whose file could not be cut back (but a new file could be started) came back at the next start',
    case: {
      steps: [
        {
          step: { op: 'create', name: 0, chart: null },
          faults: [
            { on: 'ftruncate', nth: 0, pick: 0 },
            { on: 'datasync', nth: 0, pick: 0 },
          ],
        },
        { step: { op: 'reopen' }, faults: [] },
      ],
    },
  },
  {
    why: 'the same, when the next save comes before the restart',
    case: {
      steps: [
        {
          step: { op: 'create', name: 0, chart: null },
          faults: [
            { on: 'ftruncate', nth: 0, pick: 0 },
            { on: 'datasync', nth: 0, pick: 0 },
          ],
        },
        { step: { op: 'create', name: 1, chart: null }, faults: [] },
        { step: { op: 'reopen' }, faults: [] },
      ],
    },
  },
  {
    why: 'a backup on a full disk failed with raw file-system text instead of a message',
    case: {
      steps: [
        { step: { op: 'create', name: 0, chart: null }, faults: [] },
        { step: { op: 'backup' }, faults: [{ on: 'mkdir', nth: 0, pick: 0 }] },
      ],
    },
  },
]

/** The same sequences on a plain folder and on an encrypted one (sealedFs over the failing file system). */
const key = randomBytes(32)
const variants = [
  ['a plain folder', (fs: FsPort) => fs],
  ['an encrypted folder', (fs: FsPort) => sealedFs(fs, { key: () => key, sealWrites: () => true })],
] as const

describe.each(variants)('the roster against a model, with injected faults, on %s', (_name, wrap) => {
  it(
    'keeps every acknowledged change and nothing else, through random sequences with faults and restarts',
    { timeout: (LONG_SECONDS + 120) * 1000 },
    async () => {
      const totals = newTotals()
      // Fixed in `npm test`; fresh in the long run (printed, so a failure can be repeated with HOMEPLAN_SEED).
      const seed = process.env['HOMEPLAN_SEED']
        ? Number(process.env['HOMEPLAN_SEED'])
        : LONG
          ? Date.now() % 2 ** 31
          : 20261204
      // The long run's minutes are shared between the plain and the encrypted folder (CI stays under 15 minutes).
      const budget = LONG
        ? { numRuns: 1_000_000, interruptAfterTimeLimit: (LONG_SECONDS * 1000) / variants.length }
        : { numRuns: 150 }
      console.log(`model test seed: ${seed}`)
      await fc.assert(
        fc.asyncProperty(caseArb(25), (c) => runCase(c, totals, wrap)),
        { seed, ...budget },
      )
      console.log(`model test: ${JSON.stringify(totals)}`)
      expect(totals.sequences).toBeGreaterThanOrEqual(150)
      expect(Object.values(totals.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(50)
      expect(totals.kills).toBeGreaterThan(5)
    },
  )

  it.each(regressions.map((r) => [r.why, r.case] as const))(
    'still holds for a sequence that once failed: %s',
    async (_why, c) => {
      await runCase(c, newTotals(), wrap)
    },
  )
})
