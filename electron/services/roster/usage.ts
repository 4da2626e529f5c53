/**
 * Which saved programs use an exercise: asked before a custom exercise is deleted, so no program is
 * left naming an exercise that is gone (it could no longer be printed).
 */
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import type { RosterStore } from './store'
import { fullName } from '../../../src/core/names'

export interface ExerciseUse {
  patientId: string
  patient: string
  program: string
}

export function programsUsing(store: RosterStore, exerciseId: string): ExerciseUse[] {
  if (store.health.status !== 'ready' && store.health.status !== 'read-only') {
    const reason = 'reason' in store.health ? ` ${store.health.reason}` : ''
    throw new AppFailure('conflict', say('usage.notOpen', { reason }))
  }
  const uses: ExerciseUse[] = []
  for (const summary of store.list()) {
    if (summary.programCount === 0) continue
    let patient
    try {
      patient = store.get(summary.id)
    } catch (error) {
      const why = error instanceof Error ? ` ${error.message}` : ''
      throw new AppFailure('conflict', say('usage.unreadable', { name: fullName(summary), why }))
    }
    for (const program of patient?.programs ?? []) {
      if (program.items.some((item) => item.exerciseId === exerciseId)) {
        uses.push({
          patientId: summary.id,
          patient: fullName(summary),
          program: program.title,
        })
      }
    }
  }
  return uses
}

/** "Used in 3 programs (Jane Doe, John Roe). Remove it from those programs first." */
export function describeUses(exercise: string, uses: readonly ExerciseUse[]): string {
  const names = [...new Map(uses.map((u) => [u.patientId, u.patient])).values()]
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? say('usage.more', { count: names.length - 3 }) : '')
  return say('usage.used', { exercise, count: uses.length, shown })
}
