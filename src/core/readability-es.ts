import { sentencesAndWords } from './readability'

/**
 * Reading ease of Spanish patient text: Fernández-Huerta (as textstat and most Spanish tools compute it,
 * 206.84 − 60 × syllables per word − 1.02 × words per sentence) and Szigriszt-Pazos / INFLESZ
 * (206.835 − 62.3 × syllables per word − words per sentence). Each step or tip counts as its own sentence,
 * as in ./readability for English.
 *
 * Syllables are counted by Spanish spelling rules, which are regular enough to count exactly for ordinary
 * words: every run of vowels is one syllable per strong vowel (a, e, o, or an accented í / ú), since two
 * strong vowels side by side are a hiatus and an unaccented i / u joins its neighbour in a diphthong or
 * triphthong; a run of weak vowels alone ("muy", "ciudad") is one. A final y after a vowel is a vowel ("hoy").
 */
export interface SpanishReadability {
  /** Fernández-Huerta: 80–90 "fácil", 70–80 "bastante fácil", 60–70 "normal". */
  fernandezHuerta: number
  /** INFLESZ (Szigriszt-Pazos): above 80 "muy fácil", 65–80 "bastante fácil", 55–65 "normal". */
  inflesz: number
  words: number
  sentences: number
  longest: string
}

const strong = new Set([...'aeoáéóíú'])
const vowel = new Set([...'aeiouáéíóúü'])

export function spanishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, '')
  let count = 0
  let run = ''
  const close = () => {
    if (run) count += Math.max(1, [...run].filter((c) => strong.has(c)).length)
    run = ''
  }
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!
    const yAsVowel = c === 'y' && (i === w.length - 1 || !vowel.has(w[i + 1]!)) && (i > 0 || w.length === 1)
    if (vowel.has(c) || yAsVowel) run += yAsVowel ? 'i' : c
    else close()
  }
  close()
  return Math.max(1, count)
}

export function spanishReadability(lines: readonly string[]): SpanishReadability {
  const { sentences, words, longest } = sentencesAndWords(lines)
  const syllables = words.reduce((n, w) => n + spanishSyllables(w), 0)
  if (words.length === 0) return { fernandezHuerta: 100, inflesz: 100, words: 0, sentences: 0, longest }
  const perWord = syllables / words.length
  const perSentence = words.length / sentences.length
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    fernandezHuerta: round(206.84 - 60 * perWord - 1.02 * perSentence),
    inflesz: round(206.835 - 62.3 * perWord - perSentence),
    words: words.length,
    sentences: sentences.length,
    longest,
  }
}
