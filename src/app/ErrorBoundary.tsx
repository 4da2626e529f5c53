import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Alert, Button, Code, Group, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'

interface Props {
  children: ReactNode
  /** Where "Back" leads; the boundary resets itself after calling it. */
  onBack: () => void
  /** Changing this (e.g. the current page) clears a shown error. */
  resetKey: string
}

interface State {
  error: Error | null
}

/** Keeps one broken page from blanking the whole window: explain, and offer a way back. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Homeplan page error', error, info.componentStack)
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null })
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <Stack maw={640} mx="auto" mt="xl">
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="This page ran into a problem">
          Nothing you saved has been lost. You can go back and try again; if it keeps happening, note the message below
          for support.
          <Code block mt="sm">
            {error.message || String(error)}
          </Code>
        </Alert>
        <Group>
          <Button
            onClick={() => {
              this.setState({ error: null })
              this.props.onBack()
            }}
          >
            Back to patients
          </Button>
          <Button variant="default" onClick={() => this.setState({ error: null })}>
            Try again
          </Button>
        </Group>
      </Stack>
    )
  }
}
