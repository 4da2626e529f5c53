/**
 * Model-based testing of the roster: random sequences of what a therapist does (create, edit, delete,
 * save a program, print a handout, back up, restore, import, compact, restart) run against the real
 * services on a real folder, through a file-system layer that fails on purpose (full disk, short writes,
 * locked files, fsync errors, kills at any await point), and against a plain in-memory model.
 *
 * After every step: an acknowledged change is in the roster, a refused one left nothing behind, and
 * nothing belongs to the wrong patient. After every restart: the same holds on disk, the roster opens
 * healthy, and a change cut off by a kill is either wholly there or wholly absent.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { readUserFile } from '../../electron/services/read-user-file'
import { Backups } from '../../electron/services/roster/backups'
import { EXPORT_FORMAT, createRosterHandlers, recordHandout } from '../../electron/services/roster/service'
import { RosterStore } from '../../electron/services/roster/store'
import { SCHEMA_VERSION } from '../../electron/services/roster/format'
import type { Patient, ProgramInput } from '../../src/core/patient'
import { AppFailure } from '../../src/core/result'
import { nodeFs, type FsPort } from '../../electron/services/fs-port'
import { FAULTS_FOR, FaultyFs, type Fault, type Operation } from './faulty-fs'
import { patientInput } from './patients'

export type Step =
  | { op: 'create'; name: number; chart: number | null }
  | { op: 'update'; target: number; name: number }
  | { op: 'staleUpdate'; target: number }
  | { op: 'delete'; target: number }
  | { op: 'deleteGone'; target: number }
  | { op: 'saveProgram'; target: number; edit: boolean }
  | { op: 'handout'; target: number }
  | { op: 'backup' }
  | { op: 'restore'; which: number }
  | { op: 'import'; count: number; sharedId: boolean }
  | { op: 'compact' }
  | { op: 'reopen' }

export interface FaultAt {
  /** The kind of file operation that fails… */
  on: Operation
  /** …the how-many-th of its kind within the step (counted from 0)… */
  nth: number
  /** …and which of the faults that make sense for it. */
  pick: number
}

/** Where faults are aimed: mostly at writes and fsyncs (where data is lost), but at every kind of operation. */
const faultTarget = fc.oneof(
  { arbitrary: fc.constantFrom<Operation>('write', 'datasync', 'ftruncate'), weight: 6 },
  { arbitrary: fc.constantFrom<Operation>('open', 'rename', 'sync', 'copyFile', 'rm', 'truncate', 'close'), weight: 3 },
  { arbitrary: fc.constantFrom<Operation>('readFile', 'readdir', 'stat', 'fstat', 'mkdir', 'chmod'), weight: 1 },
)

export interface Case {
  /** Each step with the faults armed while it runs (in the order of the operations they hit). */
  steps: { step: Step; faults: FaultAt[] }[]
}

const names = ['Alice', 'Bob', 'Carol', 'Dũng', 'Ева', 'Zoë', 'Łucja', 'Ngozi']

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      name: fc.nat(7),
      chart: fc.option(fc.nat(20), { nil: null }),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ op: fc.constant('update' as const), target: fc.nat(), name: fc.nat(7) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('staleUpdate' as const), target: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), target: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('deleteGone' as const), target: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({ op: fc.constant('saveProgram' as const), target: fc.nat(), edit: fc.boolean() }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('handout' as const), target: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('backup' as const) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('restore' as const), which: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('import' as const),
      count: fc.integer({ min: 1, max: 3 }),
      sharedId: fc.boolean(),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('compact' as const) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('reopen' as const) }), weight: 1 },
)

export const caseArb = (maxSteps = 30, faultRate = 2): fc.Arbitrary<Case> =>
  fc.record({
    steps: fc.array(
      fc.record({
        step: stepArb,
        faults: fc.oneof(
          { arbitrary: fc.constant([] as FaultAt[]), weight: faultRate },
          {
            arbitrary: fc.array(fc.record({ on: faultTarget, nth: fc.nat(2), pick: fc.nat(5) }), {
              minLength: 1,
              maxLength: 3,
            }),
            weight: 1,
          },
        ),
      }),
      { minLength: 1, maxLength: maxSteps },
    ),
  })

