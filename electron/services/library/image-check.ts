/**
 * Whether a PNG or JPEG can really be drawn, not just whether it starts like one. react-pdf drops a picture it
 * cannot decode without saying so (printing "Incomplete or corrupt PNG file" to the console), so a handout would
 * silently miss a photo; checked here first, the photo is left out with a warning that says which one.
 */
import { crc32, inflateSync } from 'node:zlib'
import { say } from '../../../src/i18n/say'

/** What a file really is, from its first bytes (the name's extension proves nothing). */
export function imageKind(bytes: Uint8Array): 'png' | 'jpg' | 'webp' | 'heic' | 'svg' | 'gif' | undefined {
  const b = bytes
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png'
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg'
  const ascii = Buffer.from(b.subarray(0, 64)).toString('latin1')
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp'
  if (ascii.slice(4, 8) === 'ftyp' && /heic|heix|mif1|hevc/.test(ascii.slice(8, 12))) return 'heic'
  if (ascii.startsWith('GIF8')) return 'gif'
  if (/^\s*(<\?xml|<svg)/i.test(ascii)) return 'svg'
  return undefined
}

/** More decoded pixel data than this (about a 7000 × 7000 photo) is refused rather than decoded to check it. */
const MAX_DECODED_BYTES = 200 * 1024 * 1024

/** What is wrong with the picture, in a few plain words ("the PNG file is incomplete"), or undefined if it is usable. */
export function pictureProblem(bytes: Uint8Array): string | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const kind = imageKind(b)
  if (kind === 'png') return pngProblem(b)
  if (kind === 'jpg') return jpegProblem(b)
  return kind ? say('media.problem.otherKind', { kind: kind.toUpperCase() }) : say('media.problem.notImage')
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] }
/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

interface Header {
  width: number
  height: number
  depth: number
  colorType: number
  interlace: number
}

function pngProblem(b: Buffer): string | undefined {
  let header: Header | undefined
  let palette = false
  const data: Buffer[] = []
  let ended = false
  for (let pos = 8; pos < b.length && !ended;) {
    if (pos + 12 > b.length) return say('media.problem.incomplete', { format: 'PNG' })
    const length = b.readUInt32BE(pos)
    const type = b.toString('latin1', pos + 4, pos + 8)
    if (!/^[A-Za-z]{4}$/.test(type)) return say('media.problem.damaged', { format: 'PNG' })
    if (length > 0x7fffffff || pos + 12 + length > b.length) return say('media.problem.incomplete', { format: 'PNG' })
    if (crc32(b.subarray(pos + 4, pos + 8 + length)) !== b.readUInt32BE(pos + 8 + length))
      return say('media.problem.damaged', { format: 'PNG' })
    const body = b.subarray(pos + 8, pos + 8 + length)
    if (!header && type !== 'IHDR') return say('media.problem.headerMissing', { format: 'PNG' })
    if (type === 'IHDR') {
      if (header || length !== 13) return say('media.problem.headerInvalid', { format: 'PNG' })
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8]!,
        colorType: body[9]!,
        interlace: body[12]!,
      }
      const { width, height, depth, colorType, interlace } = header
      if (
        width === 0 ||
        height === 0 ||
        width > 0x7fffffff ||
        height > 0x7fffffff ||
        !DEPTHS[colorType]?.includes(depth) ||
        body[10] !== 0 ||
        body[11] !== 0 ||
        interlace > 1
      ) {
        return say('media.problem.headerInvalid', { format: 'PNG' })
      }
    } else if (type === 'PLTE') palette = true
    else if (type === 'IDAT') data.push(body)
    else if (type === 'IEND') ended = true
    pos += 12 + length
  }
  if (!header) return say('media.problem.incomplete', { format: 'PNG' })
  if (!ended) return say('media.problem.endMissing', { format: 'PNG' })
  if (header.colorType === 3 && !palette) return say('media.problem.paletteMissing', { format: 'PNG' })
  if (data.length === 0) return say('media.problem.noData', { format: 'PNG' })
  // react-pdf's PNG reader (png-js) misreads an interlaced picture 4 pixels wide or less (it reads a row for a
  // pass that has no columns) and then never finishes the handout; such a picture must be saved again.
  if (header.interlace === 1 && header.width <= 4) return say('media.problem.interlaced')
  return pngDataProblem(header, Buffer.concat(data))
}

