import { say } from '../../../src/i18n/say'
import { pictureProblem } from '../library/image-check'
import { imageKind, MAX_IMAGE_BYTES } from '../library/media'
import { readUserFile } from '../read-user-file'

/** A picture the PDF can embed (PNG or JPEG, readable), or undefined with a warning. */
export async function usableImage(
  src: string | undefined,
  what: string,
  warnings: string[],
  instead = say('handout.picture.placeholder'),
): Promise<string | undefined> {
  if (!src) return undefined
  try {
    // A path (from `npm run handout`) is read only if it is an ordinary file, and no more than any picture may be.
    const bytes = src.startsWith('data:')
      ? Buffer.from(src.slice(src.indexOf(',') + 1), 'base64')
      : await readUserFile(src, { maxBytes: MAX_IMAGE_BYTES, what: src })
    const kind = imageKind(bytes)
    if (kind !== 'png' && kind !== 'jpg') {
      warnings.push(say('handout.picture.notPngJpeg', { what, instead }))
      return undefined
    }
    // react-pdf leaves out a picture it cannot decode without a word; found here, it is said which one.
    const problem = pictureProblem(bytes)
    if (!problem)
      return src.startsWith('data:')
        ? src
        : `data:image/${kind === 'png' ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`
    warnings.push(say('handout.picture.unusable', { what, problem, instead }))
  } catch {
    warnings.push(say('handout.picture.unreadable', { what, instead }))
  }
  return undefined
}
