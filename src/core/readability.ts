/**
 * Reading grade of patient-facing text (US grade, Flesch–Kincaid), counted with wooorm's `syllable`
 * and `flesch-kincaid`. Each step or tip counts as its own sentence even without a full stop.
 */
import { fleschKincaid } from 'flesch-kincaid'
import { syllable } from 'syllable'

export interface Readability {
  grade: number
  words: number
  sentences: number
  /** The longest sentence, which is usually what to rewrite first. */
  longest: string
}

/**
 * The sentences and words of patient text: each line is at least one sentence; a word is a run of letters and
 * digits between spaces, slashes and dashes.
 */
export function sentencesAndWords(lines: readonly string[]): { sentences: string[]; words: string[]; longest: string } {
  const sentences = lines
    .flatMap((line) => line.split(/(?<=[.!?;:])\s+/))
    .map((s) => s.trim())
    .filter(Boolean)
  const words = sentences
    .flatMap((s) => s.split(/[\s/–—-]+/))
    .map((w) => w.replace(/[^\p{L}\p{N}']/gu, ''))
    .filter(Boolean)
  const longest = sentences.reduce((a, b) => (b.split(/\s+/).length > a.split(/\s+/).length ? b : a), '')
  return { sentences, words, longest }
}

export function readability(lines: readonly string[]): Readability {
  const { sentences, words, longest } = sentencesAndWords(lines)
  const syllables = words.reduce((n, w) => n + Math.max(1, syllable(w)), 0)
  const grade =
    words.length === 0 ? 0 : fleschKincaid({ sentence: sentences.length, word: words.length, syllable: syllables })
  return { grade: Math.round(grade * 10) / 10, words: words.length, sentences: sentences.length, longest }
}
