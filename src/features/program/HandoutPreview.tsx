import { Alert, Group, Image, Loader, Modal, Paper, SegmentedControl, Stack, Switch, Text, UnstyledButton } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useQuietApi } from '../../app/api-context'
import { withoutPath } from '../../core/issues'
import type { ProgramDraft } from './draft'
import { pageImages } from './pdf-pages'
import { firstProblem } from './program-problems'

type Layout = 'detailed' | 'compact' | 'large'

interface Props {
  patientId: string
  draft: ProgramDraft
  /** Exercise names, so a problem can say which exercise it is in. */
  nameOf?: (exerciseId: string) => string | undefined
}

/**
 * The handout as it will print, redrawn a quarter of a second after the last edit. Rendering happens off
 * the main process's thread (a utility process in the app); this window only draws the finished pages. While a field holds a value that cannot be
 * printed, the last pages that could be drawn stay, with a plain note saying what to fix (the field itself
 * shows the same message).
 */
export function HandoutPreview({ patientId, draft, nameOf }: Props) {
  const api = useQuietApi()
  const [layout, setLayout] = useState<Layout>('detailed')
  const [paper, setPaper] = useState<'letter' | 'a4'>('letter')
  const [log, setLog] = useState(true)
  const [pages, setPages] = useState<string[]>([])
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [zoom, setZoom] = useState<number | null>(null)
  const key = JSON.stringify(draft)
  const nameRef = useRef(nameOf)
  useEffect(() => void (nameRef.current = nameOf))

  useEffect(() => {
    let stale = false
    const timer = setTimeout(() => {
      const program = JSON.parse(key) as ProgramDraft
      if (program.items.length === 0) {
        setPages([])
        setBusy(false)
        setProblem('Add an exercise to see the handout.')
        return
      }
      const invalid = firstProblem(program, (id) => nameRef.current?.(id))
      if (invalid) {
        setBusy(false)
        return setProblem(invalid)
      }
      setBusy(true)
      void api.previewHandout({ patientId, program: { ...program, status: 'current' }, layout, paper, logDays: log ? 14 : 0 }).then(async (result) => {
        if (stale) return
        if (!result.ok) {
          setBusy(false)
          return setProblem(withoutPath(result.error))
        }
        // Cancelled: a newer preview of this program was asked for (here or in another window); it brings the pages.
        if ('cancelled' in result.value) return setBusy(false)
        const images = await pageImages(result.value.pdf, 480)
        if (stale) return
        setPages(images)
        setProblem(undefined)
        setBusy(false)
      }).catch(() => {
        if (stale) return
        setBusy(false)
        setProblem('The preview could not be drawn this time. It will try again after your next change.')
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
      {problem && (
        <Alert color={pages.length ? 'yellow' : 'gray'} variant="light" p="xs" role="status">
          <Text size="xs">{problem}</Text>
          {pages.length > 0 && <Text size="xs" c="dimmed" mt={4}>The pages below are from before this change. They update once it is fixed.</Text>}
        </Alert>
      )}
      <Stack gap="xs" data-testid="handout-preview" data-pages={pages.length} data-current={problem ? 'no' : 'yes'} style={problem ? { opacity: 0.6 } : undefined}>
        {pages.map((src, i) => (
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
