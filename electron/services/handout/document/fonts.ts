import { Font } from '@react-pdf/renderer'
import type { Font as FontkitFont } from 'fontkit'
import { memoizeShaping } from './fontkit-shaping'

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
