import type { ReactElement } from 'react'
import { View } from '@react-pdf/renderer'
import type { HandoutInput } from '../../../src/core/handout-model'
import type { CardProps } from './document/card-layout'
import { cardPieces } from './document/CardPieces'
import { glanceBlock } from './document/glance'
import type { PlannedPage } from './document/HandoutDocument'
import { logBlock, logTable } from './document/log-blocks'
import { PAGE_SIZE } from './document/page-size'
import { paginate, Unpaginated, type FlowNode, type Leaf, type Placed } from './document/paginate'
import type { HandoutParts } from './document/parts'
import { sizes, type Block } from './block-sizes'

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
    input.layout === 'large' ? cardPieces((card as ReactElement<CardProps>).props, looseFrames) : undefined,
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
    pieced[i] = cardPieces({ ...(card as ReactElement<CardProps>).props, stack: true })
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
