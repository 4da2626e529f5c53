import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfText {
  pages: { width: number; height: number; items: { str: string; x: number; y: number; width: number }[]; text: string }[]
  all: string
}

/** The text of every page (pdfjs-dist), with each run's position, to check what a patient will read. */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
  const pages: PdfText['pages'] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const [, , width, height] = page.view as [number, number, number, number]
    const content = await page.getTextContent()
    const items = content.items
      .filter((item): item is Extract<typeof item, { str: string }> => 'str' in item)
      .map((item) => ({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }))
    pages.push({ width, height, items, text: items.map((i) => i.str).join(' ').replace(/\s+/g, ' ') })
  }
  await doc.destroy()
  return { pages, all: pages.map((p) => p.text).join('\n') }
}

/** Dash patterns set on each page: diagrams draw their start pose with a dashed outline, nothing else in a handout does. */
export async function pdfDashes(bytes: Uint8Array): Promise<number[][][]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
  const pages: number[][][] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList()
    pages.push(ops.fnArray.flatMap((fn, i) => (fn === OPS.setDash ? [(ops.argsArray[i] as [number[], number])[0]] : [])).filter((d) => d.length > 0))
  }
  await doc.destroy()
  return pages
}
