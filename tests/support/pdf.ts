import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfText {
  pages: {
    width: number
    height: number
    items: { str: string; x: number; y: number; width: number; height: number }[]
    text: string
  }[]
  all: string
}

/** The text of every page (pdfjs-dist), with each run's position, to check what a patient will read. */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise
  const pages: PdfText['pages'] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const [, , width, height] = page.view as [number, number, number, number]
    const content = await page.getTextContent()
    const items = content.items
      .filter((item): item is Extract<typeof item, { str: string }> => 'str' in item)
      .map((item) => ({
        str: item.str,
        x: item.transform[4] as number,
        y: item.transform[5] as number,
        width: item.width,
        height: Math.abs(item.transform[3] as number),
      }))
    pages.push({
      width,
      height,
      items,
      text: items
        .map((i) => i.str)
        .join(' ')
        .replace(/\s+/g, ' '),
    })
  }
  await doc.destroy()
  return { pages, all: pages.map((p) => p.text).join('\n') }
}

/** Dash patterns set on each page: diagrams draw their start pose with a dashed outline, nothing else in a handout does. */
export async function pdfDashes(bytes: Uint8Array): Promise<number[][][]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise
  const pages: number[][][] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList()
    pages.push(
      ops.fnArray
        .flatMap((fn, i) => (fn === OPS.setDash ? [(ops.argsArray[i] as [number[], number])[0]] : []))
        .filter((d) => d.length > 0),
    )
  }
  await doc.destroy()
  return pages
}

/** Pairs of text runs on a page whose boxes (baseline up to the font size) overlap by more than a hair. */
export function overlappingText(page: PdfText['pages'][number]): string[] {
  const runs = page.items.filter((i) => i.str.trim() && i.width > 0)
  const found: string[] = []
  runs.forEach((a, i) => {
    for (const b of runs.slice(i + 1)) {
      const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
      const down = Math.min(a.y + a.height * 0.75, b.y + b.height * 0.75) - Math.max(a.y, b.y)
      if (across > 1 && down > 1) found.push(`"${a.str}" / "${b.str}"`)
    }
  })
  return found
}

/**
 * The text of a live preview (contract.previewHandout): its one-page PDFs read in order, or its whole PDF. A page
 * the window already held is not sent; `held` gives its bytes, by key.
 */
export async function previewText(
  preview: { pdf: Uint8Array } | { pages: (Uint8Array | null)[]; pageKeys: string[] },
  held: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<PdfText> {
  if ('pdf' in preview) return pdfText(preview.pdf)
  const pages: PdfText['pages'] = []
  for (const [i, bytes] of preview.pages.entries()) {
    const page = bytes ?? held.get(preview.pageKeys[i]!)
    if (!page) throw new Error(`page ${i + 1} was not sent and is not held`)
    const read = await pdfText(page)
    if (read.pages.length !== 1) throw new Error(`page ${i + 1} of the preview holds ${read.pages.length} pages`)
    pages.push(read.pages[0]!)
  }
  return { pages, all: pages.map((p) => p.text).join('\n') }
}
