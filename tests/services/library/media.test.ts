import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { imageKind, MAX_IMAGE_BYTES, MediaStore } from '../../../electron/services/library/media'

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4e50000000049454e44ae426082', 'hex')
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)])

describe('media store', () => {
  it('stores PNG and JPEG by content hash, once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-media-'))
    const media = new MediaStore(dir)
    const a = await media.put(png)
    expect(a).toMatch(/^[0-9a-f]{64}\.png$/)
    expect(await media.put(png)).toBe(a)
    expect(await media.put(jpeg)).toMatch(/\.jpg$/)
    expect((await readdir(join(dir, 'media'))).sort()).toHaveLength(2)
    expect(await media.dataUrl(a)).toBe(`data:image/png;base64,${png.toString('base64')}`)
  })

  it('refuses WebP, HEIC, SVG and non-images by their bytes, saying which formats work', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-media-'))
    const media = new MediaStore(dir)
    const samples: [string, Buffer, RegExp][] = [
      ['webp', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), /is a WEBP image\. Use a PNG or JPEG/],
      ['heic', Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00', 'latin1'), /is a HEIC image/],
      ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), /is a SVG image/],
      ['pdf renamed .png', Buffer.from('%PDF-1.7'), /not an image Homeplan can read/],
    ]
    for (const [name, bytes, message] of samples) {
      const file = join(dir, `${name}.png`)
      await writeFile(file, bytes)
      await expect(media.importFile(file), name).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(message) })
    }
    expect(await readdir(dir)).not.toContain('media')
  })

  it('refuses images over 20 MB before reading them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-media-'))
    const file = join(dir, 'huge.png')
    await writeFile(file, Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES)]))
    await expect(new MediaStore(dir).importFile(file)).rejects.toMatchObject({ message: expect.stringMatching(/huge\.png is 20\.0 MB; images can be at most 20 MB/) })
  })

  it('recognises kinds from magic bytes', () => {
    expect(imageKind(png)).toBe('png')
    expect(imageKind(jpeg)).toBe('jpg')
    expect(imageKind(Buffer.from('GIF89a'))).toBe('gif')
  })

  it('serves only names it could have stored', async () => {
    const media = new MediaStore(await mkdtemp(join(tmpdir(), 'hp-media-')))
    await expect(media.dataUrl('../../etc/passwd')).rejects.toMatchObject({ code: 'invalid_argument' })
    await expect(media.dataUrl(`${'a'.repeat(64)}.png`)).rejects.toMatchObject({ code: 'not_found' })
  })
})
