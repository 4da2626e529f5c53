import { describe, expect, it } from 'vitest'
import { fileNamePart, MAX_PART_BYTES, truncateUtf8 } from '../../electron/services/file-names'
import { defaultHandoutName } from '../../electron/services/handout/export'

const bytes = (value: string) => Buffer.byteLength(value, 'utf8')

describe('fileNamePart', () => {
  it('keeps ordinary names, accents and scripts as they are', () => {
    expect(fileNamePart('Łukasiewicz', 'x')).toBe('Łukasiewicz')
    expect(fileNamePart('Thị Mai', 'x')).toBe('Thị-Mai')
    expect(fileNamePart('O’Brien', 'x')).toBe('O’Brien')
  })

  it('drops NUL and other control characters', () => {
    expect(fileNamePart('An\u0000na', 'x')).toBe('Anna')
    expect(fileNamePart('\u0000\u0007\u001b', 'Patient')).toBe('Patient')
  })

  it('drops direction overrides and zero-width characters, so the name reads as it is stored', () => {
    expect(fileNamePart('\u202Efdp.exe', 'x')).toBe('fdp.exe')
    expect(fileNamePart('An\u2066na\u2069\u200B\u200D\uFEFF', 'x')).toBe('Anna')
    expect(fileNamePart('\u200B\u200B', 'Patient')).toBe('Patient')
  })

  it('drops lone surrogates (they cannot be written as UTF-8)', () => {
    expect(fileNamePart('An\uD800na\uDC00', 'x')).toBe('Anna')
    expect(fileNamePart('😀', 'x')).toBe('😀')
  })

  it('replaces path separators and `..`, so a name can never point into another folder', () => {
    expect(fileNamePart('../../etc/passwd', 'x')).toBe('etc-passwd')
    expect(fileNamePart('a..b', 'x')).toBe('a-b')
    expect(fileNamePart('..', 'Patient')).toBe('Patient')
    expect(fileNamePart('C:\\Users\\x', 'x')).toBe('C-Users-x')
    expect(fileNamePart('.hidden', 'x')).toBe('hidden')
  })

  it('collapses whitespace of every kind into one dash', () => {
    expect(fileNamePart('  María \t\n José\u00A0\u2028 ', 'x')).toBe('María-José')
  })

  it('caps each part at 60 bytes of UTF-8 without cutting a character', () => {
    const long = fileNamePart('Ж'.repeat(200), 'x')
    expect(long).toBe('Ж'.repeat(30))
    const emoji = fileNamePart('😀'.repeat(200), 'x')
    expect(bytes(emoji)).toBeLessThanOrEqual(MAX_PART_BYTES)
    expect(emoji).toBe('😀'.repeat(15))
    const accents = fileNamePart('e\u0301'.repeat(100), 'x')
    expect(bytes(accents)).toBeLessThanOrEqual(MAX_PART_BYTES)
    expect(accents).toBe('é'.repeat(30))
    expect(fileNamePart('漢'.repeat(200), 'x')).toBe('漢'.repeat(20))
  })

  it('uses the fallback when nothing usable is left', () => {
    expect(fileNamePart('', 'Patient')).toBe('Patient')
    expect(fileNamePart(' / \\ ', 'Patient')).toBe('Patient')
  })
})

describe('truncateUtf8', () => {
  it('keeps grapheme clusters whole', () => {
    expect(truncateUtf8('ab👍🏽', 9)).toBe('ab')
    expect(truncateUtf8('ab👍🏽', 10)).toBe('ab👍🏽')
  })
})

describe('defaultHandoutName', () => {
  it('stays a short, single file name for the worst names a tester could type', () => {
    const worst = { firstName: '\u0000'.repeat(5), lastName: '\u202E..' + '名'.repeat(200) }
    const full = defaultHandoutName(worst, '2026-01-02', 'en', 'full')
    expect(full).toBe(`${'名'.repeat(20)}_Patient_Home-program_2026-01-02.pdf`)
    const initials = defaultHandoutName(worst, '2026-01-02')
    expect(initials).toBe('Patient_Home-program_2026-01-02.pdf')
    for (const name of [full, initials]) {
      for (const bad of ['/', '\\', '\u0000', '\u202E', '..']) expect(name).not.toContain(bad)
      expect(bytes(name)).toBeLessThan(255)
    }
  })
})
