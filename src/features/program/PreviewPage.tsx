import { memo, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PdfPages } from './pdf-pages'

/** Pixels a page is drawn wide in the preview column (it is shown scaled to the column). */
export const PAGE_WIDTH = 480

/**
 * Whether the element is on screen or near it (a page ahead), from an IntersectionObserver; always true where there is
 * none (or `always`), so the page is simply drawn.
 */
function useNearScreen(ref: React.RefObject<Element | null>, always: boolean): boolean {
  const [near, setNear] = useState(always || typeof IntersectionObserver === 'undefined')
  useEffect(() => {
    const element = ref.current
    if (always || !element || typeof IntersectionObserver === 'undefined') return setNear(true)
    const observer = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), {
      rootMargin: '50% 0px',
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref, always])
  return near
}

interface Props {
  pdf: PdfPages
  /** The page's number within `pdf` (1 when each page is a PDF of its own). */
  at: number
  /** Changes exactly when what the page prints changes: the page is redrawn then, and only then. */
  pageKey: string
  /** The page's number in the handout. */
  number: number
  total: number
  width?: number
  /** Draw at once even when off screen (the enlarged page; the bench's full-redraw mode). */
  eager?: boolean
}

/**
 * One handout page on a canvas, named "Page N of M" for screen readers. It keeps its pixels while its key stays the
 * same, whatever else in the handout changed, and draws a changed page only once it comes near the screen. The key it
 * shows is in data-drawn (data-key is the key it should show).
 */
export const PreviewPage = memo(function PreviewPage({
  pdf,
  at,
  pageKey,
  number,
  total,
  width = PAGE_WIDTH,
  eager = false,
}: Props) {
  const { t } = useTranslation('program')
  const canvas = useRef<HTMLCanvasElement>(null)
  const drawn = useRef<string | undefined>(undefined)
  const near = useNearScreen(canvas, eager)

  useEffect(() => {
    const target = canvas.current
    if (!target || !near || drawn.current === pageKey) return
    let current = true
    pdf
      .draw(at, target, width, () => current)
      .then(
        (done) => {
          if (!done || !current) return
          drawn.current = pageKey
          target.dataset['drawn'] = pageKey
        },
        // A document replaced while drawing (its pages are then gone): the newer one draws this page.
        () => {},
      )
    return () => void (current = false)
  }, [pdf, at, pageKey, width, near])

  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={t('preview.page', { page: number, total })}
      data-key={pageKey}
      width={width}
      height={Math.round(width * pdf.aspect)}
      style={{
        display: 'block',
        width: '100%',
        height: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 2,
        background: 'white',
      }}
    />
  )
})