export interface Totals {
  sequences: number
  steps: number
  faults: Partial<Record<Fault, number>>
  kills: number
  reopens: number
  /** Steps after which the store stopped taking changes because a refused change could not be undone on disk. */
  uncertain: number
}

export const newTotals = (): Totals => ({ sequences: 0, steps: 0, faults: {}, kills: 0, reopens: 0, uncertain: 0 })

type Model = Map<string, Patient>

/** What the roster may hold after a restart: the model, or (after a kill) the model with the cut-off step applied. */
type Expectation = Model[]

const clone = (m: Model): Model => new Map([...m].map(([k, v]) => [k, structuredClone(v)]))
const norm = (patients: Patient[]) => JSON.stringify([...patients].sort((a, b) => a.id.localeCompare(b.id)))
const describeModel = (m: Model) =>
  [...m.values()]
    .map((p) => `${p.id}:${p.firstName}:r${p.revision}:p${p.programs.length}:h${p.handouts?.length ?? 0}`)
    .join(', ')

const program = (title: string): ProgramInput => ({
  title,
  status: 'current',
  items: [
    {
      id: 'item-000001',
      exerciseId: 'clamshells',
      dosage: { sets: 2, reps: { min: 10, max: 10 }, timesPerDay: 1, side: 'both' },
    },
  ],
})

class Killed extends Error {}

/**
 * Runs one case; throws (with the state seen) when an invariant breaks. `wrap` puts a layer between the stores and
 * the failing file system (the encrypted folder's sealedFs), so the same faults hit what is under it.
 */
