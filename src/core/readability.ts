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

export function readability(lines: readonly string[]): Readability {
  const sentences = lines
    .flatMap((line) => line.split(/(?<=[.!?;:])\s+/))
    .map((s) => s.trim())
    .filter(Boolean)
  const words = sentences
    .flatMap((s) => s.split(/[\s/–—-]+/))
    .map((w) => w.replace(/[^\p{L}\p{N}']/gu, ''))
    .filter(Boolean)
  const syllables = words.reduce((n, w) => n + Math.max(1, syllable(w)), 0)
  const longest = sentences.reduce((a, b) => (b.split(/\s+/).length > a.split(/\s+/).length ? b : a), '')
  const grade =
    words.length === 0 ? 0 : fleschKincaid({ sentence: sentences.length, word: words.length, syllable: syllables })
  return { grade: Math.round(grade * 10) / 10, words: words.length, sentences: sentences.length, longest }
}
