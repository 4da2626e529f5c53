import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { describeIssue, plainIssueMessage } from '../../src/core/issues'

const issueOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('expected a problem')
  return result.error.issues[0]!
}

describe('plainIssueMessage', () => {
  it('keeps a message the schema spells out itself', () => {
    expect(plainIssueMessage(issueOf(z.string().min(1, 'Enter a first name.'), ''))).toBe('Enter a first name.')
  })

  it('puts zod’s generic wording into plain words', () => {
    expect(plainIssueMessage(issueOf(z.array(z.number()).max(500), Array(501).fill(1)))).toBe(
      'This can hold at most 500 entries.',
    )
    expect(plainIssueMessage(issueOf(z.array(z.number()).min(1), []))).toBe('This can hold at least 1 entry.')
    expect(plainIssueMessage(issueOf(z.string().max(1000), 'x'.repeat(1001)))).toBe(
      'This must be at most 1,000 characters long.',
    )
    expect(plainIssueMessage(issueOf(z.number().max(31), 40))).toBe('This must be at most 31.')
    expect(plainIssueMessage(issueOf(z.strictObject({ a: z.string() }), {}))).toBe('This is missing.')
    expect(plainIssueMessage(issueOf(z.enum(['a', 'b']), 'c'))).toBe('This is not a valid value here.')
  })
})

describe('describeIssue', () => {
  it('names the field and never shows zod’s own text', () => {
    const { error } = z.strictObject({ programs: z.array(z.number()).max(2) }).safeParse({ programs: [1, 2, 3] })
    expect(describeIssue(error!.issues)).toEqual({
      field: 'programs',
      message: 'programs: This can hold at most 2 entries.',
    })
  })
})
