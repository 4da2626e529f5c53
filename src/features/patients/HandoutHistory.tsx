import { Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileTypePdf, IconFolderOpen, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { languageNames } from '../../core/languages'
import { useApi, useQuietApi } from '../../app/api-context'
import type { HandoutRecord } from '../../core/patient'
import { useDates } from '../../app/use-dates'
import type { HandoutLayout, PaperSize } from '../../core/handout-options'

const layoutKey = {
  detailed: 'handouts.layout.detailed',
  compact: 'handouts.layout.compact',
  large: 'handouts.layout.large',
} as const satisfies Record<HandoutLayout, string>
const paperKey = { letter: 'handouts.paper.letter', a4: 'handouts.paper.a4' } as const satisfies Record<
  PaperSize,
  string
>

/**
 * The handouts given to a patient, newest first. Each can be saved again or printed exactly as it was given
 * (from the copy kept at export), or shown in its folder. Failures are said by the app's notifications.
 */
export function HandoutHistory({ patientId, handouts }: { patientId: string; handouts: HandoutRecord[] }) {
  const api = useApi()
  const quiet = useQuietApi()
  const { t } = useTranslation('patients')
  const { date } = useDates()
  /** The row and action under way, so a double click does not start a second one. */
  const [busy, setBusy] = useState<string>()
  const run = async (key: string, action: () => Promise<void>) => {
    if (busy) return
    setBusy(key)
    try {
      await action()
    } finally {
      setBusy(undefined)
    }
  }
  const warn = (warnings: string[]) =>
    warnings.forEach((message) => notifications.show({ color: 'yellow', message, autoClose: 12000 }))
  const saveAgain = (h: HandoutRecord) =>
    run(`${h.id}/save`, async () => {
      const result = await api.reprintHandout({ patientId, handoutId: h.id })
      if (!result.ok || !result.value.saved) return
      notifications.show({ color: 'teal', title: t('handouts.savedAgain'), message: result.value.path })
      warn(result.value.warnings)
    })
  const print = (h: HandoutRecord) =>
    run(`${h.id}/print`, async () => {
      const result = await quiet.printPastHandout({ patientId, handoutId: h.id })
      if (result.ok) return warn(result.value.warnings)
      // Printing in the browser bridge is a known limitation, said plainly; anything else is a failure.
      if (result.error.code === 'forbidden')
        notifications.show({ color: 'gray', message: t('handouts.printNeedsDesktop'), autoClose: 8000 })
      else notifications.show({ color: 'red', title: t('handouts.printFailed'), message: result.error.message })
    })
  const show = (h: HandoutRecord) =>
    run(`${h.id}/show`, async () => {
      const result = await api.showHandoutFile({ patientId, handoutId: h.id })
      if (result.ok && !result.value.shown)
        notifications.show({ color: 'blue', title: t('handouts.savedHere'), message: result.value.path })
    })

  if (handouts.length === 0) return null
  return (
    <Stack gap="xs" mb="md" aria-label={t('handouts.title')}>
      <Text size="sm" fw={600}>
        {t('handouts.title')}
      </Text>
      {[...handouts].reverse().map((h) => (
        <Stack
          key={h.id}
          role="group"
          aria-label={t('handouts.handout', { date: date(h.at), title: h.snapshot.title })}
          gap={0}
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {date(h.at)} · {h.snapshot.title} · {t(layoutKey[h.layout])}, {t(paperKey[h.paper])}
            {h.language && h.language !== 'en' ? `, ${languageNames[h.language]}` : ''} ·{' '}
            <Text span c="dimmed" size="sm">
              {h.file}
            </Text>
          </Text>
          <Group gap={2} ml={-6}>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconFileTypePdf size={14} />}
              loading={busy === `${h.id}/save`}
              onClick={() => void saveAgain(h)}
            >
              {t('handouts.saveAgain')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPrinter size={14} />}
              loading={busy === `${h.id}/print`}
              onClick={() => void print(h)}
            >
              {t('handouts.print')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconFolderOpen size={14} />}
              loading={busy === `${h.id}/show`}
              onClick={() => void show(h)}
            >
              {t('handouts.showInFolder')}
            </Button>
          </Group>
        </Stack>
      ))}
    </Stack>
  )
}
