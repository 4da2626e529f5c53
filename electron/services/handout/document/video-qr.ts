/**
 * The QR code and the words printed with a clinic's video link (handout-model `video`). The matrix comes from the
 * `qrcode` package (a kept encoder, error correction M: a smudge or a fold still scans); this file only draws it.
 */
import QRCode from 'qrcode'

/** Light modules around the code that scanners need to find it (the QR standard asks for 4). */
export const QUIET_ZONE = 4

/** The code's dark modules, row by row (true = dark), without the quiet zone. */
export function qrModules(url: string): boolean[][] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))),
  )
}

/**
 * One SVG path of filled squares in module units, the quiet zone included (draw it in a viewBox of
 * `modules.length + 2 * QUIET_ZONE` on each side). Runs of dark modules in a row are one rectangle, so the path
 * stays short and no seams show between neighbours in a row.
 */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = []
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue
      let end = x
      while (row[end + 1]) end++
      parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${end - x + 1}v1h${-(end - x + 1)}z`)
      x = end
    }
  })
  return parts.join('')
}

/**
 * The printed side of the code with its quiet zone (pt) for `count` modules a side: the code itself at least
 * 0.8 in (58 pt) across, 1.2 in (86 pt) in large print, and never finer than 1.5 pt (2.2 pt) a module, so a long
 * link's denser code grows instead of shrinking its squares below what a phone reads from a page.
 */
export function qrSide(count: number, large: boolean): number {
  const module = Math.max((large ? 86 : 58) / count, large ? 2.2 : 1.5)
  return Math.ceil(module * (count + 2 * QUIET_ZONE))
}

/** Room the words need beside the code; narrower, they go under it. */
const BESIDE_MIN = { small: 95, large: 150 }

/** How the code and its words share a column `width` pt wide: side by side when the words get room enough. */
export function videoArrangement(width: number, side: number, large: boolean): { beside: boolean; textWidth: number } {
  const besideWidth = width - side - 8
  return besideWidth >= (large ? BESIDE_MIN.large : BESIDE_MIN.small)
    ? { beside: true, textWidth: besideWidth }
    : { beside: false, textWidth: width }
}

/** Type sizes of the block's words (pt): the label as a caption, the link a little larger (at least 16 in large print). */
export const videoTextSizes = (large: boolean) => ({ label: large ? 16 : 9, link: large ? 16 : 10 })

/**
 * Where a printed link may break onto the next line: after its / . - ? & = # _ and inside runs longer than 12
 * characters. Every piece is followed by an empty part, a break at which react-pdf adds no hyphen: a hyphen that
 * is not in the link would be typed in by the patient.
 */
export function linkParts(word: string): string[] {
  const pieces = word.split(/(?<=[/.\-?&=#_])(?=.)/)
  const cut = pieces.flatMap((piece) =>
    Array.from({ length: Math.ceil(piece.length / 12) }, (_, i) => piece.slice(i * 12, i * 12 + 12)),
  )
  return cut.flatMap((piece, n) => (n < cut.length - 1 ? [piece, ''] : [piece]))
}
