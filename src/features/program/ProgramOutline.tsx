import { ActionIcon, Group, Paper, Text, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ProgramItem } from '../../core/patient'

interface Props {
  items: readonly ProgramItem[]
  nameOf: (item: ProgramItem) => string
  onJump: (id: string) => void
  onMove: (from: number, to: number) => void
}

/** The program's exercises by number and name: a click goes to the card, the arrows move it up or down. */
export function ProgramOutline({ items, nameOf, onJump, onMove }: Props) {
  const { t } = useTranslation('program')
  return (
    <Paper withBorder radius="md" p="xs" mb="sm" component="nav" aria-label={t('outline.title')}>
      <Text size="sm" fw={600}>
        {t('outline.title')}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {t('outline.hint')}
      </Text>
      <ol style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {items.map((item, i) => {
          const name = nameOf(item)
          return (
            <li key={item.id}>
              <Group gap={4} wrap="nowrap">
                <UnstyledButton
                  onClick={() => onJump(item.id)}
                  aria-label={t('outline.jump', { name })}
                  style={{ flex: 1, minWidth: 0, fontSize: 'var(--mantine-font-size-sm)' }}
                >
                  {i + 1}. {name}
                </UnstyledButton>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  disabled={i === 0}
                  aria-label={t('outline.up', { name })}
                  onClick={() => onMove(i, i - 1)}
                >
                  <IconArrowUp size={14} />
                </ActionIcon>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  disabled={i === items.length - 1}
                  aria-label={t('outline.down', { name })}
                  onClick={() => onMove(i, i + 1)}
                >
                  <IconArrowDown size={14} />
                </ActionIcon>
              </Group>
            </li>
          )
        })}
      </ol>
    </Paper>
  )
}
