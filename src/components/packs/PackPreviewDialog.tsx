import { Badge, Button, Group, Modal, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import { useLibrary } from '../../app/library-context'
import { useDates } from '../../app/use-dates'
import type { PackChoice, PackItem, PackItemStatus, PackOpened } from '../../core/pack'

export type OpenedPack = Extract<PackOpened, { cancelled: false }>

const statusColour: Record<PackItemStatus, string> = {
  new: 'teal',
  newer: 'blue',
  older: 'gray',
  same: 'gray',
  conflict: 'orange',
  refused: 'red',
}

const statusKey = {
  new: 'packs.status.new',
  newer: 'packs.status.newer',
  older: 'packs.status.older',
  same: 'packs.status.same',
  conflict: 'packs.status.conflict',
  refused: 'packs.status.refused',
} as const satisfies Record<PackItemStatus, string>

/** The choices an item offers, first the one taken when none is made. */
const choicesFor: Partial<Record<PackItemStatus, PackChoice[]>> = {
  newer: ['take', 'skip'],
  older: ['skip', 'take'],
  conflict: ['skip', 'take', 'keepBoth'],
}
/** Said as a newer item's (take it, skip it) or as a conflict's (keep mine, take theirs, keep both). */
const choiceKey = (status: PackItemStatus, choice: PackChoice) =>
  status === 'newer'
    ? choice === 'take'
      ? 'packs.choice.take'
      : 'packs.choice.skip'
    : ({ skip: 'packs.choice.keepMine', take: 'packs.choice.takeTheirs', keepBoth: 'packs.choice.keepBoth' } as const)[
        choice
      ]

/**
 * A pack's preview: each item as it compares with this library, a choice for each conflict (keep mine, take theirs,
 * keep both) and each newer or older item (take or skip). Nothing is written until Import.
 */
export function PackPreviewDialog({ pack, onClose }: { pack: OpenedPack; onClose: () => void }) {
  const quiet = useQuietApi()
  const { t } = useTranslation('library')
  const { date } = useDates()
  const { refresh } = useLibrary()
  const [choices, setChoices] = useState<Record<string, PackChoice>>(() =>
    Object.fromEntries(
      pack.items.flatMap((i): [string, PackChoice][] => {
        const first = choicesFor[i.status]?.[0]
        return first ? [[i.key, first]] : []
      }),
    ),
  )
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const importable = pack.items.some((i) => i.status !== 'same' && i.status !== 'refused')

  const confirm = async () => {
    setBusy(true)
    const result = await quiet.importLibraryPack({ token: pack.token, choices })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    await refresh()
    onClose()
    const { backup, ...counts } = result.value
    notifications.show({
      color: 'teal',
      title: t('packs.preview.done', { title: pack.title }),
      message: [t('packs.preview.counts', counts), backup && t('packs.preview.backup', { backup })]
        .filter(Boolean)
        .join(' '),
      autoClose: 10_000,
    })
  }

  const choice = (item: PackItem) => {
    const offered = choicesFor[item.status]
    if (!offered) return item.reason ? <Text size="xs">{item.reason}</Text> : null
    return (
      <SegmentedControl
        size="xs"
        aria-label={t('packs.preview.choiceFor', { name: item.name })}
        value={choices[item.key] ?? offered[0]!}
        onChange={(value) => setChoices((c) => ({ ...c, [item.key]: value as PackChoice }))}
        data={offered.map((c) => ({ value: c, label: t(choiceKey(item.status, c)) }))}
      />
    )
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={700}>{t('packs.preview.title')}</Text>} size="xl">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{pack.title}</Text>
          <Text size="sm" c="dimmed">
            {[
              pack.file,
              pack.author && t('packs.preview.by', { author: pack.author }),
              date(pack.createdAt),
              t('packs.preview.madeWith', { version: pack.homeplanVersion }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <ScrollArea.Autosize mah={380} type="auto">
          <Table aria-label={t('packs.preview.items')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('packs.preview.item')}</Table.Th>
                <Table.Th>{t('packs.preview.status')}</Table.Th>
                <Table.Th>{t('packs.preview.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pack.items.map((item) => (
                <Table.Tr key={item.key}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {item.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(item.kind === 'template' ? 'packs.preview.template' : 'packs.preview.exercise')}
                      {item.yourName && ` · ${t('packs.preview.yours', { name: item.yourName })}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusColour[item.status]} variant="light" style={{ whiteSpace: 'nowrap' }}>
                      {t(statusKey[item.status])}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{choice(item)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        <Text size="xs" c="dimmed">
          {t('packs.preview.note')}
        </Text>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('packs.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={busy} disabled={!importable}>
            {t('packs.preview.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
