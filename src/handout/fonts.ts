import { Font } from '@react-pdf/renderer'

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

/** Registers the bundled fonts from `fontsDir` (resources/fonts) once per process. */
export function registerFonts(fontsDir: string): void {
  if (registered === fontsDir) return
  for (const [family, subset] of Object.entries(FILES)) {
    Font.register({
      family,
      fonts: [400, 700].map((fontWeight) => ({ src: `${fontsDir}/noto-sans-${subset}-${fontWeight}-normal.ttf`, fontWeight })),
    })
  }
  // react-pdf breaks lines only between the parts this returns; splitting very long tokens lets them wrap.
  Font.registerHyphenationCallback((word) => {
    if (word.length <= MAX_UNBROKEN) return [word]
    const parts: string[] = []
    for (let i = 0; i < word.length; i += MAX_UNBROKEN) parts.push(word.slice(i, i + MAX_UNBROKEN))
    return parts
  })
  registered = fontsDir
}
