import { MantineProvider } from '@mantine/core'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from '../../src/app/ErrorBoundary'

function Broken(): never {
  throw new Error('Exercise list could not be drawn')
}

function Harness({ onBack }: { onBack: () => void }) {
  const [page, setPage] = useState('library')
  return (
    <MantineProvider>
      <ErrorBoundary
        resetKey={page}
        onBack={() => {
          onBack()
          setPage('patients')
        }}
      >
        {page === 'library' ? <Broken /> : <p>Roster</p>}
      </ErrorBoundary>
    </MantineProvider>
  )
}

describe('ErrorBoundary', () => {
  it('shows a readable message and a way back that works', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const onBack = vi.fn()
    render(<Harness onBack={onBack} />)
    expect(screen.getByText('This page ran into a problem')).toBeInTheDocument()
    expect(screen.getByText('Exercise list could not be drawn')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Back to patients' }))
    expect(onBack).toHaveBeenCalledOnce()
    expect(screen.getByText('Roster')).toBeInTheDocument()
  })
})
