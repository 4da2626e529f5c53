import type { z } from 'zod'
import { say } from '../i18n/say'

/** zod's own wording starts like this; a message a schema spells out itself never does. */
const ZOD_WORDING = /^(Too big|Too small|Invalid|Unrecognized)\b/

/** An issue's message in plain words: the schema's own sentence, or a plain version of zod's generic one. */
export function plainIssueMessage(issue: z.core.$ZodIssue): string {
  if (!ZOD_WORDING.test(issue.message)) return issue.message
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const big = issue.code === 'too_big'
    const limit = Number(big ? issue.maximum : issue.minimum)
    if (issue.origin === 'string')
      return say(big ? 'issue.atMostCharacters' : 'issue.atLeastCharacters', { count: limit })
    if (issue.origin === 'array' || issue.origin === 'set')
      return say(big ? 'issue.atMostEntries' : 'issue.atLeastEntries', { count: limit })
    return say(big ? 'issue.atMost' : 'issue.atLeast', { limit })
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return say('issue.missing')
  return say('issue.invalid')
}

/** Turns the first schema problem into a sentence a therapist can act on, plus the field path. */
export function describeIssue(issues: readonly z.core.$ZodIssue[]): { message: string; field?: string } {
  const issue = issues[0]
  if (!issue) return { message: say('issue.request') }
  const path = issue.path.map(String)
  if (issue.code === 'unrecognized_keys') {
    const key = [...path, issue.keys[0] ?? ''].join('.')
    return { message: say('issue.unknownField', { key }), field: key }
  }
  const field = path.join('.')
  const message = plainIssueMessage(issue)
  return field ? { message: `${field}: ${message}`, field } : { message }
}

/** A failed call's message without the field path the service puts in front ("program.items.0.dosage.reps.max: …", "url: …"). */
export const withoutPath = (error: { message: string; field?: string }): string =>
  error.field && error.message.startsWith(`${error.field}: `)
    ? error.message.slice(error.field.length + 2)
    : error.message
