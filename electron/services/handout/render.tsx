import { handoutInputSchema, type HandoutInput } from '../../../src/core/handout-model'
import { prepareFonts } from './document/fonts'
import { HandoutDocument, PagedHandoutDocument } from './document/HandoutDocument'
import { Unpaginated } from './document/paginate'
import { handoutParts } from './document/parts'
import { joinPages, renderPages } from './assemble-pages'
import { arranged, shortestCards } from './card-arrangement'
import { planPages } from './page-plan'
import { renderPdf } from './react-pdf-instance'
import { layoutReport } from './react-pdf-layout'
import { usableImage } from './usable-image'
import { say } from '../../../src/i18n/say'

export interface RenderResult {
  pdf: Buffer
  /** Problems that did not stop the handout, e.g. a photo that could not be read. */
  warnings: string[]
  /**
   * One key per page, the same for two renders exactly when that page prints the same (its content, number, count,
   * footer, paper, layout, fonts): the preview redraws only pages whose key changed. Absent when the pages were not
   * rendered one by one (then every page counts as changed).
   */
  pageKeys?: string[]
}

/** A handout as separate pages (see renderHandoutPages): one PDF per page, in order, each with its key. */
export interface PagesResult {
  pages: Uint8Array[]
  pageKeys: string[]
  warnings: string[]
}

export interface RenderHandoutOptions {
  pageBreaks?: 'measured' | 'react-pdf'
  /** false: print a picture in frames whole, as react-pdf's own page breaking does (for comparing the two). */
  looseFrames?: boolean
}

/**
 * Renders a handout to one PDF. Used by export and print (in the renderer's own process or thread, see ./renderer)
 * and by `npm run handout`: one code path. Input is validated here as well, whatever the caller.
 *
 * The page breaks are decided from block sizes measured beforehand (and remembered between renders), then
 * each page is rendered as it is: much faster than letting react-pdf break the pages, with the same result.
 * Where that cannot be done exactly, react-pdf breaks the pages itself.
 */
export async function renderHandout(
  raw: unknown,
  fontsDir: string,
  options: RenderHandoutOptions = {},
): Promise<RenderResult> {
  const rendered = await render(raw, fontsDir, options)
  if (!('pages' in rendered)) return rendered
  const { pages, pageKeys, warnings, input } = rendered
  return { pdf: await joinPages(input, pages), warnings, pageKeys }
}

/**
 * The same handout as renderHandout, for the live preview: its pages as separate one-page PDFs with their keys, not
 * put together (which cost more than rendering an edited page); the whole document at once when the pages could not
 * be rendered one by one.
 */
export async function renderHandoutPages(
  raw: unknown,
  fontsDir: string,
  options: RenderHandoutOptions = {},
): Promise<PagesResult | RenderResult> {
  const rendered = await render(raw, fontsDir, options)
  if (!('pages' in rendered)) return rendered
  const { pages, pageKeys, warnings } = rendered
  return { pages, pageKeys, warnings }
}

async function render(
  raw: unknown,
  fontsDir: string,
  options: RenderHandoutOptions,
): Promise<RenderResult | (PagesResult & { input: HandoutInput })> {
  const input: HandoutInput = handoutInputSchema.parse(raw)
  await prepareFonts(fontsDir)
  const warnings: string[] = []
  const items = await Promise.all(
    input.program.items.map(async (item) => ({
      ...item,
      image: await usableImage(
        item.image,
        say('library.quoted', { name: item.name }),
        warnings,
        item.diagram ? say('handout.picture.diagram') : say('handout.picture.placeholder'),
      ),
    })),
  )
  const logo = await usableImage(input.clinic.logo, say('handout.picture.logo'), warnings)
  const ready: HandoutInput = { ...input, clinic: { ...input.clinic, logo }, program: { ...input.program, items } }
  const choices = await shortestCards(ready, handoutParts(ready), fontsDir)
  let parts = arranged(handoutParts(ready), choices)
  if (options.pageBreaks !== 'react-pdf') {
    try {
      const { pages, tooTall } = await planPages(ready, parts, fontsDir, options.looseFrames !== false)
      const separate = await renderPages(ready, parts, pages, fontsDir)
      if (separate) return { pages: separate.pages, pageKeys: separate.keys, warnings, input: ready }
      const report = layoutReport()
      const pdf = await renderPdf(
        <PagedHandoutDocument input={ready} parts={parts} pages={pages} onRender={report.onRender} />,
      )
      // Each planned page is one react-pdf page that does not break; anything else and react-pdf decides.
      if (report.laid()?.children?.length === pages.length) return { pdf, warnings }
      parts = arranged(handoutParts(ready, new Set(tooTall)), choices)
    } catch (error) {
      if (!(error instanceof Unpaginated)) throw error
      // Kept whole, a block taller than a page was squashed onto one page, lines over each other.
      if (error.tooTall.length) parts = arranged(handoutParts(ready, new Set(error.tooTall)), choices)
    }
  }
  return { pdf: await renderPdf(<HandoutDocument input={ready} parts={parts} />), warnings }
}
