import { describe, expect, it } from 'vitest'
import { longDate } from '../../../../electron/services/handout/document/header'
import { logMonths } from '../../../../electron/services/handout/document/LogPage'
import { safetyLine } from '../../../../electron/services/handout/document/footer'
import { dosagePlain, dosageSummary, pictureHold } from '../../../../src/core/dosage-words'
import { dosageLine } from '../../../../src/core/dosage-format'
import { handoutInputSchema } from '../../../../src/core/handout-model'
import { handoutT } from '../../../../src/i18n'

const es = handoutT('es')
const input = (language: 'en' | 'es', date = '2026-11-26', logDays = 14) =>
  handoutInputSchema.parse({
    clinic: { name: 'Riverside Physical Therapy', phone: '(206) 555-0142' },
    patient: { firstName: 'Rosa', lastName: 'Peña' },
    date,
    language,
    logDays,
    program: { items: [{ name: 'Bridges', steps: ['Lift.'], dosage: {} }] },
  })

describe('the handout’s words in each language', () => {
  it('dates the handout and names the log’s months in its language', () => {
    expect(longDate('2026-11-26', 'en')).toBe('November 26, 2026')
    expect(longDate('2026-11-26', 'es')).toBe('26 de noviembre de 2026')
    expect(logMonths(input('en', '2026-12-28'))).toBe('December 2026 – January 2027')
    expect(logMonths(input('es', '2026-12-28'))).toBe('diciembre de 2026 – enero de 2027')
    expect(logMonths(input('es', '2026-11-02', 3))).toBe('noviembre de 2026')
  })

  it('says one and many as each language does, per side, on days, with a band', () => {
    expect(dosagePlain({ reps: { min: 1, max: 1 } })).toBe('Do 1 time.')
    expect(dosagePlain({ reps: { min: 1, max: 1 }, timesPerDay: 1, daysPerWeek: 1 }, es)).toBe(
      'Haga 1 vez. Una vez al día, 1 día a la semana.',
    )
    expect(dosagePlain({ sets: 3, reps: { min: 8, max: 12 }, side: 'both', timesPerDay: 2 }, es)).toBe(
      'Haga 8 a 12 veces de cada lado y luego descanse. Haga 3 series en total. Dos veces al día.',
    )
    expect(dosagePlain({ holdSeconds: 1, side: 'left', days: ['fri', 'mon'] }, es)).toBe(
      'Quédese así 1 segundo cada vez. Hágalo solo del lado izquierdo. Los días lun, vie.',
    )
    expect(dosagePlain({ resistance: { band: 'green', load: 2, unit: 'lb' } }, es)).toBe(
      'Use la banda verde. Use 2 lb.',
    )
    expect(dosageSummary({ sets: 2, reps: { min: 10, max: 10 }, holdSeconds: 60, holdSecondsMax: 120 }, es)).toEqual({
      amount: '10 veces, 2 series, mantener 1–2 minutos',
      often: '—',
    })
    expect(pictureHold({ durationSeconds: 30 }, undefined, es)).toBe('30 segundos')
    expect(dosageLine({ sets: 1, reps: { min: 10, max: 15 }, timesPerDay: 2, side: 'right' }, es)).toBe(
      '1 serie × 10–15 rep. · 2× al día · lado derecho',
    )
    expect(dosageLine({ sets: 1, reps: { min: 10, max: 15 }, timesPerDay: 2, side: 'right' })).toBe(
      '1 set × 10–15 reps · 2× daily · right side',
    )
  })

  it('ends every page with whom to call, in the handout’s language', () => {
    expect(safetyLine(input('en'))).toBe('Stop and call us at (206) 555-0142 if pain or other symptoms get worse.')
    expect(safetyLine(input('es'))).toBe('Pare y llámenos al (206) 555-0142 si el dolor u otros síntomas empeoran.')
  })
})
