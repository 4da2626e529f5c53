import type { z } from 'zod'

/** zod's own wording starts like this; a message a schema spells out itself never does. */
const ZOD_WORDING = /^(Too big|Too small|Invalid|Unrecognized)\b/

const count = (n: number | bigint, one: string, many: string) =>
  `${Number(n).toLocaleString('en-US')} ${n === 1 || n === 1n ? one : many}`

/** An issue's message in plain words: the schema's own sentence, or a plain version of zod's generic one. */
export function plainIssueMessage(issue: z.core.$ZodIssue): string {
  if (!ZOD_WORDING.test(issue.message)) return issue.message
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum
    const bound = issue.code === 'too_big' ? 'at most' : 'at least'
    if (issue.origin === 'string') return `This must be ${bound} ${count(limit, 'character', 'characters')} long.`
    if (issue.origin === 'array' || issue.origin === 'set')
      return `This can hold ${bound} ${count(limit, 'entry', 'entries')}.`
    return `This must be ${bound} ${Number(limit).toLocaleString('en-US')}.`
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'This is missing.'
  return 'This is not a valid value here.'
}

/** Turns the first schema problem into a sentence a therapist can act on, plus the field path. */
export function describeIssue(issues: readonly z.core.$ZodIssue[]): { message: string; field?: string } {
  const issue = issues[0]
  if (!issue) return { message: 'The request was not valid.' }
  const path = issue.path.map(String)
  if (issue.code === 'unrecognized_keys') {
    const key = [...path, issue.keys[0] ?? ''].join('.')
    return { message: `“${key}” is not a field this request accepts.`, field: key }
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
