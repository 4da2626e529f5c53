import { Center, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { Logo } from './Logo'

/**
 * The one card a window shows while it holds no patient data: the locked window (LockScreen) and the encrypted
 * folder before its passphrase (UnsealScreen). The app's name, why it is shown, then the fields.
 */
export function GateCard(props: { width: number; message: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <Center mih="100vh" p="lg">
      <Paper withBorder radius="lg" p="xl" w={props.width} component="main">
        <form onSubmit={(e) => (e.preventDefault(), props.onSubmit())} noValidate>
          <Stack align="stretch" gap="md">
            <Stack align="center" gap="xs">
              <Logo size={48} />
              <Title order={1} size="h2">
                Homeplan
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                {props.message}
              </Text>
            </Stack>
            {props.children}
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
