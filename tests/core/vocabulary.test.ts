import { describe, expect, it } from 'vitest'
import { formatBytes } from '../../src/core/bytes'
import { fileStamp, formatDate, fromFileStamp, isoDay } from '../../src/core/dates'
import { countRange, daysIn, shortSeconds, shortSecondsRange } from '../../src/core/dosage-format'
import { fold } from '../../src/core/fold'
import { dosagePlain, dosageSummary, secondsIn } from '../../src/core/dosage-words'
import { handoutT } from '../../src/i18n'
import { handoutLayoutSchema, layoutLabels, layoutWords, paperSizeSchema } from '../../src/core/handout-options'
import { id, mediaHash } from '../../src/core/ids'
import { calledName, fullName, listName, namedInFull } from '../../src/core/names'

describe('handout options', () => {
  it('accepts exactly the three layouts and two paper sizes', () => {
    expect(handoutLayoutSchema.options).toEqual(['detailed', 'compact', 'large'])
    expect(paperSizeSchema.safeParse('a4').success).toBe(true)
    expect(paperSizeSchema.safeParse('legal').success).toBe(false)
    expect(handoutLayoutSchema.safeParse('tiny').success).toBe(false)
  })
  it('names every layout, and says it in a sentence in lower case', () => {
    expect(Object.keys(layoutLabels)).toEqual(handoutLayoutSchema.options)
    expect(layoutWords('large')).toBe('large print')
  })
})

describe('ids and media names', () => {
  it('takes UUIDs and refuses what could leave a folder', () => {
    expect(id.safeParse('3f0c8a52-5b7e-4d2e-9f3c-1a2b3c4d5e6f').success).toBe(true)
    for (const bad of ['abc', '../../etc', 'a/b/c/d/e', 'x'.repeat(65)]) expect(id.safeParse(bad).success).toBe(false)
  })
  it('takes a hash-named PNG or JPEG only', () => {
    expect(mediaHash.safeParse(`${'a'.repeat(64)}.png`).success).toBe(true)
    expect(mediaHash.safeParse(`${'a'.repeat(64)}.gif`).success).toBe(false)
    expect(mediaHash.safeParse(`${'A'.repeat(64)}.png`).success).toBe(false)
  })
})

describe('names', () => {
  const p = { firstName: 'María', lastName: 'López', preferredName: 'Mari' }
  it('writes a full name, a list name and the name a patient is called by', () => {
    expect(fullName(p)).toBe('María López')
    expect(namedInFull(p)).toBe('María “Mari” López')
    expect(listName(p)).toBe('López, María (Mari)')
    expect(listName({ ...p, preferredName: undefined })).toBe('López, María')
    expect(calledName(p)).toBe('Mari López')
    expect(calledName({ ...p, preferredName: '' })).toBe('María López')
  })
})

describe('dates', () => {
  it('reads a calendar date as the same day in every time zone', () => {
    expect(formatDate('1956-03-14')).toBe(
      new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
        Date.UTC(1956, 2, 14),
      ),
    )
    expect(formatDate(undefined)).toBe('')
  })
  it('makes file-name stamps without colons that read back to the same moment', () => {
    const at = new Date('2026-03-14T15:05:09.123Z')
    expect(fileStamp(at)).toBe('2026-03-14T15-05-09-123Z')
    expect(fromFileStamp(fileStamp(at)).getTime()).toBe(at.getTime())
    expect(Number.isNaN(fromFileStamp('not a stamp').getTime())).toBe(true)
    expect(isoDay(at)).toBe('2026-03-14')
  })
})

describe('formatBytes', () => {
  it('says small sizes exactly and larger ones to one decimal', () => {
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(512)).toBe('512 bytes')
    // A 10-byte file is not "1 KB" (what the Data section said).
    expect(formatBytes(10)).toBe('10 bytes')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(40 * 1024 ** 2)).toBe('40.0 MB')
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB')
  })
})

describe('fold', () => {
  it('drops accents and spells out letters Unicode does not decompose', () => {
    expect(fold('Łukasiewicz')).toBe('lukasiewicz')
    expect(fold('Nguyễn')).toBe('nguyen')
    expect(fold('Straße Øster')).toBe('strasse oster')
  })
})

describe('dosage words', () => {
  it('writes seconds short and long, and ranges', () => {
    expect(shortSeconds(45)).toBe('45 s')
    expect(shortSeconds(120)).toBe('2 min')
    expect(shortSeconds(90)).toBe('90 s')
    expect(secondsIn(handoutT(), 1)).toBe('1 second')
    expect(secondsIn(handoutT(), 60)).toBe('1 minute')
    expect(secondsIn(handoutT(), 180)).toBe('3 minutes')
    expect(secondsIn(handoutT('es'), 1)).toBe('1 segundo')
    expect(secondsIn(handoutT('es'), 90)).toBe('90 segundos')
    expect(secondsIn(handoutT('es'), 120)).toBe('2 minutos')
    expect(shortSecondsRange({ min: 30, max: 60 })).toBe('30–60 s')
    expect(shortSecondsRange({ min: 60, max: 120 })).toBe('1–2 min')
    expect(countRange(10, 10)).toBe('10')
    expect(countRange(10, 15, ' to ')).toBe('10 to 15')
  })
  it('lists days Monday first wherever they are printed', () => {
    expect(daysIn(handoutT(), ['fri', 'mon', 'wed'], '/')).toBe('Mon/Wed/Fri')
    expect(daysIn(handoutT('es'), ['sun', 'wed', 'sat'])).toBe('mié, sáb, dom')
    // The patient's sentences listed days in the order they were picked ("On Fri, Mon").
    expect(dosagePlain({ days: ['fri', 'mon'] })).toBe('On Mon, Fri.')
    expect(dosageSummary({ days: ['sun', 'tue'] }).often).toBe('Tue, Sun')
  })
})
