import { createHash } from 'node:crypto'
import { PDFDocument } from 'pdf-lib'
import { View } from '@react-pdf/renderer'
import type { HandoutInput } from '../../../src/core/handout-model'
import { footerText } from './document/footer'
import { documentProps, SinglePageDocument, type PlannedPage } from './document/HandoutDocument'
import type { HandoutParts } from './document/parts'
import { describeElement } from './element-key'
import { renderPdf } from './react-pdf-instance'

/**
 * Pages rendered alone, each by what it prints (its content, number and count, footer, paper, layout, fonts), as
 * the PDF bytes react-pdf wrote: a live preview's edit re-renders only the pages it changed. Bounded by count. Bytes,
 * not parsed documents: parsed, the pages of a 60-exercise booklet held about 150 MB more at their peak.
 */
const renderedPages = new Map<string, Uint8Array>()
const RENDERED_PAGES_LIMIT = 120
/** How many pages were rendered (not taken from renderedPages) since the start: what tests and the bench watch. */
export const pageRenders = { count: 0 }

/**
 * The planned pages rendered one by one, from renderedPages where kept, each a PDF of its own, with its key.
 * Undefined when a page cannot be described (a prop that is a function), so it cannot be kept: then the whole
 * document is rendered at once.
 */
export async function renderPages(
  input: HandoutInput,
  parts: HandoutParts,
  pages: PlannedPage[],
  fontsDir: string,
): Promise<{ pages: Uint8Array[]; keys: string[] } | undefined> {
  const contents = pages.map((page) => page.content)
  const shared = `${fontsDir}|${input.paper}|${input.layout}|${input.language}|${footerText(input)}|${pages.length}`
  const keys = contents.map((content, i) => {
    const described = describeElement(<View>{content}</View>)
    return (
      described &&
      createHash('sha1')
        .update(`${shared}|${i + 1}|${described}`)
        .digest('base64')
    )
  })
  if (keys.some((k) => !k)) return undefined
  const sources: Uint8Array[] = []
  for (const [i, content] of contents.entries()) {
    const key = keys[i]!
    let source = renderedPages.get(key)
    if (source) renderedPages.delete(key)
    else {
      pageRenders.count++
      const bytes = await renderPdf(
        <SinglePageDocument input={input} parts={parts} content={content} number={i + 1} total={pages.length} />,
      )
      // A plain Uint8Array of this realm: pdf-lib checks the type with instanceof, which a Node Buffer fails under jsdom.
      source = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    }
    // Most recently used last: the oldest go first when there are too many.
    renderedPages.set(key, source)
    sources.push(source)
  }
  for (const key of renderedPages.keys()) {
    if (renderedPages.size <= RENDERED_PAGES_LIMIT) break
    renderedPages.delete(key)
  }
  return { pages: sources, keys: keys as string[] }
}

/**
 * Single-page PDFs put together with pdf-lib into one ordinary PDF (text stays text), with the handout's title and
 * dates. Most of an edited preview's time went here (about 100-200 ms for 8 exercises): the live preview takes the
 * pages as they are (renderHandoutPages), only export and print put them together.
 */
export async function joinPages(input: HandoutInput, sources: Uint8Array[]): Promise<Buffer> {
  const whole = await PDFDocument.create({ updateMetadata: false })
  const info = documentProps(input)
  whole.setTitle(info.title)
  whole.setAuthor(info.author)
  whole.setSubject(info.subject)
  whole.setCreator(info.creator)
  whole.setProducer(info.producer)
  whole.setCreationDate(info.creationDate)
  whole.setModificationDate(info.modificationDate)
  for (const source of sources) {
    const [page] = await whole.copyPages(await PDFDocument.load(source), [0])
    whole.addPage(page)
  }
  // No object streams: the document information (title, dates) stays readable as plain text, as react-pdf writes it.
  return Buffer.from(await whole.save({ useObjectStreams: false }))
}
