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