/** The compressed pixel data must unpack to exactly one filter byte and one row of pixels per row of each pass. */
function pngDataProblem(h: Header, compressed: Buffer): string | undefined {
  const bitsPerPixel = CHANNELS[h.colorType]! * h.depth
  const rows: number[] = [] // bytes in each row, filter byte included, in the order they are stored
  const passes = h.interlace ? ADAM7 : [[0, 0, 1, 1] as const]
  let expected = 0
  for (const [x0, y0, dx, dy] of passes) {
    const w = h.width > x0 ? Math.ceil((h.width - x0) / dx) : 0
    const rowCount = h.height > y0 ? Math.ceil((h.height - y0) / dy) : 0
    if (w === 0 || rowCount === 0) continue
    const rowBytes = 1 + Math.ceil((w * bitsPerPixel) / 8)
    expected += rowBytes * rowCount
    if (expected > MAX_DECODED_BYTES) return say('media.problem.tooLarge', { width: h.width, height: h.height })
    if (rows.length < 1_000_000) for (let i = 0; i < rowCount; i++) rows.push(rowBytes)
  }
  let pixels: Buffer
  try {
    pixels = inflateSync(compressed, { maxOutputLength: expected + 1 })
  } catch (error) {
    // More data than the rows need: the rows themselves are all there.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined
    return (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR'
      ? say('media.problem.incomplete', { format: 'PNG' })
      : say('media.problem.damaged', { format: 'PNG' })
  }
  if (pixels.length < expected) return say('media.problem.incomplete', { format: 'PNG' })
  for (let at = 0, i = 0; i < rows.length; at += rows[i]!, i++)
    if (pixels[at]! > 4) return say('media.problem.damaged', { format: 'PNG' })
  return undefined
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); C4, C8 and CC are other tables. */
const isFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

function jpegProblem(b: Buffer): string | undefined {
  let frame = false
  for (let pos = 2; ;) {
    // Markers may be preceded by any number of fill bytes (FF).
    if (pos >= b.length) return say('media.problem.incomplete', { format: 'JPEG' })
    if (b[pos] !== 0xff) return say('media.problem.damaged', { format: 'JPEG' })
    while (b[pos] === 0xff) pos++
    if (pos >= b.length) return say('media.problem.incomplete', { format: 'JPEG' })
    const marker = b[pos++]!
    if (marker === 0xd9) return say('media.problem.noData', { format: 'JPEG' })
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue
    if (pos + 2 > b.length) return say('media.problem.incomplete', { format: 'JPEG' })
    const length = b.readUInt16BE(pos)
    if (length < 2) return say('media.problem.damaged', { format: 'JPEG' })
    if (pos + length > b.length) return say('media.problem.incomplete', { format: 'JPEG' })
    if (isFrame(marker)) {
      if (length < 8) return say('media.problem.damaged', { format: 'JPEG' })
      const height = b.readUInt16BE(pos + 3)
      const width = b.readUInt16BE(pos + 5)
      const components = b[pos + 7]!
      if (width === 0 || height === 0 || ![1, 3, 4].includes(components) || length !== 8 + 3 * components)
        return say('media.problem.sizeInvalid', { format: 'JPEG' })
      frame = true
    }
    if (marker === 0xda) {
      if (!frame) return say('media.problem.sizeMissing', { format: 'JPEG' })
      // Entropy-coded data follows; in it FF is always followed by 00 or a restart marker, so the first
      // other FF xx after the scans is a marker, and the picture is complete once its end (FF D9) is found.
      return endsProperly(b, pos + length) ? undefined : say('media.problem.endMissing', { format: 'JPEG' })
    }
    pos += length
  }
}

/** Whether an end-of-image marker (FF D9) follows `from`. */
function endsProperly(b: Buffer, from: number): boolean {
  for (let at = b.indexOf(0xff, from); at >= 0 && at + 1 < b.length; at = b.indexOf(0xff, at + 1))
    if (b[at + 1] === 0xd9) return true
  return false
}
