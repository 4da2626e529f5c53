import { Paper, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

/** One titled, described part of the Settings page. */
export function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="lg">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {description}
      </Text>
      {children}
    </Paper>
  )
}
