import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { pictureProblem } from '../../../electron/services/library/image-check'
import { chunk, makeJpeg, makePng } from '../../support/images'

/** The PNG's chunks as [type, data], and back (with fresh checksums, so only what is tested is wrong). */
function chunks(png: Buffer): [string, Buffer][] {
  const out: [string, Buffer][] = []
  for (let pos = 8; pos < png.length;) {
    const length = png.readUInt32BE(pos)
    out.push([png.toString('latin1', pos + 4, pos + 8), png.subarray(pos + 8, pos + 8 + length)])
    pos += 12 + length
  }
  return out
}
function build(list: [string, Buffer][]): Buffer {
  return Buffer.concat([png8, ...list.map(([type, data]) => chunk(type, data))])
}
const png8 = Buffer.from('89504e470d0a1a0a', 'hex')

describe('pictureProblem', () => {
  it('accepts real PNGs (RGB, palette, interlaced) and a real JPEG', () => {
    expect(pictureProblem(makePng())).toBeUndefined()
    expect(pictureProblem(makePng({ palette: true, width: 9, height: 5 }))).toBeUndefined()
    expect(pictureProblem(makePng({ interlace: true, width: 13, height: 9 }))).toBeUndefined()
    expect(pictureProblem(makeJpeg())).toBeUndefined()
  })

  it('finds a PNG cut short, with or without its end chunk', () => {
    const png = makePng()
    expect(pictureProblem(png.subarray(0, png.length - 12))).toBe('the PNG file is incomplete (its end is missing)')
    expect(pictureProblem(png.subarray(0, 40))).toBe('the PNG file is incomplete')
    // The end chunk is there, but the pixel data stops halfway: the case react-pdf drops silently.
    const list = chunks(makePng({ width: 40, height: 40 }))
    const rows = Buffer.concat(
      Array.from({ length: 40 }, (_, y) => Buffer.concat([Buffer.from([0]), Buffer.alloc(120, y * 7)])),
    )
    const idat = list.findIndex(([type]) => type === 'IDAT')
    list[idat] = ['IDAT', deflateSync(rows.subarray(0, rows.length / 2))]
    expect(pictureProblem(build(list))).toBe('the PNG file is incomplete')
    list[idat] = ['IDAT', deflateSync(rows).subarray(0, 30)]
    expect(pictureProblem(build(list))).toBe('the PNG file is incomplete')
  })

  it('finds a PNG with a damaged checksum, a bad header, pixel rows with impossible filters, or no palette', () => {
    const png = Buffer.from(makePng())
    png[png.length - 20] = png[png.length - 20]! ^ 0xff
    expect(pictureProblem(png)).toBe('the PNG file is damaged')
    const list = chunks(makePng())
    const header = Buffer.from(list[0]![1])
    header.writeUInt32BE(0, 0)
    expect(pictureProblem(build([['IHDR', header], ...list.slice(1)]))).toBe(
      'the PNG file is damaged (its header is not valid)',
    )
    const depth = Buffer.from(list[0]![1])
    depth[8] = 3
    expect(pictureProblem(build([['IHDR', depth], ...list.slice(1)]))).toBe(
      'the PNG file is damaged (its header is not valid)',
    )
    const rows = Buffer.concat(Array.from({ length: 3 }, () => Buffer.concat([Buffer.from([9]), Buffer.alloc(12)])))
    expect(pictureProblem(build([list[0]!, ['IDAT', deflateSync(rows)], ['IEND', Buffer.alloc(0)]]))).toBe(
      'the PNG file is damaged',
    )
    const palette = chunks(makePng({ palette: true }))
    expect(pictureProblem(build(palette.filter(([type]) => type !== 'PLTE')))).toBe(
      'the PNG file is damaged (its colour palette is missing)',
    )
    expect(pictureProblem(build(list.filter(([type]) => type !== 'IDAT')))).toBe('the PNG file has no picture data')
  })

  it('refuses an interlaced PNG so narrow that react-pdf’s reader would hang on it', () => {
    expect(pictureProblem(makePng({ palette: true, interlace: true, width: 4, height: 3 }))).toBe(
      'the PNG file is saved interlaced at a width Homeplan cannot print',
    )
    expect(pictureProblem(makePng({ palette: true, interlace: true, width: 5, height: 3 }))).toBeUndefined()
  })

  it('refuses a PNG too large in pixels to decode', () => {
    const list = chunks(makePng())
    const header = Buffer.from(list[0]![1])
    header.writeUInt32BE(30000, 0)
    header.writeUInt32BE(30000, 4)
    expect(pictureProblem(build([['IHDR', header], ...list.slice(1)]))).toBe(
      'the picture is too large to print (30000 × 30000 pixels)',
    )
  })

  it('finds a JPEG cut short, without its frame header, or with a zero size', () => {
    const jpeg = makeJpeg()
    expect(pictureProblem(jpeg.subarray(0, jpeg.length - 2))).toBe('the JPEG file is incomplete (its end is missing)')
    expect(pictureProblem(jpeg.subarray(0, 60))).toBe('the JPEG file is incomplete')
    const sof = jpeg.indexOf(Buffer.from('ffc0', 'hex'))
    expect(pictureProblem(Buffer.concat([jpeg.subarray(0, sof), jpeg.subarray(sof + 13)]))).toBe(
      'the JPEG file is damaged (its size is missing)',
    )
    const zero = Buffer.from(jpeg)
    zero.writeUInt16BE(0, sof + 5)
    expect(pictureProblem(zero)).toBe('the JPEG file is damaged (its size is not valid)')
    expect(pictureProblem(Buffer.from('ffd8ffd9', 'hex'))).toBe('the JPEG file has no picture data')
  })

  it('names other formats', () => {
    expect(pictureProblem(Buffer.from('GIF89a'))).toBe('it is a GIF picture, not a PNG or JPEG')
    expect(pictureProblem(Buffer.from('hello'))).toBe('it is not a PNG or JPEG picture')
  })
})
