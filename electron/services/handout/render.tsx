import { createHash } from 'node:crypto'
import { PDFDocument } from 'pdf-lib'
import { cloneElement, type ComponentProps, type ReactElement } from 'react'
import layoutDocument from '@react-pdf/layout'
import { Document, Font, Page, pdf, View, type DocumentProps } from '@react-pdf/renderer'
import { handoutInputSchema, type HandoutInput } from '../../../src/core/handout-model'
import { cardChoices, type CardChoice, type ExerciseCard } from './document/ExerciseCard'
import { cardPieces } from './document/CardPieces'
import { prepareFonts } from './document/fonts'
import {
  documentProps,
  footerText,
  glanceBlock,
  handoutParts,
  HandoutDocument,
  logBlock,
  logTable,
  PAGE_SIZE,
  PagedHandoutDocument,
  SinglePageDocument,
  type HandoutParts,
  type PlannedPage,
} from './document/HandoutDocument'
import { paginate, Unpaginated, type FlowNode, type Leaf, type Placed, type Size } from './document/paginate'
import { pictureProblem } from '../library/image-check'
import { imageKind, MAX_IMAGE_BYTES } from '../library/media'
import { readUserFile } from '../read-user-file'

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

/** A picture the PDF can embed (PNG or JPEG, readable), or undefined with a warning. */
async function usableImage(
  src: string | undefined,
  what: string,
  warnings: string[],
  instead = 'a placeholder',
): Promise<string | undefined> {
  if (!src) return undefined
  try {
    // A path (from `npm run handout`) is read only if it is an ordinary file, and no more than any picture may be.
    const bytes = src.startsWith('data:')
      ? Buffer.from(src.slice(src.indexOf(',') + 1), 'base64')
      : await readUserFile(src, { maxBytes: MAX_IMAGE_BYTES, what: src })
    const kind = imageKind(bytes)
    if (kind !== 'png' && kind !== 'jpg') {
      warnings.push(`The picture for ${what} is not a PNG or JPEG; ${instead} was printed instead.`)
      return undefined
    }
    // react-pdf leaves out a picture it cannot decode without a word; found here, it is said which one.
    const problem = pictureProblem(bytes)
    if (!problem)
      return src.startsWith('data:')
        ? src
        : `data:image/${kind === 'png' ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`
    warnings.push(`The picture for ${what} could not be read: ${problem}; ${instead} was printed instead.`)
  } catch {
    warnings.push(`The picture for ${what} could not be read; ${instead} was printed instead.`)
  }
  return undefined
}

/** react-pdf renderers not rendering at the moment; one is enough unless renders overlap. */
const idle: ReturnType<typeof pdf>[] = []

/**
 * react-pdf's renderToBuffer, but on a renderer kept for the next render: renderToBuffer sets up a new React
 * root for every document and React keeps every root it has seen, with the document in it (about 1 MB a
 * handout), which a live preview re-rendering on every edit kept adding to. The document is let go after
 * rendering, so each render starts from nothing, as with renderToBuffer.
 */
async function renderPdf(document: ReactElement<DocumentProps>): Promise<Buffer> {
  return withInstance(document, async (instance) => {
    const chunks: Buffer[] = []
    for await (const chunk of await instance.toBuffer()) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  })
}

/**
 * The document laid out as react-pdf lays it out before it writes the PDF (the same layout its onRender reports), but
 * with no PDF written: measuring needs only the boxes, and writing (fonts embedded, pictures drawn, every stream
 * compressed) was about half of each measuring render's time.
 */
async function layOut(document: ReactElement<DocumentProps>): Promise<LaidNode> {
  // react-pdf's own font store (Font): the fonts registered by prepareFonts, as its PDF renders use them.
  const layout = layoutDocument as unknown as (root: unknown, fonts: typeof Font) => Promise<LaidNode>
  return withInstance(document, (instance) => layout((instance.container as { document: unknown }).document, Font))
}

/** `use` given a react-pdf renderer holding `document`, which is let go afterwards (see renderPdf). */
async function withInstance<T>(
  document: ReactElement<DocumentProps>,
  use: (instance: ReturnType<typeof pdf>) => Promise<T>,
): Promise<T> {
  const instance = idle.pop() ?? pdf()
  try {
    instance.updateContainer(document)
    return await use(instance)
  } finally {
    try {
      instance.updateContainer(null as unknown as ReactElement)
      idle.push(instance)
    } catch {
      // Not reusable then: the next render makes a new one.
    }
  }
}

