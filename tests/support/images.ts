import { crc32, deflateSync } from 'node:zlib'

/** One PNG chunk: length, type, data and the CRC-32 of type and data. */
export const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

/** A real PNG, built byte by byte: RGB (colour type 2, 8 bits) or palette (3), optionally interlaced. */
export function makePng({ width = 4, height = 3, palette = false, interlace = false } = {}): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = palette ? 3 : 2
  ihdr[12] = interlace ? 1 : 0
  const bpp = palette ? 1 : 3
  const rows: Buffer[] = []
  const passes = interlace
    ? [
        [0, 0, 8, 8],
        [4, 0, 8, 8],
        [0, 4, 4, 8],
        [2, 0, 4, 4],
        [0, 2, 2, 4],
        [1, 0, 2, 2],
        [0, 1, 1, 2],
      ]
    : [[0, 0, 1, 1]]
  for (const [x0, y0, dx, dy] of passes as number[][]) {
    const w = width > x0! ? Math.ceil((width - x0!) / dx!) : 0
    const h = height > y0! ? Math.ceil((height - y0!) / dy!) : 0
    if (!w || !h) continue
    for (let y = 0; y < h; y++) rows.push(Buffer.concat([Buffer.from([0]), Buffer.alloc(w * bpp, (y * 40) & 0xff)]))
  }
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    ...(palette ? [chunk('PLTE', Buffer.alloc(256 * 3, 0x80))] : []),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * A real baseline JPEG, 8 × 8 grey: one quantisation table, one-code Huffman tables (DC difference 0, end of
 * block), and a single block whose two codes and padding make the byte 3F.
 */
export function makeJpeg(): Buffer {
  const counts = Buffer.alloc(16)
  counts[0] = 1
  return Buffer.concat([
    Buffer.from('ffd8', 'hex'),
    Buffer.from('ffdb004300', 'hex'),
    Buffer.alloc(64, 1),
    Buffer.from('ffc0000b080008000801011100', 'hex'),
    Buffer.from('ffc4001400', 'hex'),
    counts,
    Buffer.from([0x00]),
    Buffer.from('ffc4001410', 'hex'),
    counts,
    Buffer.from([0x00]),
    Buffer.from('ffda000801010000003f00', 'hex'),
    Buffer.from([0x3f]),
    Buffer.from('ffd9', 'hex'),
  ])
}