export async function runCase(c: Case, totals: Totals, wrap: (fs: FsPort) => FsPort = (fs) => fs): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hp-model-'))
  const importFile = join(dir, '..', `${dir.split('/').at(-1)}-import.json`)
  let clock = Date.parse('2026-03-01T09:00:00Z')
  const now = () => new Date((clock += 1000))
  let ids = 0
  const newId = () => `id-${String(++ids).padStart(6, '0')}`

  // The faults armed for the current step, by the operation they hit.
  let armed: FaultAt[] = []
  let counted = new Map<Operation, number>()
  let onKill: () => void = () => {}
  const plan = (operation: Operation): Fault | undefined => {
    const nth = counted.get(operation) ?? 0
    counted.set(operation, nth + 1)
    const hit = armed.find((f) => f.on === operation && f.nth === nth)
    if (!hit) return undefined
    const faults = FAULTS_FOR[operation]
    return faults[hit.pick % faults.length]
  }

  let fs!: FaultyFs
  const tally = () => {
    if (fs)
      for (const [k, v] of Object.entries(fs.injected)) totals.faults[k as Fault] = (totals.faults[k as Fault] ?? 0) + v
  }
  const open = async () => {
    tally()
    fs = new FaultyFs((operation) => {
      const fault = plan(operation)
      if (fault === 'kill' || fault === 'kill-after') queueMicrotask(() => onKill())
      return fault
    })
    const stores = wrap(fs)
    const store = await RosterStore.open({ dir, fs: stores, now, retryForMs: 20, compactAfterChanges: 7 })
    const backups = new Backups({ dir, fs: stores, now, autoEveryMs: Number.POSITIVE_INFINITY })
    return { store, backups }
  }

  /**
   * Rejects with Killed once the file system has been killed, whenever that was: a background save (a compaction a
   * step started) can be killed after its step was judged, and from then on nothing it awaits settles.
   */
  const killWatch = () => {
    let timer: ReturnType<typeof setInterval> | undefined
    const killed = new Promise<never>((_, reject) => {
      timer = setInterval(() => fs.killed && (clearInterval(timer), reject(new Killed())), 20)
    })
    return { killed, stop: () => clearInterval(timer) }
  }

  let model: Model = new Map()
  /** Snapshots of the model at each backup that was acknowledged, by backup id. */
  const snapshots = new Map<string, Model>()
  const deleted: string[] = []
  let { store, backups } = await open()
  const handlers = () =>
    createRosterHandlers({
      store: async () => store,
      reopen: async () => store,
      backups,
      dialogs: { open: async () => importFile, save: async () => undefined, folder: async () => undefined },
      readUserFile,
      now,
      newId,
    })
  let h = handlers()

  const live = async (): Promise<Patient[]> => {
    const out: Patient[] = []
    for (const s of await h.listPatients(undefined)) out.push(await h.getPatient({ id: s.id }))
    return out
  }
  const check = async (where: string, expected: Expectation) => {
    const seen = norm(await live())
    const match = expected.findIndex((m) => norm([...m.values()]) === seen)
    if (match === -1) {
      throw new Error(
        `${where}: the roster holds [${(await live()).map((p) => `${p.id}:${p.firstName}:r${p.revision}:p${p.programs.length}:h${p.handouts?.length ?? 0}`).join(', ')}] but the model allows ${expected.map((m) => `[${describeModel(m)}]`).join(' or ')}`,
      )
    }
    return match
  }

  /** Opens the folder again after a clean close or a kill, with no faults armed, and checks what it holds. */
  const restart = async (killed: boolean, expected: Expectation, where: string) => {
    totals.reopens++
    armed = []
    if (killed) await fs.reap()
    ;({ store, backups } = await open())
    h = handlers()
    await verifyOpened(expected, where)
  }
  const verifyOpened = async (expected: Expectation, where: string) => {
    if (store.health.status !== 'ready')
      throw new Error(
        `${where}: after a restart the roster is ${store.health.status}: ${'reason' in store.health ? store.health.reason : ''}`,
      )
    if (store.health.warnings?.length)
      throw new Error(`${where}: after a restart the roster warns: ${store.health.warnings.join(' | ')}`)
    const which = await check(`${where} (after restart)`, expected)
    model = expected[which]!
  }

  try {
    for (const [index, { step, faults }] of c.steps.entries()) {
      totals.steps++
      const where = `step ${index + 1} (${JSON.stringify(step)}${faults.length ? `, faults ${JSON.stringify(faults)}` : ''})`
      const ids = [...model.keys()]
      const pickId = (n: number) => (ids.length ? ids[n % ids.length]! : undefined)
      counted = new Map()
      armed = faults
      const before = clone(model)
      /** The model if the step succeeds, set by the step before it runs (null: the step changes nothing). */
      let after: Model | null = null
      const killedSignal = new Promise<never>((_, reject) => {
        onKill = () => setTimeout(() => reject(new Killed()), 50)
      })
      const act = async (): Promise<void> => {
        switch (step.op) {
          case 'create': {
            const chart = step.chart === null ? undefined : `C-${step.chart}`
            const taken = chart && [...model.values()].some((p) => p.chartNumber === chart)
            try {
              const p = await h.createPatient(patientInput({ firstName: names[step.name]!, chartNumber: chart }))
              if (taken) throw new Error(`${where}: a second patient was given chart number ${chart}`)
              model.set(p.id, p)
            } catch (error) {
              // Only the refusal of a chart number already in use is expected here; any other failure is the step's.
              if (!(taken && error instanceof AppFailure && error.code === 'conflict')) throw error
            }
            return
          }
          case 'update': {
            const id = pickId(step.target)
            if (!id) return
            const current = model.get(id)!
            const p = await h.updatePatient({
              id,
              revision: current.revision,
              patient: patientInput({ firstName: names[step.name]!, chartNumber: current.chartNumber }),
            })
            if (
              JSON.stringify(p.programs) !== JSON.stringify(current.programs) ||
              JSON.stringify(p.handouts) !== JSON.stringify(current.handouts)
            ) {
              throw new Error(`${where}: an edit of details changed programs or handouts`)
            }
            model.set(id, p)
            return
          }
          case 'staleUpdate': {
            const id = pickId(step.target)
            if (!id) return
            const current = model.get(id)!
            try {
              await h.updatePatient({
                id,
                revision: current.revision + 1,
                patient: patientInput({ firstName: 'Stale', chartNumber: current.chartNumber }),
              })
            } catch (error) {
              if (error instanceof AppFailure && error.code === 'conflict') return
              throw error
            }
            throw new Error(`${where}: a save from an out-of-date copy was accepted`)
          }
          case 'delete': {
            const id = pickId(step.target)
            if (!id) return
            after = clone(model)
            after.delete(id)
            await h.deletePatient({ id })
            model.delete(id)
            deleted.push(id)
            return
          }
          case 'deleteGone': {
            // A restore can bring a deleted patient back: only ids the model no longer has count.
            const gone = deleted.filter((d) => !model.has(d))
            const id = gone.length ? gone[step.target % gone.length]! : undefined
            if (!id) return
            for (const attempt of [
              () => h.getPatient({ id }),
              () => h.deletePatient({ id }),
              () => h.saveProgram({ patientId: id, program: program('Ghost') }),
            ]) {
              try {
                await attempt()
              } catch (error) {
                if (error instanceof AppFailure && error.code === 'not_found') continue
                throw error
              }
              throw new Error(`${where}: the deleted patient ${id} still resolves to a record`)
            }
            return
          }
          case 'saveProgram': {
            const id = pickId(step.target)
            if (!id) return
            const current = model.get(id)!
            const existing = step.edit ? current.programs.at(-1) : undefined
            const p = await h.saveProgram({
              patientId: id,
              programId: existing?.id,
              revision: existing?.revision,
              program: program(`Plan ${index}`),
            })
            model.set(id, p)
            return
          }
          case 'handout': {
            const id = pickId(step.target)
            const prog = id ? model.get(id)!.programs.at(-1) : undefined
            if (!id || !prog) return
            const record = {
              id: newId(),
              at: now().toISOString(),
              programId: prog.id,
              layout: 'detailed' as const,
              paper: 'letter' as const,
              file: `handout-${index}.pdf`,
              snapshot: { title: prog.title, items: prog.items },
            }
            after = clone(model)
            after.set(id, { ...model.get(id)!, handouts: [...(model.get(id)!.handouts ?? []), record] })
            const p = await recordHandout(store, id, record)
            model.set(id, p)
            return
          }
          case 'backup': {
            const info = await h.backupNow(undefined)
            snapshots.set(info.id, clone(model))
            return
          }
          case 'restore': {
            const known = [...snapshots.keys()]
            if (!known.length) return
            const id = known[step.which % known.length]!
            after = clone(snapshots.get(id)!)
            await h.restoreBackup({ id })
            model = clone(snapshots.get(id)!)
            return
          }
          case 'import': {
            const existingIds = [...model.keys()]
            const incoming: Patient[] = Array.from({ length: step.count }, (_, i) => ({
              ...patientInput({ firstName: `Imported${i}`, chartNumber: undefined }),
              id: step.sharedId && i < 2 ? (existingIds[0] ?? 'shared-id-1') : `imp-${index}-${i}`,
              revision: 1,
              createdAt: '2026-01-01T00:00:00.000Z',
              updatedAt: '2026-01-01T00:00:00.000Z',
              programs: [],
            }))
            await writeFile(
              importFile,
              JSON.stringify({ format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, patients: incoming }),
            )
            const beforeIds = new Set(model.keys())
            const report = await h.importRoster(undefined)
            const added = (await live()).filter((p) => !beforeIds.has(p.id))
            if (report.imported !== step.count || added.length !== step.count) {
              throw new Error(`${where}: import reported ${report.imported} and added ${added.length} of ${step.count}`)
            }
            for (const p of added) model.set(p.id, p)
            return
          }
          case 'compact':
            await store.compact()
            return
          case 'reopen': {
            // A restart with the fault armed: it may hit the close, or the next open.
            await store.close()
            totals.reopens++
            ;({ store, backups } = await open())
            h = handlers()
            if (store.health.status !== 'ready' && fs.faults > 0) {
              // A fault while opening is reported for Try again, never taken for damage.
              if (store.health.status !== 'refused')
                throw new Error(
                  `${where}: a failed read at open sent the roster to ${store.health.status}: ${'reason' in store.health ? store.health.reason : ''}`,
                )
              await restart(false, [model], where)
            } else await verifyOpened([model], where)
            return
          }
        }
      }
      // Steps whose effect on disk is known in advance can be checked whole after a kill; others are recomputed below.
      let outcome: 'ok' | 'failed' | 'killed'
      const watch = killWatch()
      try {
        await Promise.race([act(), killedSignal, watch.killed])
        outcome = 'ok'
      } catch (error) {
        if (error instanceof Killed) outcome = 'killed'
        else if (error instanceof AppFailure && !fs.killed) outcome = 'failed'
        else throw error
      } finally {
        watch.stop()
      }
      onKill = () => {}
      armed = []
      if (fs.killed) outcome = 'killed'
      if (outcome === 'failed') {
        // A refused change left nothing behind in memory.
        model = before
        await check(`${where} (after a failed step)`, [model])
        if (store.health.status === 'read-only') {
          // The disk failed twice over (the refused lines could be neither cut off nor voided): the store takes no
          // more changes, and after a restart the refused change may be there, but only whole.
          totals.uncertain++
          await store.close()
          const expected: Expectation = [before]
          if (after) expected.push(after)
          else if (step.op === 'create') expected.push(...(await guessAfter(before, dir, [1], wrap(nodeFs))))
          else if (step.op === 'import') expected.push(...(await guessAfter(before, dir, [step.count], wrap(nodeFs))))
          else if (step.op === 'update' || step.op === 'saveProgram')
            expected.push(...(await guessAfter(before, dir, [0], wrap(nodeFs))))
          await restart(false, expected, where)
        }
      } else if (outcome === 'killed') {
        totals.kills++
        // The cut-off step is wholly there or wholly absent; for steps that only add to a patient, the model
        // had not been updated yet, so its expected result is computed from the step.
        const expected: Expectation = [before]
        if (after) expected.push(after)
        else if (step.op === 'create') expected.push(...(await guessAfter(before, dir, [1], wrap(nodeFs))))
        else if (step.op === 'import') expected.push(...(await guessAfter(before, dir, [step.count], wrap(nodeFs))))
        else if (step.op === 'update' || step.op === 'saveProgram')
          expected.push(...(await guessAfter(before, dir, [0], wrap(nodeFs))))
        if (model !== before && norm([...model.values()]) !== norm([...before.values()])) expected.push(model)
        await restart(true, expected, where)
      } else {
        await check(where, [model])
      }
    }
    const watch = killWatch()
    try {
      await Promise.race([store.close(), watch.killed])
      await restart(false, [model], 'at the end')
    } catch (error) {
      if (!(error instanceof Killed)) throw error
      // The last step's background compaction was killed: it rewrites what is already saved, so nothing changes.
      totals.kills++
      await restart(true, [model], 'at the end (a background save killed)')
    } finally {
      watch.stop()
    }
  } finally {
    totals.sequences++
    tally()
    await store.close().catch(() => {})
    await fs.reap()
    await rm(dir, { recursive: true, force: true })
    await rm(importFile, { force: true })
  }
}

/**
 * For a step killed before its result came back (so the model never learned the new record), the states a
 * restart may show: read from what a fresh, fault-free open of a copy of the folder finds, accepted only if
 * it differs from the model by exactly the records the step could touch. The check that matters (nothing
 * half-applied, nothing on the wrong patient) is then made by comparing record by record below.
 */
async function guessAfter(before: Model, dir: string, added: number[], fs: FsPort): Promise<Model[]> {
  const peek = await RosterStore.open({ dir, fs, readOnly: 'peek' })
  const found: Model = new Map(peek.health.status === 'read-only' ? peek.patients().map((p) => [p.id, p]) : [])
  await peek.close()
  // Every record the model had is there, all unchanged but (for an edit) one; exactly the step's new records were added.
  const changed = [...before.keys()].filter((id) => JSON.stringify(found.get(id)) !== JSON.stringify(before.get(id)))
  const missing = [...before.keys()].filter((id) => !found.has(id))
  const fresh = found.size - (before.size - missing.length)
  const ok =
    missing.length === 0 &&
    (added[0] === 0 ? changed.length <= 1 && fresh === 0 : changed.length === 0 && added.includes(fresh))
  return ok ? [found] : []
}