/**
 * Block sizes measured in earlier renders, by what the block prints and where: a live preview measures again
 * only the blocks an edit changed. Kept to a few thousand blocks (a few hundred handouts' worth).
 */
const measured = new Map<string, Size>()
const MEASURED_LIMIT = 4000

/**
 * The element with everything it prints (its component, key and props, recursively), as one string; undefined
 * if a prop is a function (say a canvas's paint), whose output cannot be told from its name.
 */
function describe(element: ReactElement): string | undefined {
  let described = true
  const text = JSON.stringify(element, (_key, value: unknown) => {
    if (typeof value === 'function') described = false
    if (value && typeof value === 'object' && '$$typeof' in value) {
      const { type, key, props } = value as unknown as ReactElement
      // The block's own key names its place, not what it prints: the same card measured as a candidate or moved keeps its size.
      return {
        type: typeof type === 'function' ? `ƒ ${type.name}` : type,
        key: (value as unknown) === element ? null : key,
        props,
      }
    }
    return value
  })
  return described ? text : undefined
}

interface Block {
  id: string
  element: ReactElement
  wrap: boolean
}

/** The layout react-pdf hands to a document's onRender: nodes with their box in points. */
interface LaidNode {
  box?: { height?: number; marginTop?: number; marginBottom?: number }
  children?: LaidNode[]
}

/**
 * Sizes of `blocks` as react-pdf lays them out on this handout's page (same width, padding and inherited text
 * style), one after another on a single page of unlimited height, so no page breaks are involved.
 */
async function measure(parts: HandoutParts, blocks: Block[]): Promise<Size[]> {
  const laid = await layOut(
    <Document>
      <Page size={{ width: PAGE_SIZE[parts.size][0] }} style={parts.s.page} wrap={false}>
        {blocks.map((b) => b.element)}
      </Page>
    </Document>,
  )
  const nodes = laid.children?.[0]?.children
  if (nodes?.length !== blocks.length) throw new Unpaginated('react-pdf did not report the measured layout')
  return blocks.map((b, i) => {
    const box = nodes[i]?.box
    const size = { height: box?.height, marginTop: box?.marginTop ?? 0, marginBottom: box?.marginBottom ?? 0 }
    if (![size.height, size.marginTop, size.marginBottom].every((n) => typeof n === 'number' && Number.isFinite(n))) {
      throw new Unpaginated(`no size measured for ${b.id}`)
    }
    return size as Size
  })
}

/** Every block's size, from earlier renders where the same block was measured on the same page, else measured now. */
async function sizes(
  input: HandoutInput,
  parts: HandoutParts,
  blocks: Block[],
  fontsDir: string,
): Promise<Map<string, Size>> {
  const keyOf = (b: Block) => {
    const described = describe(b.element)
    return (
      described && createHash('sha1').update(`${fontsDir}|${input.paper}|${input.layout}|${described}`).digest('base64')
    )
  }
  const found = new Map<string, Size>()
  const missing: { block: Block; key: string | undefined }[] = []
  for (const block of blocks) {
    const key = keyOf(block)
    const size = key ? measured.get(key) : undefined
    if (key && size) {
      // Most recently used last: the oldest go first when there are too many.
      measured.delete(key)
      measured.set(key, size)
      found.set(block.id, size)
    } else {
      missing.push({ block, key })
    }
  }
  if (missing.length) {
    const measuredNow = await measure(
      parts,
      missing.map((m) => m.block),
    )
    missing.forEach(({ block, key }, i) => {
      found.set(block.id, measuredNow[i]!)
      if (key) measured.set(key, measuredNow[i]!)
    })
    for (const key of measured.keys()) {
      if (measured.size <= MEASURED_LIMIT) break
      measured.delete(key)
    }
  }
  return found
}

