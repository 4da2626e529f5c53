import { programInputSchema } from '../../core/patient'
import type { ProgramDraft } from './draft'
import { programT, type ProgramT } from './program-t'

/** Every problem in a draft, keyed by where it is ("title", "items.1.dosage.reps.max"), the first message per place. */
export function problemsOf(draft: ProgramDraft): Map<string, string> {
  const result = programInputSchema.safeParse({ ...draft, status: 'current' })
  const out = new Map<string, string>()
  if (result.success) return out
  for (const issue of result.error.issues) {
    const at = issue.path.map(String).join('.')
    if (!out.has(at)) out.set(at, issue.message)
  }
  return out
}

/** The first message at or under a place, e.g. any problem with one exercise's own steps. */
export function problemUnder(problems: Map<string, string>, at: string): string | undefined {
  for (const [path, message] of problems) if (path === at || path.startsWith(`${at}.`)) return message
  return undefined
}

/**
 * The first problem as a sentence that says where to look, never a schema path:
 * "Exercise 2 (Bridges): The upper end of the reps range must not be below the lower end."
 */
export function firstProblem(
  draft: ProgramDraft,
  nameOf: (exerciseId: string) => string | undefined = () => undefined,
  t: ProgramT = programT,
): string | undefined {
  const first = problemsOf(draft).entries().next()
  if (first.done) return undefined
  const [path, message] = first.value
  const [head, index] = path.split('.')
  if (head !== 'items' || index === undefined || !/^\d+$/.test(index)) return message
  const item = draft.items[Number(index)]
  const name = item ? nameOf(item.exerciseId) : undefined
  const number = Number(index) + 1
  return name ? t('problems.exerciseNamed', { number, name, message }) : t('problems.exercise', { number, message })
}
