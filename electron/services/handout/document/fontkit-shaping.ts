/**
 * The only place that changes fontkit: it replaces `layout` on each loaded font object (for the whole process) with
 * a version that remembers its results, because react-pdf shapes every run of text again on every render.
 *
 * It relies on, in fontkit 2.0 as used by @react-pdf/font 4.1 (@react-pdf/renderer 4.9):
 * - react-pdf's `Font.getFont({ fontFamily, fontWeight }).data`, once `Font.load` has run, being the fontkit font
 *   object that react-pdf's text layout calls `layout` on;
 * - `font.layout(string, features, script, language, direction)` returning a GlyphRun whose `glyphs` and
 *   `positions` arrays callers may change (pdfkit scales positions in place), so each caller gets its own copies;
 * - an own property `layout` on the font object taking precedence over fontkit's method on its prototype.
 *
 * If react-pdf stops calling `layout`, text still prints correctly, only slower. tests/services/handout/document/
 * fontkit-shaping.test.tsx checks it on the installed packages and names the package and version to look at.
 */
import type { Font as FontkitFont, GlyphRun } from 'fontkit'

/**
 * Shaped runs kept per font, the least recently used dropped first: a handout shapes a few hundred, a
 * 60-exercise booklet under a thousand, and each takes about 6 KB (so at most ~12 MB a font).
 */
const SHAPED_LIMIT = 2_000
const memoized = new WeakSet<object>()

/** Calls to the replaced `layout` and how many were answered from memory, since the start: what the test watches. */
export const shapingCalls = { total: 0, remembered: 0 }

/** Whether `font.layout` is the replacement (memoizeShaping ran on this font object). */
export const shapingMemoized = (font: object): boolean => memoized.has(font)

/**
 * Remembers the font's shaping (fontkit's layout: glyph substitution and positioning) by string. react-pdf
 * shapes every run of text again on every render, which was over half of its text layout time, while a
 * handout prints the same sentences render after render (and in the measuring pass and the real one).
 * Callers get their own copies of the glyph and position arrays: pdfkit, for one, scales positions in place.
 */
export function memoizeShaping(font: FontkitFont): void {
  if (memoized.has(font)) return
  memoized.add(font)
  const shape = font.layout.bind(font)
  const shaped = new Map<string, GlyphRun>()
  font.layout = (string, features, script, language, direction) => {
    const key = `${string}\u0000${features ? JSON.stringify(features) : ''}\u0000${script ?? ''}\u0000${language ?? ''}\u0000${direction ?? ''}`
    shapingCalls.total++
    let run = shaped.get(key)
    if (run) {
      shapingCalls.remembered++
      shaped.delete(key)
    } else {
      run = shape(string, features, script, language, direction)
      if (shaped.size >= SHAPED_LIMIT) shaped.delete(shaped.keys().next().value!)
    }
    shaped.set(key, run)
    const copy: GlyphRun = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run)
    copy.glyphs = [...run.glyphs]
    copy.positions = run.positions.map((p) =>
      Object.assign(Object.create(Object.getPrototypeOf(p) as object) as typeof p, p),
    )
    return copy
  }
}
