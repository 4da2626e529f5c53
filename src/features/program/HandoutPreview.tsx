import { Alert, Box, Group, Loader, Modal, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import type { ArgOf } from '../../core/contract'
import { withoutPath } from '../../core/issues'
import type { Result } from '../../core/result'
import type { ProgramDraft } from './draft'
import { handoutArg, HandoutOptionsControl, useHandoutOptions } from './HandoutOptions'
import { latestOnly } from './latest-only'
import { openPdf } from './pdf-pages'
import { droppedDocuments, heldPages, pagesFor, type ShownPage } from './preview-pages'
import { PreviewPage } from './PreviewPage'
import { firstProblem } from './program-problems'

interface Props {
  patientId: string
  draft: ProgramDraft
  /** Exercise names, so a problem can say which exercise it is in. */
  nameOf?: (exerciseId: string) => string | undefined
}

/**
 * `?preview=full` in the address (the browser bridge only) redraws every page after every edit, as the preview did
 * before pages had keys: the bench's baseline.
 */
const redrawsEverything = () =>
  typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('preview') === 'full'

/** A stale preview the main side gave up on for a newer one: nothing to show or say. */
const cancelled = (result: Result<unknown>) =>
  result.ok
    ? typeof result.value === 'object' && result.value !== null && 'cancelled' in result.value
    : (result.error.code as string) === 'cancelled'

/**
 * The handout as it will print, on the clinic's layout and paper until another is chosen (see HandoutOptions),
 * requested as soon as an edit is made (while one is being rendered, the newest edit waits for it, and edits in
 * between are skipped). The handout is rendered off the main process's thread (a utility process in the app, a worker
 * thread in the browser bridge) and sent a page at a time, only the pages whose keys this window does not hold (see
 * preview-pages.ts); a changed page is drawn once it comes near the screen. While a field holds a value that cannot
 * be printed, the last pages that could be drawn stay, with a plain note saying what to fix (the field itself shows
 * the same message).
 */
export function HandoutPreview({ patientId, draft, nameOf }: Props) {
  const { t } = useTranslation('program')
  const api = useQuietApi()
  const [options, setOptions] = useHandoutOptions()
  const [shown, setShown] = useState<ShownPage[]>()
  /** The last request answered (its argument as JSON) and, if it failed, what to say. */
  const [done, setDone] = useState<{ request: string; error?: string }>()
  const [zoom, setZoom] = useState<number | null>(null)
  const [full] = useState(redrawsEverything)
  const key = JSON.stringify(draft)
  const program = useMemo(() => JSON.parse(key) as ProgramDraft, [key])
  const invalid = useMemo(
    () => (program.items.length === 0 ? t('preview.empty') : firstProblem(program, nameOf, t)),
    [program, nameOf, t],
  )
  // Nothing is asked for until the clinic's options are known, so an A4 clinic's first preview is on A4.
  const request = useMemo(
    () => options && JSON.stringify({ patientId, program: { ...program, status: 'current' }, ...handoutArg(options) }),
    [patientId, program, options],
  )
  const queue = useRef<ReturnType<typeof latestOnly<string>>>(undefined)
  useEffect(() => () => (queue.current?.stop(), (queue.current = undefined)), [])
  /** The pages last put up, and the one-page PDFs among them by key (the next request says it holds those). */
  const up = useRef<ShownPage[]>([])
  const held = useRef(heldPages([]))
  // The pages replaced are let go once the new ones are up; all of them when the preview goes.
  useEffect(() => {
    for (const pdf of droppedDocuments(up.current, shown ?? [])) pdf.destroy()
    up.current = shown ?? []
  }, [shown])
  useEffect(() => () => up.current.forEach((page) => page.pdf.destroy()), [])

  useEffect(() => {
    if (invalid) return queue.current?.cancel()
    if (!request) return
    queue.current ??= latestOnly(async (asked, isCurrent) => {
      try {
        const holding = held.current
        const known = full ? [] : [...holding.keys()]
        const result = await api.previewHandout({ ...(JSON.parse(asked) as ArgOf<'previewHandout'>), known })
        if (!isCurrent()) return
        // Cancelled by a newer preview of this program (another window): the pages shown stay, the spinner stops.
        if (cancelled(result)) return setDone({ request: asked })
        if (!result.ok) return setDone({ request: asked, error: withoutPath(result.error) })
        if ('cancelled' in result.value) return
        const pages = await pagesFor(result.value, holding, openPdf, full)
        if (!isCurrent()) return droppedDocuments(pages, up.current).forEach((pdf) => pdf.destroy())
        held.current = heldPages(pages)
        setShown(pages)
        setDone({ request: asked })
      } catch {
        if (isCurrent())
          setDone({
            request: asked,
            error: t('preview.failed'),
          })
      }
    })
    queue.current.push(request)
  }, [api, request, invalid, full, t])

  const busy = !invalid && done?.request !== request
  const problem = invalid ?? done?.error
  // With no exercises there is no handout: the old pages go.
  const pages = program.items.length ? shown : undefined
  const count = pages?.length ?? 0
  return (
    <Paper withBorder radius="lg" p="sm">
      <Group justify="space-between" mb="xs">
        <Text fw={650} size="sm">
          {t('preview.title')}
        </Text>
        {busy && <Loader size="xs" aria-label={t('preview.updating')} />}
      </Group>
      <Box mb="sm">{options && <HandoutOptionsControl value={options} onChange={setOptions} />}</Box>
      {problem && (
        <Alert color={count ? 'yellow' : 'gray'} variant="light" p="xs" role="status">
          <Text size="xs">{problem}</Text>
          {count > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('preview.stale')}
            </Text>
          )}
        </Alert>
      )}
      <Stack
        gap="xs"
        data-testid="handout-preview"
        data-pages={count}
        data-current={problem ? 'no' : 'yes'}
        style={problem ? { opacity: 0.6 } : undefined}
      >
        {pages?.map((page, i) => (
          <UnstyledButton
            key={i}
            onClick={() => setZoom(i)}
            aria-label={t('preview.enlarge', { page: i + 1, total: count })}
          >
            <PreviewPage pdf={page.pdf} at={page.at} pageKey={page.key} number={i + 1} total={count} eager={full} />
          </UnstyledButton>
        ))}
      </Stack>
      <Modal
        opened={zoom !== null && zoom < count}
        onClose={() => setZoom(null)}
        size="auto"
        title={zoom !== null ? t('preview.page', { page: zoom + 1, total: count }) : ''}
      >
        {pages && zoom !== null && zoom < count && (
          <div style={{ width: 720 }}>
            <PreviewPage
              pdf={pages[zoom]!.pdf}
              at={pages[zoom]!.at}
              pageKey={pages[zoom]!.key}
              number={zoom + 1}
              total={count}
              width={720}
              eager
            />
          </div>
        )}
      </Modal>
    </Paper>
  )
}
