/**
 * Page breaks for the handout, decided from measured block sizes with the rules react-pdf 4 itself applies
 * when it breaks a page (layout's splitNodes), so the pages come out the same as react-pdf's own. react-pdf
 * lays out everything after a break again at every page (and once more for a page-number render prop),
 * which costs time in the square of the page count; deciding the breaks here takes one measuring pass.
 *
 * Anything these rules do not cover (a block that would have to be split inside, such as a paragraph
 * straddling a page break, or a card taller than a page) throws Unpaginated, and the caller lets react-pdf
 * break the pages itself.
 *
 * A copy of react-pdf's private page breaking, as of @react-pdf/layout 5.2 (@react-pdf/renderer 4.9): splitNodes,
 * shouldBreak and getWrap in @react-pdf/layout's lib/index.js. The rules copied: a block that does not fit (its
 * top margin, border box and bottom margin) moves to the next page unless it is first on its page; a block that
 * may wrap is split inside (not done here: Unpaginated); a View that may wrap breaks between its children; a whole
 * View (wrap={false}) moves as one. tests/services/handout/document/pagination.test.ts compares every line's page
 * and position with react-pdf's own page breaking on the installed packages, and says what to do when they part.
 */

/** A block's border-box height and vertical margins, in points, as react-pdf laid it out. */
export interface Size {
  height: number
  marginTop: number
  marginBottom: number
}

/** A block that is placed whole (`wrap: false`), or that react-pdf would split inside if it does not fit (`wrap: true`). */
export interface Leaf {
  kind: 'leaf'
  id: string
  size: Size
  wrap: boolean
}

/**
 * A View without margins, padding or borders around other blocks. It breaks between its children unless it
 * is `whole` (react-pdf's wrap={false}).
 */
export interface Group {
  kind: 'group'
  id: string
  children: FlowNode[]
  whole?: boolean
  /**
   * For a `whole` group taller than a page (react-pdf would squash it onto one page, over the footer): break it
   * between children after the first `lead` ones, and start each continuation with the child `repeat`.
   */
  tooTall?: { lead: number; repeat: FlowNode }
  /** Starts the group's part on the next page when the group is split (a card's "continued" title). */
  continued?: FlowNode
  /**
   * For a `whole` group: break it between its children after all, when moving it whole to the next page would
   * leave more than this share of the page's content area empty (large print's frames, see CardPieces). Not a
   * react-pdf rule: react-pdf's own page breaking keeps such a group whole.
   */
  loose?: number
}

export type FlowNode = Leaf | Group

/** What one page holds: leaves by id, groups with the part of their children that landed on the page. */
export type Placed = { id: string } | { id: string; children: Placed[] }

export class Unpaginated extends Error {
  /** Blocks found taller than a page, which react-pdf has to break inside. */
  constructor(
    message: string,
    readonly tooTall: string[] = [],
  ) {
    super(message)
  }
}

/** react-pdf does not split a block that overflows by less than this (points). */
const SAFETY = 0.001

interface Laid {
  node: FlowNode
  top: number
  height: number
  marginBottom: number
  children?: Laid[]
}

const margins = (node: FlowNode) => (node.kind === 'leaf' ? node.size : { marginTop: 0, marginBottom: 0 })

/** Yoga's column layout of `nodes` from y = 0 (margins add up, they do not collapse); returns the content height. */
function layColumn(nodes: FlowNode[]): { laid: Laid[]; height: number } {
  const laid: Laid[] = []
  let y = 0
  for (const node of nodes) {
    const { marginTop, marginBottom } = margins(node)
    const top = y + marginTop
    if (node.kind === 'leaf') {
      laid.push({ node, top, height: node.size.height, marginBottom })
      y = top + node.size.height + marginBottom
    } else {
      const inner = layColumn(node.children)
      laid.push({ node, top, height: inner.height, marginBottom, children: inner.laid })
      y = top + inner.height + marginBottom
    }
  }
  return { laid, height: y }
}

const placedOf = (laid: Laid): Placed =>
  laid.children ? { id: laid.node.id, children: laid.children.map(placedOf) } : { id: laid.node.id }

