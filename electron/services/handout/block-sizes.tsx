import { createHash } from 'node:crypto'
import type { ReactElement } from 'react'
import { Document, Page } from '@react-pdf/renderer'
import type { HandoutInput } from '../../../src/core/handout-model'
import { PAGE_SIZE } from './document/page-size'
import { Unpaginated, type Size } from './document/paginate'
import type { HandoutParts } from './document/parts'
import { describeElement } from './element-key'
import { layOut } from './react-pdf-layout'

/** A block of the handout to measure: its id in the page plan, its element, and whether react-pdf may break inside it. */
export interface Block {
  id: string
  element: ReactElement
  wrap: boolean
}

/**
 * Block sizes measured in earlier renders, by what the block prints and where: a live preview measures again
 * only the blocks an edit changed. Kept to a few thousand blocks (a few hundred handouts' worth).
 */
const measured = new Map<string, Size>()
export const MEASURED_LIMIT = 4000

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
export async function sizes(
  input: HandoutInput,
  parts: HandoutParts,
  blocks: Block[],
  fontsDir: string,
): Promise<Map<string, Size>> {
  const keyOf = (b: Block) => {
    const described = describeElement(b.element)
    return (
      described &&
      createHash('sha1')
        .update(`${fontsDir}|${input.paper}|${input.layout}|${input.language}|${described}`)
        .digest('base64')
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
