import { describe, expect, it } from 'vitest'
import { spanishReadability, spanishSyllables } from '../../src/core/readability-es'

describe('Spanish syllables', () => {
  it('counts diphthongs as one, hiatus and accented weak vowels as two, a final y as a vowel', () => {
    const cases: Record<string, number> = {
      muy: 1,
      hoy: 1,
      y: 1,
      ciudad: 2, // ciu-dad: two weak vowels together
      puente: 2, // puen-te
      rodilla: 3,
      aéreo: 4, // a-é-re-o: strong vowels side by side are a hiatus
      río: 2, // rí-o: the accent breaks the diphthong
      poesía: 4,
      ayuda: 3, // a-yu-da: y before a vowel is a consonant
      guiso: 2,
      pingüino: 3,
      isquiotibiales: 5,
      estiramiento: 5,
      sentadilla: 4,
      Acuéstese: 4,
    }
    for (const [word, n] of Object.entries(cases)) expect(spanishSyllables(word), word).toBe(n)
  })
})

describe('Spanish reading ease', () => {
  it('scores short everyday instructions as easy and long technical ones as hard, on both scales', () => {
    const plain = spanishReadability([
      'Acuéstese de lado con las rodillas dobladas.',
      'Suba la rodilla de arriba despacio.',
      'Pare si le duele la cadera.',
    ])
    const technical = spanishReadability([
      'Realice una abducción isométrica de la articulación coxofemoral manteniendo la estabilización lumbopélvica durante la contracción excéntrica controlada de la musculatura glútea.',
    ])
    expect(plain.fernandezHuerta).toBeGreaterThanOrEqual(80)
    expect(plain.inflesz).toBeGreaterThanOrEqual(65)
    expect(technical.fernandezHuerta).toBeLessThan(40)
    expect(technical.inflesz).toBeLessThan(40)
    expect(plain.sentences).toBe(3)
    expect(technical.longest).toMatch(/^Realice/)
  })

  it('computes Fernández-Huerta and INFLESZ from syllables per word and words per sentence', () => {
    // Ba-je la pier-na des-pa-cio: 4 words, 8 syllables, one sentence.
    const r = spanishReadability(['Baje la pierna despacio.'])
    const syllables = ['Baje', 'la', 'pierna', 'despacio'].reduce((n, w) => n + spanishSyllables(w), 0)
    expect(syllables).toBe(8)
    expect(r.fernandezHuerta).toBeCloseTo(206.84 - 60 * (8 / 4) - 1.02 * 4, 1)
    expect(r.inflesz).toBeCloseTo(206.835 - 62.3 * (8 / 4) - 4, 1)
  })
})
