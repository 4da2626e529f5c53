import { Font } from '@react-pdf/renderer'
import type { Font as FontkitFont, GlyphRun } from 'fontkit'

/** One family per Noto Sans subset, tried in this order for every character (react-pdf font fallback). */
export const FONT_STACK = ['NotoLatin', 'NotoLatinExt', 'NotoCyrillic', 'NotoGreek', 'NotoVietnamese']
const FILES: Record<string, string> = {
  NotoLatin: 'latin',
  NotoLatinExt: 'latin-ext',
  NotoCyrillic: 'cyrillic',
  NotoGreek: 'greek',
  NotoVietnamese: 'vietnamese',
}

/** Longest run of letters kept together; longer words and URLs are broken so they stay inside the card. */
const MAX_UNBROKEN = 18

let registered = ''
const WEIGHTS = [400, 700]

/**
 * Where react-pdf may break a word (it breaks lines only between the parts returned). A hyphenated name breaks
 * after its own hyphen: an empty part there is a break without an added hyphen (between two ordinary parts
 * react-pdf adds one, which printed "Konstantinopoulou--"). Very long tokens are cut into pieces so they wrap.
 */
export function wordParts(word: string): string[] {
  const pieces = word.split(/(?<=[-/])(?=.)/)
  return pieces.flatMap((piece, n) => {
    const cut: string[] = []
    for (let i = 0; i < piece.length; i += MAX_UNBROKEN) cut.push(piece.slice(i, i + MAX_UNBROKEN))
    return n < pieces.length - 1 ? [...cut, ''] : cut
  })
}

/** Registers the bundled fonts from `fontsDir` (resources/fonts) once per process. */
export function registerFonts(fontsDir: string): void {
  if (registered === fontsDir) return
  for (const [family, subset] of Object.entries(FILES)) {
    Font.register({
      family,
      fonts: WEIGHTS.map((fontWeight) => ({
        src: `${fontsDir}/noto-sans-${subset}-${fontWeight}-normal.ttf`,
        fontWeight,
      })),
    })
  }
  Font.registerHyphenationCallback(wordParts)
  registered = fontsDir
}

/**
 * Shaped runs kept per font, the least recently used dropped first: a handout shapes a few hundred, a
 * 60-exercise booklet under a thousand, and each takes about 6 KB (so at most ~12 MB a font).
 */
const SHAPED_LIMIT = 2_000
const memoized = new WeakSet<object>()

/**
 * Remembers the font's shaping (fontkit's layout: glyph substitution and positioning) by string. react-pdf
 * shapes every run of text again on every render, which was over half of its text layout time, while a
 * handout prints the same sentences render after render (and in the measuring pass and the real one).
 * Callers get their own copies of the glyph and position arrays: pdfkit, for one, scales positions in place.
 */
function memoizeShaping(font: FontkitFont): void {
  if (memoized.has(font)) return
  memoized.add(font)
  const shape = font.layout.bind(font)
  const shaped = new Map<string, GlyphRun>()
  font.layout = (string, features, script, language, direction) => {
    const key = `${string}\u0000${features ? JSON.stringify(features) : ''}\u0000${script ?? ''}\u0000${language ?? ''}\u0000${direction ?? ''}`
    let run = shaped.get(key)
    if (run) {
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

/** Registers the fonts (see registerFonts) and loads them now, so their shaping can be remembered between renders. */
export async function prepareFonts(fontsDir: string): Promise<void> {
  registerFonts(fontsDir)
  await Promise.all(
    Object.keys(FILES).flatMap((fontFamily) =>
      WEIGHTS.map(async (fontWeight) => {
        await Font.load({ fontFamily, fontWeight })
        const font = Font.getFont({ fontFamily, fontWeight }).data
        if (font && 'layout' in font) memoizeShaping(font as FontkitFont)
      }),
    ),
  )
}
