import type { Dosage } from './dosage'
import {
  bandText,
  countRange,
  daysIn,
  holdRange,
  loadText,
  setsText,
  shortSeconds,
  shortSecondsRange,
  sideText,
} from './dosage-format'
import type { ProgramItem } from './patient'
import { handoutT, type HandoutT } from '../i18n'

/** One difference between the program as last printed and as it is now, in words a therapist reads at a glance. */
export interface ProgramChange {
  kind: 'added' | 'removed' | 'dosage' | 'steps' | 'notes' | 'order'
  /** The exercise's name (empty for a change of order, which is about the whole program). */
  exercise: string
  /** "Bridges: 10 → 12 times, 2 → 3 sets". */
  text: string
}

type Item = Pick<ProgramItem, 'id' | 'exerciseId' | 'dosage' | 'instructionOverride' | 'notes'>

/** Each part of a dosage as the builder shows it, so a change reads "10 → 12 times", not as two objects. */
const dosageParts = (t: HandoutT): { label: string; of: (d: Dosage) => string | undefined }[] => [
  {
    label: t('changes.label.times'),
    of: (d) => (d.reps ? t('changes.times', { range: countRange(d.reps.min, d.reps.max) }) : undefined),
  },
  { label: t('changes.label.sets'), of: (d) => (d.sets ? setsText(d.sets, t) : undefined) },
  {
    label: t('changes.label.hold'),
    of: (d) => {
      const hold = holdRange(d)
      return hold ? t('line.hold', { time: shortSecondsRange(hold) }) : undefined
    },
  },
  {
    label: t('changes.label.duration'),
    of: (d) => (d.durationSeconds ? t('changes.lasting', { time: shortSeconds(d.durationSeconds) }) : undefined),
  },
  {
    label: t('changes.label.rest'),
    of: (d) => (d.restSeconds ? t('line.rest', { time: shortSeconds(d.restSeconds) }) : undefined),
  },
  {
    label: t('changes.label.perDay'),
    of: (d) => (d.timesPerDay ? t('changes.perDay', { count: d.timesPerDay }) : undefined),
  },
  {
    label: t('changes.label.days'),
    of: (d) =>
      d.days?.length
        ? daysIn(t, d.days, '/')
        : d.daysPerWeek
          ? t('dose.daysAWeek', { count: d.daysPerWeek })
          : undefined,
  },
  { label: t('changes.label.side'), of: (d) => (d.side ? sideText(d.side, t) : undefined) },
  { label: t('changes.label.band'), of: (d) => bandText(d, t) },
  { label: t('changes.label.load'), of: loadText },
]

/** The first number in a part ("hold 5–10 s": "hold ", "5–10", " s"), when a space or the end follows it. */
const NUMBER = /^(\D*?)([\d.–]+)( .*|)$/

/** "10 → 12 times", "no hold → hold 5 s", "left side → no side" for every part that differs. */
export function dosageChanges(before: Dosage, after: Dosage, t: HandoutT = handoutT()): string[] {
  const out: string[] = []
  for (const part of dosageParts(t)) {
    const a = part.of(before)
    const b = part.of(after)
    if (a === b) continue
    if (a && b) {
      // "10 times → 12 times" reads better as "10 → 12 times" when only the number changed.
      const [ma, mb] = [NUMBER.exec(a), NUMBER.exec(b)]
      const onlyNumber = ma && mb && ma[1] === mb[1] && ma[3] === mb[3]
      out.push(onlyNumber ? `${ma[1]}${ma[2]} → ${mb[2]}${mb[3]}` : `${a} → ${b}`)
    } else {
      const none = t('changes.none', { what: part.label })
      out.push(a ? `${a} → ${none}` : `${none} → ${b}`)
    }
  }
  return out
}

const steps = (item: Item) => (item.instructionOverride ?? []).map((s) => s.trim()).filter(Boolean)
const notes = (item: Item) => item.notes?.trim() ?? ''
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * What changed between the exercises as printed and as they are now: added and removed exercises, changed
 * dosage (part by part), changed steps or notes for this patient, and a change of order among the exercises
 * kept. An exercise is the same one when its program item is (its id), or, for items removed and added
 * again, when it is the same library exercise (taken in order). Empty when nothing a patient reads changed.
 */
export function changesSince(
  printed: readonly Item[],
  current: readonly Item[],
  exerciseName: (exerciseId: string) => string | undefined,
  t: HandoutT = handoutT(),
): ProgramChange[] {
  const name = (item: Item) => exerciseName(item.exerciseId) ?? item.exerciseId
  const pairs = new Map<Item, Item>()
  const taken = new Set<Item>()
  const pair = (before: Item, now: Item) => {
    pairs.set(before, now)
    taken.add(now)
  }
  const currentById = new Map(current.map((item) => [item.id, item]))
  for (const before of printed) {
    const now = currentById.get(before.id)
    if (now && now.exerciseId === before.exerciseId && !taken.has(now)) pair(before, now)
  }
  for (const before of printed) {
    if (pairs.has(before)) continue
    const now = current.find((item) => !taken.has(item) && item.exerciseId === before.exerciseId)
    if (now) pair(before, now)
  }
  const changes: ProgramChange[] = []
  for (const before of printed) {
    const now = pairs.get(before)
    if (!now)
      changes.push({ kind: 'removed', exercise: name(before), text: t('changes.removed', { name: name(before) }) })
  }
  for (const now of current)
    if (!taken.has(now))
      changes.push({ kind: 'added', exercise: name(now), text: t('changes.added', { name: name(now) }) })
  for (const before of printed) {
    const now = pairs.get(before)
    if (!now) continue
    const dosage = dosageChanges(before.dosage, now.dosage, t)
    if (dosage.length) changes.push({ kind: 'dosage', exercise: name(now), text: `${name(now)}: ${dosage.join(', ')}` })
    if (!sameList(steps(before), steps(now))) {
      const what = t(
        !steps(now).length
          ? 'changes.librarySteps'
          : !steps(before).length
            ? 'changes.ownSteps'
            : 'changes.stepsChanged',
      )
      changes.push({ kind: 'steps', exercise: name(now), text: `${name(now)}: ${what}` })
    }
    if (notes(before) !== notes(now)) {
      const what = t(!notes(now) ? 'changes.noteRemoved' : !notes(before) ? 'changes.noteAdded' : 'changes.noteChanged')
      changes.push({ kind: 'notes', exercise: name(now), text: `${name(now)}: ${what}` })
    }
  }
  // The order of the exercises both lists share: adding or removing one does not count as moving the others.
  const keptBefore = printed.filter((item) => pairs.has(item)).map((item) => pairs.get(item)!)
  const keptNow = current.filter((item) => taken.has(item))
  if (keptBefore.some((item, i) => item !== keptNow[i]))
    changes.push({ kind: 'order', exercise: '', text: t('changes.order') })
  return changes
}

/** The most recent handout given for a program, if any: the one the builder compares with. */
export function lastHandoutFor<H extends { programId: string; at: string }>(
  handouts: readonly H[] | undefined,
  programId: string | undefined,
): H | undefined {
  if (!programId) return undefined
  return (handouts ?? [])
    .filter((h) => h.programId === programId)
    .reduce<H | undefined>((last, h) => (last && last.at >= h.at ? last : h), undefined)
}
