import { EmptyState, List, Paper, Text, ThemeIcon } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { PageHeader } from './PageHeader'

interface Props {
  title: string
  subtitle: string
  icon: ReactNode
  emptyTitle: string
  emptyText: string
  /** What this page will offer, in the words a therapist would use. */
  coming: string[]
}

/** A section whose tools are still being built: says plainly what will be here. */
export function UpcomingPage({ title, subtitle, icon, emptyTitle, emptyText, coming }: Props) {
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} />
      <Paper withBorder p="xl" radius="lg">
        <EmptyState variant="light" size="lg" icon={icon} title={emptyTitle} description={emptyText} />
        <Text fw={600} mt="xl" mb="xs" ta="center">
          Coming to this page
        </Text>
        <List
          maw={520}
          mx="auto"
          spacing="xs"
          icon={
            <ThemeIcon size={20} radius="xl" variant="light">
              <IconCircleCheck size={14} />
            </ThemeIcon>
          }
        >
          {coming.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Paper>
    </>
  )
}
