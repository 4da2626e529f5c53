import { createHash } from 'node:crypto'
import { basename, join } from 'node:path'
import { formatBytes } from '../../../src/core/bytes'
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import { SaveFailure, writeAtomic } from '../atomic-write'
import { errnoOf, nodeFs, type FsPort } from '../fs-port'
import { privateFolder } from '../private-modes'
import { readUserFile } from '../read-user-file'
import { imageKind, pictureProblem } from './image-check'
import { MEDIA_NAME } from '../../../src/core/ids'

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024
export const MEDIA_FOLDER = 'media'

export { imageKind } from './image-check'

/**
 * Photos and logos as files named by the SHA-256 of their content under
 * <data>/media: the same picture is stored once, and the JSON only holds the name.
 */
export class MediaStore {
  readonly folder: string

  constructor(
    dataDir: string,
    /** The data folder's files (the app passes sealedFs when the folder is encrypted); a user's pick is read as it is. */
    private readonly fs: FsPort = nodeFs,
  ) {
    this.folder = join(dataDir, MEDIA_FOLDER)
  }

  /** Stores a picture the user picked: only an ordinary file, and no more than 20 MB of it is ever read. */
  async importFile(path: string): Promise<string> {
    const name = basename(path)
    const bytes = await readUserFile(path, { maxBytes: MAX_IMAGE_BYTES, what: name }).catch((error: unknown) => {
      if (error instanceof AppFailure)
        throw new AppFailure(error.code, `${error.message} ${say('media.chooseInstead')}`)
      throw error
    })
    return this.put(bytes, name)
  }

  async put(bytes: Uint8Array, name = say('media.theImage')): Promise<string> {
    if (bytes.length > MAX_IMAGE_BYTES)
      throw new AppFailure('invalid_argument', say('file.tooLarge', { what: name, max: formatBytes(MAX_IMAGE_BYTES) }))
    const kind = imageKind(bytes)
    if (kind !== 'png' && kind !== 'jpg') {
      throw new AppFailure(
        'invalid_argument',
        kind ? say('media.otherKind', { name, kind: kind.toUpperCase() }) : say('media.notImage', { name }),
      )
    }
    const problem = pictureProblem(bytes)
    if (problem) throw new AppFailure('invalid_argument', say('media.unusable', { name, problem }))
    const file = `${createHash('sha256').update(bytes).digest('hex')}.${kind}`
    // A file already under this name is kept only if it really holds these bytes (not a link, not damaged).
    if (!(await this.stored(file).catch(() => undefined))) {
      await privateFolder(this.fs, this.folder)
      await writeAtomic(this.fs, join(this.folder, file), [bytes]).catch((error: unknown) => {
        throw error instanceof AppFailure ? error : new SaveFailure(file, errnoOf(error))
      })
    }
    return file
  }

  /**
   * A stored picture's bytes, checked: an ordinary file in media/ (a link planted there is not followed), no
   * larger than any picture Homeplan stores, whose content still has the hash its name says.
   */
  async stored(file: string): Promise<Buffer> {
    if (!MEDIA_NAME.test(file)) throw new AppFailure('invalid_argument', say('record.media'), 'file')
    const bytes = await readUserFile(join(this.folder, file), {
      maxBytes: MAX_IMAGE_BYTES,
      what: say('media.theStoredImage'),
      noFollow: true,
      fs: this.fs,
    }).catch((error: unknown) => {
      if (error instanceof AppFailure && error.code === 'not_found')
        throw new AppFailure('not_found', say('media.missing'), 'file')
      throw error instanceof AppFailure
        ? new AppFailure(error.code, `${error.message} ${say('media.chooseAgain')}`, 'file')
        : error
    })
    const hash = createHash('sha256').update(bytes).digest('hex')
    if (`${hash}.${imageKind(bytes)}` !== file) {
      throw new AppFailure('io_error', say('media.changed'), 'file')
    }
    return bytes
  }

  /** The image as a data: URL for the window (allowed by the CSP, no file access from the page). */
  async dataUrl(file: string): Promise<string> {
    const bytes = await this.stored(file)
    return `data:image/${file.endsWith('.png') ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`
  }
}
