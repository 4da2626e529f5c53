import { Alert, Group, Image, Loader, Modal, Paper, SegmentedControl, Stack, Switch, Text, UnstyledButton } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useQuietApi } from '../../app/api-context'
import type { ProgramDraft } from './draft'

type Layout = 'detailed' | 'compact' | 'large'

/** Renders PDF bytes to PNG data URLs with pdf.js (loaded only when a preview is first shown). */
async function pageImages(base64: string, width: number): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist')
  const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url')
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default
  const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true }).promise
  const images: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width })
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(viewport.width)
    canvas.height = Math.round(viewport.height)
    await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise
    images.push(canvas.toDataURL('image/png'))
  }
  await doc.destroy()
  return images
}

/**
 * The handout as it will print, redrawn a quarter of a second after the last edit. Rendering happens in
 * the main process; this window only draws the finished pages.
 */
export function HandoutPreview({ patientId, draft }: { patientId: string; draft: ProgramDraft }) {
  const api = useQuietApi()
  const [layout, setLayout] = useState<Layout>('detailed')
  const [paper, setPaper] = useState<'letter' | 'a4'>('letter')
  const [log, setLog] = useState(true)
  const [pages, setPages] = useState<string[]>([])
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [zoom, setZoom] = useState<number | null>(null)
  const key = JSON.stringify(draft)

  useEffect(() => {
    let stale = false
    const timer = setTimeout(() => {
      const program = JSON.parse(key) as ProgramDraft
      if (program.items.length === 0) {
        setPages([])
        setProblem('Add an exercise to see the handout.')
        return
      }
      setBusy(true)
      void api.previewHandout({ patientId, program: { ...program, status: 'current' }, layout, paper, logDays: log ? 14 : 0 }).then(async (result) => {
        if (stale) return
        if (!result.ok) {
          setBusy(false)
          return setProblem(result.error.message)
        }
        const images = await pageImages(result.value.pdf, 480)
        if (stale) return
        setPages(images)
        setProblem(undefined)
        setBusy(false)
      })
    }, 250)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [api, patientId, key, layout, paper, log])

  return (
    <Paper withBorder radius="lg" p="sm">
      <Group justify="space-between" mb="xs">
        <Text fw={650} size="sm">Handout preview</Text>
        {busy && <Loader size="xs" aria-label="Updating the preview" />}
      </Group>
      <Stack gap={6} mb="sm">
        <SegmentedControl size="xs" aria-label="Preview layout" value={layout} onChange={(v) => setLayout(v as Layout)}
          data={[{ value: 'detailed', label: 'Detailed' }, { value: 'compact', label: 'Compact' }, { value: 'large', label: 'Large' }]} />
        <Group gap="xs" justify="space-between">
          <SegmentedControl size="xs" aria-label="Preview paper" value={paper} onChange={(v) => setPaper(v as 'letter' | 'a4')} data={[{ value: 'letter', label: 'Letter' }, { value: 'a4', label: 'A4' }]} />
          <Switch size="xs" label="Log" checked={log} onChange={(e) => setLog(e.currentTarget.checked)} />
        </Group>
      </Stack>
      {problem && <Alert color="gray" variant="light" p="xs"><Text size="xs">{problem}</Text></Alert>}
      <Stack gap="xs" data-testid="handout-preview" data-pages={problem ? 0 : pages.length}>
        {!problem && pages.map((src, i) => (
          <UnstyledButton key={i} onClick={() => setZoom(i)} aria-label={`Page ${i + 1} of ${pages.length}, enlarge`}>
            <Image src={src} alt={`Handout page ${i + 1}`} radius="xs" style={{ border: '1px solid var(--mantine-color-default-border)' }} />
          </UnstyledButton>
        ))}
      </Stack>
      <Modal opened={zoom !== null} onClose={() => setZoom(null)} size="auto" title={zoom !== null ? `Page ${zoom + 1} of ${pages.length}` : ''}>
        {zoom !== null && <Image src={pages[zoom]} alt={`Handout page ${zoom + 1}`} w={480} />}
      </Modal>
    </Paper>
  )
}
