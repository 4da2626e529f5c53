import { describe, expect, it } from 'vitest'
import { humanText, storedText, textProblem } from '../../src/core/text'

const firstName = humanText({ max: 100, label: 'field.firstName', required: 'required.firstName' })
const notes = humanText({ max: 5000, label: 'field.notes', multiline: true })
const messageOf = (schema: typeof firstName, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? undefined : result.error.issues[0]?.message
}

describe('humanText', () => {
  it('accepts and trims ordinary names in any script, with emoji and right-to-left text', () => {
    for (const name of ['Anna', 'Łukasiewicz', 'Thị Mai', 'محمد', 'שרה', '李小龍', 'Zoë 👍🏽', 'O’Brien-Smith']) {
      expect(firstName.parse(` ${name} `)).toBe(name)
    }
    // A right-to-left mark (not an override) is ordinary in mixed-direction names.
    expect(firstName.parse('Dana \u200F(דנה)')).toBe('Dana \u200F(דנה)')
  })

  it('refuses NUL and other control characters in plain words', () => {
    expect(messageOf(firstName, '\u0000')).toBe('First name cannot contain hidden control characters.')
    expect(messageOf(firstName, 'An\u0000na')).toBe('First name cannot contain hidden control characters.')
    expect(messageOf(firstName, 'An\u001bna')).toBe('First name cannot contain hidden control characters.')
    expect(messageOf(firstName, 'An\u0085na')).toBe('First name cannot contain hidden control characters.')
    expect(messageOf(notes, 'line\u0000')).toBe('Notes cannot contain hidden control characters.')
  })

  it('allows line breaks and tabs only in multi-line fields', () => {
    expect(messageOf(firstName, 'An\nna')).toBe('First name must be a single line, without tabs or line breaks.')
    expect(messageOf(firstName, 'An\tna')).toBe('First name must be a single line, without tabs or line breaks.')
    expect(notes.parse('First line\n\tSecond line\r\nThird')).toBe('First line\n\tSecond line\r\nThird')
  })

  it('refuses values that are only zero-width or format characters', () => {
    expect(messageOf(firstName, '\u200B\u200B')).toBe('First name cannot be made only of invisible characters.')
    expect(messageOf(firstName, '\u200C\u200D\u2060\u00AD')).toBe(
      'First name cannot be made only of invisible characters.',
    )
    expect(messageOf(firstName, '\uFEFF')).toBe('Enter a first name.')
    expect(messageOf(firstName, '   ')).toBe('Enter a first name.')
  })

  it('refuses lone UTF-16 surrogates but keeps whole emoji', () => {
    expect(messageOf(firstName, 'Anna\uD83D')).toMatch(/^First name contains a broken character/)
    expect(messageOf(firstName, '\uDE00Anna')).toMatch(/^First name contains a broken character/)
    expect(firstName.parse('Anna 😀')).toBe('Anna 😀')
  })

  it('refuses every direction embedding, override and isolate', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(messageOf(firstName, `Anna${c}exe.pdf`)).toBe(
        'First name cannot contain hidden text-direction characters.',
      )
    }
  })

  it('still limits the length', () => {
    expect(messageOf(firstName, 'x'.repeat(101))).toBe('First name can be at most 100 characters.')
  })
})

describe('storedText', () => {
  it('accepts what was saved before the stricter input rules, so older records still load', () => {
    const stored = storedText({ max: 100, label: 'field.firstName', required: 'required.firstName' })
    for (const value of ['\u0000', '\u200B', 'Anna\uD83D', '\u202Eevil', 'two\nlines'])
      expect(stored.parse(value)).toBe(value)
    expect(stored.safeParse('').success).toBe(false)
    expect(stored.safeParse('x'.repeat(101)).success).toBe(false)
  })
})

describe('textProblem', () => {
  it('reports nothing for empty optional text', () => {
    expect(textProblem('', { label: 'field.phone' })).toBeUndefined()
  })
})
