import type { PreviewResult } from '../../core/contract'
import type { PdfPages } from './pdf-pages'

/** One page in the preview: the open PDF that holds it, its page number there, and its key. */
export interface ShownPage {
  pdf: PdfPages
  /** The page's number within `pdf` (1 when each page is a PDF of its own). */
  at: number
  /** Changes exactly when what the page prints changes: the page is redrawn then, and only then. */
  key: string
}

let fresh = 0

/**
 * The pages to show for a preview result. Pages sent apart are opened one by one, and a page the window already
 * holds (sent as null, its key in `held`) is reused as it is: an edit opens and draws only the pages it changed.
 * A whole-document result (pages that could not be rendered apart) gives every page a new key. `everyPage`: every
 * page counts as changed (the bench's baseline).
 */
export async function pagesFor(
  result: PreviewResult,
  held: ReadonlyMap<string, PdfPages>,
  open: (bytes: Uint8Array) => Promise<PdfPages>,
  everyPage = false,
): Promise<ShownPage[]> {
  if ('pdf' in result) {
    const pdf = await open(result.pdf)
    const run = ++fresh
    return Array.from({ length: pdf.count }, (_, i) => ({ pdf, at: i + 1, key: `${run}/${i}` }))
  }
  const opened: PdfPages[] = []
  try {
    return await Promise.all(
      result.pageKeys.map(async (key, i) => {
        const bytes = result.pages[i]
        const kept = held.get(key)
        if (!bytes) {
          if (!kept) throw new Error(`The preview was sent no page ${i + 1} and holds none with its key.`)
          return { pdf: kept, at: 1, key }
        }
        const pdf = await open(bytes)
        opened.push(pdf)
        return { pdf, at: 1, key: everyPage ? `${++fresh}/${i}` : key }
      }),
    )
  } catch (error) {
    for (const pdf of opened) pdf.destroy()
    throw error
  }
}

/** The per-page PDFs of `pages` by key, to reuse for the next result (a whole document's pages are never reused). */
export const heldPages = (pages: readonly ShownPage[]): Map<string, PdfPages> =>
  new Map(pages.filter((page) => page.pdf.count === 1 && page.at === 1).map((page) => [page.key, page.pdf]))

/** The PDFs shown before and not any more: to be let go once the new pages are up. */
export function droppedDocuments(before: readonly ShownPage[], after: readonly ShownPage[]): PdfPages[] {
  const kept = new Set(after.map((page) => page.pdf))
  return [...new Set(before.map((page) => page.pdf))].filter((pdf) => !kept.has(pdf))
}
