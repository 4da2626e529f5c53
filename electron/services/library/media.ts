import { createHash } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, join } from 'node:path'
import { AppFailure } from '../../../src/core/result'
import { writeFileAtomic } from '../atomic-write'

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024
export const MEDIA_FOLDER = 'media'

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

/**
 * Photos and logos as files named by the SHA-256 of their content under
 * <data>/media: the same picture is stored once, and the JSON only holds the name.
 */
export class MediaStore {
  readonly folder: string

  constructor(dataDir: string) {
    this.folder = join(dataDir, MEDIA_FOLDER)
  }

  async importFile(path: string): Promise<string> {
    const name = basename(path)
    const stat = await fsp.stat(path).catch(() => {
      throw new AppFailure('not_found', `${name} could not be opened.`)
    })
    if (stat.size > MAX_IMAGE_BYTES) {
      throw new AppFailure('invalid_argument', `${name} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; images can be at most 20 MB.`)
    }
    return this.put(await fsp.readFile(path), name)
  }

  async put(bytes: Uint8Array, name = 'The image'): Promise<string> {
    if (bytes.length > MAX_IMAGE_BYTES) throw new AppFailure('invalid_argument', `${name} is larger than 20 MB.`)
    const kind = imageKind(bytes)
    if (kind !== 'png' && kind !== 'jpg') {
      const what = kind ? `a ${kind.toUpperCase()} image` : 'not an image Homeplan can read'
      throw new AppFailure('invalid_argument', `${name} is ${what}. Use a PNG or JPEG photo (save or export it as one first).`)
    }
    const file = `${createHash('sha256').update(bytes).digest('hex')}.${kind}`
    const target = join(this.folder, file)
    const exists = await fsp.stat(target).then(() => true, () => false)
    if (!exists) {
      await fsp.mkdir(this.folder, { recursive: true })
      await writeFileAtomic(target, bytes)
    }
    return file
  }

  /** The image as a data: URL for the window (allowed by the CSP, no file access from the page). */
  async dataUrl(file: string): Promise<string> {
    if (!/^[0-9a-f]{64}\.(png|jpg)$/.test(file)) throw new AppFailure('invalid_argument', 'This is not a stored image.', 'file')
    const bytes = await fsp.readFile(join(this.folder, file)).catch(() => {
      throw new AppFailure('not_found', 'The image is missing from the data folder.', 'file')
    })
    return `data:image/${file.endsWith('.png') ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`
  }
}