/** The handout's pages, each as the elements on it. Throws Unpaginated where react-pdf must break the pages itself. */
export async function planPages(
  input: HandoutInput,
  parts: HandoutParts,
  fontsDir: string,
  looseFrames = true,
): Promise<{ pages: PlannedPage[]; tooTall: string[] }> {
  const { glance, log } = parts
  // Large print's cards with the picture above the text break between their pieces with a "continued" title.
  const pieced = parts.cards.map((card) =>
    input.layout === 'large'
      ? cardPieces((card as ReactElement<ComponentProps<typeof ExerciseCard>>).props, looseFrames)
      : undefined,
  )
  const blocks: Block[] = [
    { id: 'header', element: parts.header, wrap: true },
    ...(parts.goals ? [{ id: 'goals', element: parts.goals, wrap: true }] : []),
    { id: 'glance-title', element: glance.title, wrap: false },
    { id: 'glance-head', element: glance.head, wrap: false },
    ...glance.rows.map((element, i) => ({ id: `glance-row-${i}`, element, wrap: false })),
    { id: 'glance-total', element: glance.total, wrap: false },
    { id: 'how-to', element: parts.howTo, wrap: false },
    ...parts.cards.flatMap((element, i) => {
      const card = pieced[i]
      if (!card) return [{ id: `card-${i}`, element, wrap: false }]
      return [
        ...card.pieces.map((piece, k) => ({ id: `card-${i}/${k}`, element: piece, wrap: false })),
        { id: `card-${i}/continued`, element: card.continued, wrap: false },
      ]
    }),
    { id: 'closing', element: parts.closing, wrap: false },
    ...(log
      ? [
          { id: 'log-title', element: log.title, wrap: true },
          { id: 'log-intro', element: log.intro, wrap: true },
          { id: 'log-head', element: log.head, wrap: true },
          ...log.rows.map((element, i) => ({ id: `log-row-${i}`, element, wrap: false })),
        ]
      : []),
  ]
  const size = await sizes(input, parts, blocks, fontsDir)
  const contentArea = PAGE_SIZE[parts.size][1] - Number(parts.s.page.paddingTop) - Number(parts.s.page.paddingBottom)
  // A card taller than a page breaks between its pieces too, its picture above the text: left to react-pdf, a detailed
  // card with its picture beside the text came out with lines drawn over each other.
  const stacked = parts.cards.flatMap((card, i) => {
    if (pieced[i] || size.get(`card-${i}`)!.height <= contentArea) return []
    pieced[i] = cardPieces({ ...(card as ReactElement<ComponentProps<typeof ExerciseCard>>).props, stack: true })
    return pieced[i]
      ? [
          ...pieced[i].pieces.map((piece, k) => ({ id: `card-${i}/${k}`, element: piece, wrap: false })),
          { id: `card-${i}/continued`, element: pieced[i].continued, wrap: false },
        ]
      : []
  })
  if (stacked.length) {
    blocks.push(...stacked)
    for (const [id, measuredSize] of await sizes(input, parts, stacked, fontsDir)) size.set(id, measuredSize)
  }
  const wraps = new Map(blocks.map((b) => [b.id, b.wrap]))
  const leaf = (id: string): Leaf => ({ kind: 'leaf', id, size: size.get(id)!, wrap: wraps.get(id)! })
  const glanceHead = leaf('glance-head')
  // The handout in runs that each start a page: the cards after the summary, then the log on its own pages.
  const runs: FlowNode[][] = []
  const glanceGroup: FlowNode = {
    kind: 'group',
    id: 'glance',
    whole: true,
    children: [
      leaf('glance-title'),
      glanceHead,
      ...glance.rows.map((_, i) => leaf(`glance-row-${i}`)),
      leaf('glance-total'),
    ],
    tooTall: { lead: 2, repeat: glanceHead },
  }
  // Whole cards never break; a card in pieces breaks between them, its next page headed by its "continued" title.
  const cards: FlowNode[] = parts.cards.map((_, i) => {
    const pieces = pieced[i]
    if (!pieces) return leaf(`card-${i}`)
    const children: FlowNode[] = pieces.pieces.map((_piece, k) => leaf(`card-${i}/${k}`))
    // A picture in frames stays whole unless moving it would leave a page more than a third empty (paginate.ts `loose`).
    if (pieces.head > 1)
      children.splice(0, pieces.head, {
        kind: 'group',
        id: `card-${i}/head`,
        whole: true,
        loose: 0.34,
        children: children.slice(0, pieces.head),
      })
    return { kind: 'group', id: `card-${i}`, children, continued: leaf(`card-${i}/continued`) }
  })
  // What react-pdf must break inside if it lays the handout out itself (renderHandout's fallback).
  const height = (ids: string[]) =>
    ids.reduce((sum, id) => sum + size.get(id)!.marginTop + size.get(id)!.height + size.get(id)!.marginBottom, 0)
  const tooTall: string[] = stacked.length
    ? parts.cards.flatMap((_, i) =>
        size.has(`card-${i}`) && size.get(`card-${i}`)!.height > contentArea ? [`card-${i}`] : [],
      )
    : []
  if (height(blocks.filter((b) => b.id.startsWith('glance-')).map((b) => b.id)) > contentArea) tooTall.push('glance')
  // The log's later tables are each kept whole when they fit a page, so no rows go on over a page without headings.
  const logRows = log ? log.rows.map((_, i) => leaf(`log-row-${i}`)) : []
  const tableEnds = log ? [...log.tableStarts, log.rows.length] : []
  const tables: FlowNode[] = (log?.tableStarts ?? []).map((from, t) => {
    const rows = logRows.slice(from, tableEnds[t + 1])
    const id = `log-table-${t + 1}`
    const whole =
      rows.reduce((sum, r) => sum + r.size.marginTop + r.size.height + r.size.marginBottom, 0) <= contentArea
    if (!whole) tooTall.push(id)
    return { kind: 'group', id, whole, children: rows }
  })
  const logGroup: FlowNode[] = log
    ? [
        {
          kind: 'group',
          id: 'log',
          children: [
            leaf('log-title'),
            leaf('log-intro'),
            leaf('log-head'),
            ...logRows.slice(0, tableEnds[0]),
            ...tables,
          ],
        },
      ]
    : []
  // Compact's short log follows the closing words when all of it fits a page (see HandoutParts.logFollows).
  const logFollows =
    parts.logFollows && height(blocks.filter((b) => b.id.startsWith('log-')).map((b) => b.id)) <= contentArea
  if (logFollows) logGroup[0] = { ...(logGroup[0] as Extract<FlowNode, { kind: 'group' }>), whole: true }
  runs.push([
    leaf('header'),
    ...(parts.goals ? [leaf('goals')] : []),
    ...(parts.introFirst ? [leaf('how-to'), glanceGroup] : [glanceGroup, leaf('how-to')]),
    ...cards,
    leaf('closing'),
    ...(logFollows ? logGroup : []),
  ])
  if (logGroup.length && !logFollows) runs.push(logGroup)

  const elements = new Map(blocks.map((b) => [b.id, b.element]))
  const groups: Record<string, (children: ReactElement[], key: string) => ReactElement> = {
    glance: glanceBlock,
    log: (children, key) => logBlock(children, key, !logFollows),
  }
  const build = (placed: Placed): ReactElement => {
    if (!('children' in placed)) return elements.get(placed.id)!
    const children = placed.children.map(build)
    if (placed.id.startsWith('card-')) return <View key={placed.id}>{children}</View>
    return placed.id.startsWith('log-table-')
      ? logTable(children, placed.id, !tooTall.includes(placed.id))
      : groups[placed.id]!(children, placed.id)
  }
  try {
    return { pages: paginate(runs, contentArea).map((page) => ({ content: page.map(build) })), tooTall }
  } catch (error) {
    throw error instanceof Unpaginated ? new Unpaginated(error.message, tooTall) : error
  }
}