/** A block moved to the next page may break there (react-pdf sets wrap: true on it). */
const moved = (node: FlowNode): FlowNode => (node.kind === 'leaf' ? { ...node, wrap: true } : { ...node, whole: false })

/**
 * react-pdf's splitNodes: fills `available` points with `laid` (tops relative to the same origin) and returns
 * what stays on this page and what goes on. `contentArea` is a whole page's height for content.
 */
function split(available: number, laid: Laid[], contentArea: number): { current: Placed[]; next: FlowNode[] } {
  const current: Placed[] = []
  const next: FlowNode[] = []
  for (let i = 0; i < laid.length; i++) {
    const child = laid[i]!
    const future = laid.slice(i + 1)
    const bottom = child.top + child.height
    if (available <= child.top) {
      next.push(child.node)
      continue
    }
    const node = child.node
    const canWrap = node.kind === 'leaf' ? node.wrap : !node.whole
    if (child.height > contentArea && !canWrap) {
      if (node.kind === 'group' && node.tooTall && child.children) {
        const inner = split(available - child.top, child.children, contentArea)
        if (inner.current.length <= node.tooTall.lead) {
          // Nothing but the heading would stay here: start the whole table on the next page.
          if (current.length === 0) throw new Unpaginated(`${node.id} does not fit on an empty page`)
          next.push(node, ...future.map((f) => f.node))
          break
        }
        current.push({ id: node.id, children: inner.current })
        if (inner.next.length)
          next.push({ ...node, children: [node.tooTall.repeat, ...inner.next], tooTall: { ...node.tooTall, lead: 1 } })
        next.push(...future.map((f) => f.node))
        break
      }
      // react-pdf draws it on this page anyway, over the page's end.
      throw new Unpaginated(`${node.id} is taller than a page`)
    }
    const overflows = available < bottom
    if (overflows && !canWrap && node.kind === 'group' && node.loose !== undefined && child.children) {
      const inner =
        (available - child.top) / contentArea > node.loose
          ? split(available - child.top, child.children, contentArea)
          : undefined
      if (inner?.current.length) {
        current.push({ id: node.id, children: inner.current })
        next.push({ ...node, children: inner.next }, ...future.map((f) => f.node))
        break
      }
    }
    // react-pdf keeps a block's bottom margin on its page too, unless it is the page's first block.
    const end = bottom + child.marginBottom
    const presence = future.length ? Math.min(end, Math.max(...future.map((f) => f.top + f.height))) : end
    if ((overflows && !canWrap) || (!overflows && presence > available && current.length > 0)) {
      next.push(moved(node), ...future.map((f) => f.node))
      break
    }
    if (available + SAFETY < bottom) {
      if (node.kind === 'leaf' || !child.children) throw new Unpaginated(`${node.id} would be split across pages`)
      const inner = split(available - child.top, child.children, contentArea)
      if (inner.current.length === 0) {
        if (current.length === 0) throw new Unpaginated(`${node.id} does not fit on an empty page`)
        next.push(node, ...future.map((f) => f.node))
        break
      }
      current.push({ id: node.id, children: inner.current })
      next.push({ ...node, children: node.continued ? [node.continued, ...inner.next] : inner.next })
      continue
    }
    current.push(placedOf(child))
  }
  return { current, next }
}

/**
 * Breaks each section (one react-pdf Page's content, which always starts a new page) into pages of
 * `contentArea` points (the page height less its top and bottom padding). Returns each page's blocks.
 */
export function paginate(sections: FlowNode[][], contentArea: number): Placed[][] {
  const pages: Placed[][] = []
  for (const section of sections) {
    let remaining = section
    for (;;) {
      const { laid, height } = layColumn(remaining)
      if (height <= contentArea + SAFETY) {
        pages.push(laid.map(placedOf))
        break
      }
      const { current, next } = split(contentArea, laid, contentArea)
      if (current.length === 0) throw new Unpaginated('nothing fits on a page')
      // react-pdf would go on to a page with nothing on it but the footer.
      if (next.length === 0) throw new Unpaginated('only a bottom margin is left for the next page')
      pages.push(current)
      remaining = next
    }
  }
  return pages
}
