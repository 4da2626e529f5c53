/**
 * Reading the roster folder and deciding what it means: the one place that
 * says whether the roster opens (ready), must be recovered from a backup, or
 * is refused (a newer Homeplan's file, or a folder that cannot be read right
 * now). It only reads; the store acts on the verdict.
 *
 * Damage costs only the damaged part: a journal line that fails its checksum is
 * left out (and reported), a torn last line was never acknowledged and is
 * dropped, an empty or duplicated line is harmless. Only a roster.json that
 * cannot be trusted as a whole sends the roster to recovery, and then every
 * readable journal change is kept so it can be applied again on top of a backup.
 */
import { join } from 'node:path'
import type { FsPort } from '../fs-port'
import { errnoOf } from '../fs-port'
import { summarize } from '../../../src/core/patient'
import { decodeSnapshotInSteps, SCHEMA_VERSION, SnapshotError, type RecordEntry } from './format'
import { NewerJournalError, readJournals, type Change, type JournalRead } from './journal'
import { say } from '../../../src/i18n/say'
import { AppFailure } from '../../../src/core/result'

export const ROSTER_FILE = 'roster.json'

const firstNumber = (journalFile: string) => Number(/(\d{12})/.exec(journalFile)?.[1] ?? 0)

export type Loaded =
  | {
      kind: 'ok'
      entries: RecordEntry[]
      /** The snapshot's last folded change; journal changes above it were applied. */
      snapshotSeq: number
      /** roster.json was there: without it, the journal files alone show that nothing came before them. */
      hasSnapshot: boolean
      lastSeq: number
      /** The version roster.json (or an old journal line) was written in, when older than ours. */
      upgradedFrom?: number
      journal: JournalRead
      warnings: string[]
    }
  | { kind: 'damaged'; reason: string; journal: JournalRead | undefined }
  | { kind: 'refused'; reason: string }

/** Applies changes in order to a map of records (insertion order is the roster's order). */
export function applyChange(
  records: Map<string, RecordEntry>,
  change: Change,
  entryOf: (change: Extract<Change, { op: 'put' }>) => RecordEntry,
): void {
  if (change.op === 'put') records.set(change.patient.id, entryOf(change))
  else records.delete(change.id)
}

/** A turn of the event loop, between the steps of opening a large roster. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function loadRoster(fs: FsPort, dir: string, pause: () => Promise<void> = nextTurn): Promise<Loaded> {
  const file = join(dir, ROSTER_FILE)
  let buf: Buffer | undefined
  try {
    buf = await fs.readFile(file)
  } catch (error) {
    // An encrypted folder without its key (sealedFs): refused with its own words, nothing read.
    if (error instanceof AppFailure) return { kind: 'refused', reason: error.message }
    const code = errnoOf(error)
    if (code === 'EISDIR')
      return {
        kind: 'damaged',
        reason: say('load.folder'),
        journal: await readJournals(fs, dir).catch(() => undefined),
      }
    if (code !== 'ENOENT')
      return {
        kind: 'refused',
        reason: say('load.cannotRead', { code: code ?? say('file.unknownError') }),
      }
  }

  let journal: JournalRead
  try {
    journal = await readJournals(fs, dir)
  } catch (error) {
    if (error instanceof NewerJournalError)
      return { kind: 'refused', reason: say('load.newerJournal', { detail: error.message }) }
    if (error instanceof AppFailure) return { kind: 'refused', reason: error.message }
    return {
      kind: 'refused',
      reason: say('load.cannotReadJournal', { code: errnoOf(error) ?? say('file.unknownError') }),
    }
  }

  let entries: RecordEntry[] = []
  let snapshotSeq = 0
  let upgradedFrom: number | undefined
  if (buf) {
    try {
      const decoded = await decodeSnapshotInSteps(buf, pause)
      entries = decoded.entries
      snapshotSeq = decoded.header.lastSeq
      if (decoded.fileVersion < SCHEMA_VERSION) upgradedFrom = decoded.fileVersion
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error
      if (error.kind === 'newer') return { kind: 'refused', reason: error.message }
      return { kind: 'damaged', reason: error.message, journal }
    }
  } else if (journal.files.length > 0 && Math.min(firstNumber(journal.files[0]!), ...journal.voids) > 1) {
    // The oldest journal starts after change 1: the changes before it were in the roster.json that is gone. (A void
    // marker from change 1 on explains a later first file: the first save failed, nothing was acknowledged before it.)
    return {
      kind: 'damaged',
      reason: say('load.snapshotMissing', { count: journal.changes.length }),
      journal,
    }
  }

  const warnings: string[] = []
  const records = new Map(entries.map((e) => [e.summary.id, e]))
  let lastSeq = snapshotSeq
  let missing = 0
  for (const change of journal.changes) {
    if (change.seq <= snapshotSeq) continue
    if (change.seq > lastSeq + 1) missing += change.seq - lastSeq - 1
    applyChange(records, change, (c) => ({ summary: summarize(c.patient), patient: c.patient }))
    lastSeq = change.seq
  }
  if (journal.damaged.length) {
    const files = [...new Set(journal.damaged.map((d) => d.file))]
    warnings.push(
      `${say('load.damagedChanges', { count: journal.damaged.length })} ${say('load.damagedCopy', { count: files.length })}`,
    )
  }
  // Gaps a damaged line explains were reported above already.
  missing -= journal.damaged.length
  if (missing > 0) warnings.push(say('load.gap', { count: missing }))
  if (journal.oldestVersion < SCHEMA_VERSION)
    upgradedFrom = Math.min(upgradedFrom ?? SCHEMA_VERSION, journal.oldestVersion)
  return {
    kind: 'ok',
    entries: [...records.values()],
    snapshotSeq,
    hasSnapshot: buf !== undefined,
    lastSeq,
    upgradedFrom,
    journal,
    warnings,
  }
}
