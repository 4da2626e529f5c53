import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Alert, Button, Code, Group, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

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

/** What a broken page shows instead: what happened, that nothing saved is lost, and the ways out. */
function PageError({ error, onBack, onRetry }: { error: Error; onBack: () => void; onRetry: () => void }) {
  const { t } = useTranslation('app')
  return (
    <Stack maw={640} mx="auto" mt="xl">
      <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('pageError.title')}>
        {t('pageError.text')}
        <Code block mt="sm">
          {error.message || String(error)}
        </Code>
      </Alert>
      <Group>
        <Button onClick={onBack}>{t('pageError.back')}</Button>
        <Button variant="default" onClick={onRetry}>
          {t('pageError.retry')}
        </Button>
      </Group>
    </Stack>
  )
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
      <PageError
        error={error}
        onBack={() => {
          this.setState({ error: null })
          this.props.onBack()
        }}
        onRetry={() => this.setState({ error: null })}
      />
    )
  }
}
