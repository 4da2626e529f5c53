/**
 * A handout PDF opened with pdf.js (loaded only when a preview is first shown), whose pages are drawn one at a time
 * onto canvases: the preview draws only the pages that changed, and only when they are on screen.
 */
export interface PdfPages {
  count: number
  /** Height over width of the first page (all of a handout's pages are the same size). */
  aspect: number
  /**
   * Draws page `number` (from 1) `width` pixels wide onto `target`. It is drawn off screen first and copied in only
   * when finished and `current()` still says so: a slow draw that lost its reason never shows, nor a half-drawn page.
   * Resolves true once copied in, false if not.
   */
  draw(number: number, target: HTMLCanvasElement, width: number, current?: () => boolean): Promise<boolean>
  destroy(): void
}

type PdfJs = typeof import('pdfjs-dist')
let loaded: Promise<{ pdfjs: PdfJs; worker: InstanceType<PdfJs['PDFWorker']> }> | undefined

/** pdf.js and one worker kept for every preview: a new worker per edit cost its start-up each time. */
function load() {
  loaded ??= (async () => {
    const pdfjs = await import('pdfjs-dist')
    const src = await import('pdfjs-dist/build/pdf.worker.min.mjs?url')
    pdfjs.GlobalWorkerOptions.workerSrc = src.default
    return { pdfjs, worker: new pdfjs.PDFWorker() }
  })()
  return loaded
}

export async function openPdf(data: Uint8Array): Promise<PdfPages> {
  const { pdfjs, worker } = await load()
  const doc = await pdfjs.getDocument({ data, worker, isEvalSupported: false, disableFontFace: true }).promise
  const first = (await doc.getPage(1)).getViewport({ scale: 1 })
  return {
    count: doc.numPages,
    aspect: first.height / first.width,
    async draw(number, target, width, current = () => true) {
      const page = await doc.getPage(number)
      const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width })
      const canvas = document.createElement('canvas')
      canvas.width = Math.round(viewport.width)
      canvas.height = Math.round(viewport.height)
      await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise
      if (!current()) return false
      if (target.width !== canvas.width) target.width = canvas.width
      if (target.height !== canvas.height) target.height = canvas.height
      target.getContext('2d')!.drawImage(canvas, 0, 0)
      return true
    },
    destroy: () => void doc.destroy(),
  }
}
