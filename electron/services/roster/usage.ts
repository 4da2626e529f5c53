/**
 * Which saved programs use an exercise: asked before a custom exercise is deleted, so no program is
 * left naming an exercise that is gone (it could no longer be printed).
 */
import { AppFailure } from '../../../src/core/result'
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
    throw new AppFailure(
      'conflict',
      `Homeplan cannot check which programs use this exercise while the patient file is not open.${reason} Nothing was deleted.`,
    )
  }
  const uses: ExerciseUse[] = []
  for (const summary of store.list()) {
    if (summary.programCount === 0) continue
    let patient
    try {
      patient = store.get(summary.id)
    } catch (error) {
      const why = error instanceof Error ? ` ${error.message}` : ''
      throw new AppFailure(
        'conflict',
        `Homeplan could not check whether ${fullName(summary)}’s programs use this exercise.${why} Nothing was deleted.`,
      )
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
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? `, and ${names.length - 3} more` : '')
  const count = uses.length === 1 ? '1 program' : `${uses.length.toLocaleString('en-US')} programs`
  const those = uses.length === 1 ? 'that program' : 'those programs'
  return `“${exercise}” is used in ${count} (${shown}). Remove it from ${those} first. Nothing was deleted.`
}
