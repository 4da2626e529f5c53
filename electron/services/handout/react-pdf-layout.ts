/**
 * The only place that reads react-pdf's layout (the boxes it computed), which react-pdf does not offer publicly.
 *
 * It relies on, in @react-pdf/renderer 4.9 and @react-pdf/layout 5.2:
 * - a Document's `onRender` being called, after `toBuffer()`, with `{ _INTERNAL__LAYOUT__DATA_: root }`: the laid-out
 *   document, whose `children` are its pages, each with `children` (the page's nodes) and a `box` (height and
 *   margins in points);
 * - the instance from `pdf()` holding the document it was given in `container.document` (react-pdf's own root
 *   node), and @react-pdf/layout's default export laying that out as `layoutDocument(root, fontStore)` with
 *   react-pdf's `Font` as the font store, giving the same tree without writing a PDF;
 * - the project's own @react-pdf/layout being the copy @react-pdf/renderer uses (so both lay out alike).
 *
 * tests/services/handout/react-pdf-layout.test.tsx checks all of it on the installed packages and names the package
 * and version to look at when an upgrade changes it. What depends on it: the page plan (block sizes, page-plan.tsx)
 * and renderHandout's check that each planned page stayed one page (render.tsx); both fall back to react-pdf's own
 * page breaking (Unpaginated) when the layout is not reported as expected.
 */
import type { ReactElement } from 'react'
import layoutDocument from '@react-pdf/layout'
import { Font, type DocumentProps } from '@react-pdf/renderer'
import { withInstance } from './react-pdf-instance'

/** The layout react-pdf hands to a document's onRender: nodes with their box in points. */
export interface LaidNode {
  box?: { height?: number; marginTop?: number; marginBottom?: number }
  children?: LaidNode[]
}

/**
 * The document laid out as react-pdf lays it out before it writes the PDF (the same layout its onRender reports), but
 * with no PDF written: measuring needs only the boxes, and writing (fonts embedded, pictures drawn, every stream
 * compressed) was about half of each measuring render's time.
 */
export async function layOut(document: ReactElement<DocumentProps>): Promise<LaidNode> {
  // react-pdf's own font store (Font): the fonts registered by prepareFonts, as its PDF renders use them.
  const layout = layoutDocument as unknown as (root: unknown, fonts: typeof Font) => Promise<LaidNode>
  return withInstance(document, (instance) => layout((instance.container as { document: unknown }).document, Font))
}

/**
 * An `onRender` for a Document, and the layout it was last given: react-pdf reports the document it laid out to
 * onRender, once its PDF is written. `laid()` is undefined until then, or when react-pdf stops reporting it.
 */
export function layoutReport(): { onRender: (props: object) => void; laid: () => LaidNode | undefined } {
  let laid: LaidNode | undefined
  return {
    onRender: (props) => {
      laid = (props as { _INTERNAL__LAYOUT__DATA_?: LaidNode })._INTERNAL__LAYOUT__DATA_
    },
    laid: () => laid,
  }
}