/**
 * Each card in the arrangement that measures shortest (see cardChoices): the estimate from the words alone put a
 * caution under a tall picture and left a detailed A4 card 425 pt tall that fits in 340.
 */
async function shortestCards(input: HandoutInput, parts: HandoutParts, fontsDir: string): Promise<CardChoice[]> {
  const keyOf = (card: ReactElement) => {
    const described = describe(card)
    return described && `${fontsDir}|${input.paper}|${input.layout}|${described}`
  }
  const cards = parts.cards.map((element) => element as ReactElement<ComponentProps<typeof ExerciseCard>>)
  const keys = cards.map(keyOf)
  const variants = cards.map((card, i) => {
    const known = keys[i] && chosen.get(keys[i])
    if (known) return [{ choice: known, block: undefined }]
    return cardChoices(card.props).map((choice, k) => ({
      choice,
      block: { id: `card-${i}/${k}`, element: cloneElement(card, { ...choice, key: `${card.key}/${k}` }), wrap: false },
    }))
  })
  const many = variants.filter((v) => v.length > 1).flatMap((v) => v.map((c) => c.block!))
  const size = many.length ? await sizes(input, parts, many, fontsDir) : new Map<string, Size>()
  const total = (id: string) => size.get(id)!.marginTop + size.get(id)!.height + size.get(id)!.marginBottom
  return variants.map((v, i) => {
    if (v.length === 1) return v[0]!.choice
    // Ties keep the earlier choice: fewer parts moved under the picture, the wider compact picture.
    const { choice } = v.reduce((best, c) => (total(c.block!.id) < total(best.block!.id) - 0.5 ? c : best))
    if (keys[i]) {
      if (chosen.size >= MEASURED_LIMIT) chosen.delete(chosen.keys().next().value!)
      chosen.set(keys[i], choice)
    }
    return choice
  })
}

