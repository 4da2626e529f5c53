/** The most bytes (UTF-8) one part of a file name may take: two parts plus a date stay far below the 255-byte limit. */
export const MAX_PART_BYTES = 60

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** Keeps whole characters (grapheme clusters, so an accent stays with its letter) while they fit in `maxBytes` of UTF-8. */
export function truncateUtf8(value: string, maxBytes: number): string {
  let out = ''
  let bytes = 0
  for (const { segment } of graphemes.segment(value)) {
    const size = Buffer.byteLength(segment, 'utf8')
    if (bytes + size > maxBytes) break
    out += segment
    bytes += size
  }
  return out
}

/**
 * One part of a file name built from a person's name: no control, format (zero-width, direction-override)
 * or lone-surrogate characters, no path separators, reserved characters, `..` or whitespace runs; at most
 * {@link MAX_PART_BYTES} bytes; `fallback` when nothing usable is left.
 */
export function fileNamePart(value: string, fallback: string): string {
  const cleaned = value
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')
    .replace(/[\\/:*?"<>|\s]+/gu, '-')
    .replace(/\.{2,}/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  const capped = truncateUtf8(cleaned, MAX_PART_BYTES).replace(/[-.]+$/, '')
  return capped || fallback
}
