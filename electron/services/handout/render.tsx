import * as fsp from 'node:fs/promises'
import { renderToBuffer } from '@react-pdf/renderer'
import { handoutInputSchema, type HandoutInput } from '../../../src/core/handout-model'
import { registerFonts } from '../../../src/handout/fonts'
import { HandoutDocument } from '../../../src/handout/HandoutDocument'
import { imageKind } from '../library/media'

export interface RenderResult {
  pdf: Buffer
  /** Problems that did not stop the handout, e.g. a photo that could not be read. */
  warnings: string[]
}

/** A picture the PDF can embed (PNG or JPEG, readable), or undefined with a warning. */
async function usableImage(src: string | undefined, what: string, warnings: string[], instead = 'a placeholder'): Promise<string | undefined> {
  if (!src) return undefined
  try {
    const bytes = src.startsWith('data:') ? Buffer.from(src.slice(src.indexOf(',') + 1), 'base64') : await fsp.readFile(src)
    const kind = imageKind(bytes)
    if (kind === 'png' || kind === 'jpg') return src.startsWith('data:') ? src : `data:image/${kind === 'png' ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`
    warnings.push(`The picture for ${what} is not a PNG or JPEG; ${instead} was printed instead.`)
  } catch {
    warnings.push(`The picture for ${what} could not be read; ${instead} was printed instead.`)
  }
  return undefined
}

/**
 * Renders a handout to PDF bytes. Used by the app's export (in the main process) and by
 * `npm run handout`: one code path. Input is validated here as well, whatever the caller.
 */
export async function renderHandout(raw: unknown, fontsDir: string): Promise<RenderResult> {
  const input: HandoutInput = handoutInputSchema.parse(raw)
  registerFonts(fontsDir)
  const warnings: string[] = []
  const items = await Promise.all(input.program.items.map(async (item) => ({ ...item, image: await usableImage(item.image, `“${item.name}”`, warnings, item.diagram ? 'its diagram' : 'a placeholder') })))
  const logo = await usableImage(input.clinic.logo, 'the clinic logo', warnings)
  const ready: HandoutInput = { ...input, clinic: { ...input.clinic, logo }, program: { ...input.program, items } }
  const pdf = await renderToBuffer(<HandoutDocument input={ready} />)
  return { pdf, warnings }
}