/** The arrangement chosen for a card, by what it prints, from earlier renders: a preview edit measures only the card it changed. */
const chosen = new Map<string, CardChoice>()

/** The handout's parts with each card in its chosen arrangement. */
const arranged = (parts: HandoutParts, choices: CardChoice[]): HandoutParts => ({
  ...parts,
  cards: parts.cards.map((card, i) => cloneElement(card, choices[i])),
})

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
async function renderPages(
  input: HandoutInput,
  parts: HandoutParts,
  pages: PlannedPage[],
  fontsDir: string,
): Promise<{ pages: Uint8Array[]; keys: string[] } | undefined> {
  const contents = pages.map((page) => page.content)
  const shared = `${fontsDir}|${input.paper}|${input.layout}|${footerText(input)}|${pages.length}`
  const keys = contents.map((content, i) => {
    const described = describe(<View>{content}</View>)
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
async function joinPages(input: HandoutInput, sources: Uint8Array[]): Promise<Buffer> {
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

/** A handout as separate pages (see renderHandoutPages): one PDF per page, in order, each with its key. */
export interface PagesResult {
  pages: Uint8Array[]
  pageKeys: string[]
  warnings: string[]
}

/**
 * Renders a handout to one PDF. Used by export and print (in the renderer's own process or
 * thread, see ./renderer) and by `npm run handout`: one code path. Input is validated here as well, whatever the caller.
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

export interface RenderHandoutOptions {
  pageBreaks?: 'measured' | 'react-pdf'
  /** false: print a picture in frames whole, as react-pdf's own page breaking does (for comparing the two). */
  looseFrames?: boolean
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
      image: await usableImage(item.image, `“${item.name}”`, warnings, item.diagram ? 'its diagram' : 'a placeholder'),
    })),
  )
  const logo = await usableImage(input.clinic.logo, 'the clinic logo', warnings)
  const ready: HandoutInput = { ...input, clinic: { ...input.clinic, logo }, program: { ...input.program, items } }
  const choices = await shortestCards(ready, handoutParts(ready), fontsDir)
  let parts = arranged(handoutParts(ready), choices)
  if (options.pageBreaks !== 'react-pdf') {
    try {
      const { pages, tooTall } = await planPages(ready, parts, fontsDir, options.looseFrames !== false)
      const separate = await renderPages(ready, parts, pages, fontsDir)
      if (separate) return { pages: separate.pages, pageKeys: separate.keys, warnings, input: ready }
      let laid: LaidNode | undefined
      const onRender = (props: object) =>
        (laid = (props as { _INTERNAL__LAYOUT__DATA_?: LaidNode })._INTERNAL__LAYOUT__DATA_)
      const pdf = await renderPdf(
        <PagedHandoutDocument input={ready} parts={parts} pages={pages} onRender={onRender} />,
      )
      // Each planned page is one react-pdf page that does not break; anything else and react-pdf decides.
      if (laid?.children?.length === pages.length) return { pdf, warnings }
      parts = arranged(handoutParts(ready, new Set(tooTall)), choices)
    } catch (error) {
      if (!(error instanceof Unpaginated)) throw error
      // Kept whole, a block taller than a page was squashed onto one page, lines over each other.
      if (error.tooTall.length) parts = arranged(handoutParts(ready, new Set(error.tooTall)), choices)
    }
  }
  return { pdf: await renderPdf(<HandoutDocument input={ready} parts={parts} />), warnings }
}
