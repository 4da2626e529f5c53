import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { lstat, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { imageKind, MAX_IMAGE_BYTES, MediaStore } from '../../../electron/services/library/media'
import { makeJpeg, makePng } from '../../support/images'

const png = makePng()
const jpeg = makeJpeg()

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
      await expect(media.importFile(file), name).rejects.toMatchObject({
        code: 'invalid_argument',
        message: expect.stringMatching(message),
      })
    }
    expect(await readdir(dir)).not.toContain('media')
  })

  it('refuses images over 20 MB before reading them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-media-'))
    const file = join(dir, 'huge.png')
    await writeFile(file, Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES)]))
    await expect(new MediaStore(dir).importFile(file)).rejects.toMatchObject({
      message: 'huge.png is larger than 20.0 MB. Choose a PNG or JPEG picture instead.',
    })
  })

  it('refuses stored bytes over 20 MB with the same size in words as a picked file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-media-'))
    await expect(new MediaStore(dir).put(new Uint8Array(MAX_IMAGE_BYTES + 1), 'logo.png')).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'logo.png is larger than 20.0 MB.',
    })
  })

  it('refuses a FIFO, a folder and /dev/zero picked as a picture, with plain messages and nothing stored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-media-'))
    const media = new MediaStore(dir)
    execFileSync('mkfifo', [join(dir, 'pipe.png')])
    await mkdir(join(dir, 'folder.png'))
    await expect(media.importFile(join(dir, 'pipe.png'))).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'pipe.png is not an ordinary file (it may be a device or a pipe). Choose a PNG or JPEG picture instead.',
    })
    await expect(media.importFile(join(dir, 'folder.png'))).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'folder.png is a folder, not a file. Choose a PNG or JPEG picture instead.',
    })
    await expect(media.importFile('/dev/zero')).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'zero is not an ordinary file (it may be a device or a pipe). Choose a PNG or JPEG picture instead.',
    })
    expect(await readdir(dir)).not.toContain('media')
  })

  it('does not follow a link planted in media/, and replaces it when the real picture is added', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-media-'))
    const media = new MediaStore(dir)
    const name = `${createHash('sha256').update(png).digest('hex')}.png`
    await writeFile(join(dir, 'secret.txt'), 'not for the window')
    await mkdir(join(dir, 'media'))
    await symlink(join(dir, 'secret.txt'), join(dir, 'media', name))
    await expect(media.dataUrl(name)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('is a link to another file'),
    })
    await symlink('/dev/zero', join(dir, 'media', `${'b'.repeat(64)}.jpg`))
    await expect(media.dataUrl(`${'b'.repeat(64)}.jpg`)).rejects.toMatchObject({ code: 'invalid_argument' })
    expect(await media.put(png)).toBe(name)
    expect((await lstat(join(dir, 'media', name))).isSymbolicLink()).toBe(false)
    expect(await media.dataUrl(name)).toBe(`data:image/png;base64,${png.toString('base64')}`)
    expect(await readFile(join(dir, 'secret.txt'), 'utf8')).toBe('not for the window')
  })

  it('refuses a stored picture whose bytes no longer match its name, or a FIFO or folder in its place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-media-'))
    const media = new MediaStore(dir)
    const name = await media.put(png)
    await writeFile(join(dir, 'media', name), Buffer.concat([png.subarray(0, 40), Buffer.alloc(20)]))
    await expect(media.dataUrl(name)).rejects.toMatchObject({
      code: 'io_error',
      message: 'The stored image has been changed or damaged since it was added. Choose the picture again.',
    })
    execFileSync('mkfifo', [join(dir, 'media', `${'c'.repeat(64)}.png`)])
    await expect(media.dataUrl(`${'c'.repeat(64)}.png`)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('not an ordinary file'),
    })
    await mkdir(join(dir, 'media', `${'d'.repeat(64)}.png`))
    await expect(media.dataUrl(`${'d'.repeat(64)}.png`)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('is a folder'),
    })
    // Adding the picture again repairs it.
    expect(await media.put(png)).toBe(name)
    expect(await media.dataUrl(name)).toBe(`data:image/png;base64,${png.toString('base64')}`)
  })

  it('refuses a PNG or JPEG that starts right but cannot be drawn, saying what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-media-'))
    const media = new MediaStore(dir)
    await writeFile(join(dir, 'cut.png'), png.subarray(0, png.length - 12))
    await writeFile(join(dir, 'cut.jpg'), jpeg.subarray(0, jpeg.length - 2))
    await expect(media.importFile(join(dir, 'cut.png'))).rejects.toMatchObject({
      code: 'invalid_argument',
      message:
        'cut.png cannot be used: the PNG file is incomplete (its end is missing). Open it in a photo editor, save it again as PNG or JPEG, and choose it again.',
    })
    await expect(media.importFile(join(dir, 'cut.jpg'))).rejects.toMatchObject({
      message: expect.stringContaining('cut.jpg cannot be used: the JPEG file is incomplete'),
    })
    expect(await readdir(dir)).not.toContain('media')
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
