import { MantineProvider } from '@mantine/core'
import { Notifications, notifications } from '@mantine/notifications'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ProgramItem } from '../../../../src/core/patient'
import { showRemoved } from '../../../../src/features/program/removed-notice'

const item = (id: string): ProgramItem => ({ id, exerciseId: 'bridges', dosage: {} })

function setup() {
  render(
    <MantineProvider>
      <Notifications />
    </MantineProvider>,
  )
}

afterEach(() => {
  act(() => notifications.clean())
  vi.useRealTimers()
})

describe('the notice for a removed exercise', () => {
  it('names the exercise, and its Undo puts it back once and closes the notice', async () => {
    setup()
    const undo = vi.fn()
    act(() => showRemoved({ item: item('item-1'), undo }, 'Bridges'))
    expect(await screen.findByText('Removed Bridges.')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(undo).toHaveBeenCalledOnce()
    await waitFor(() => expect(screen.queryByText('Removed Bridges.')).not.toBeInTheDocument())
  })

  it('keeps one notice per removed exercise, each undoing its own', async () => {
    setup()
    const [undoA, undoB] = [vi.fn(), vi.fn()]
    act(() => showRemoved({ item: item('item-1'), undo: undoA }, 'Bridges'))
    act(() => showRemoved({ item: item('item-2'), undo: undoB }, 'Clamshells'))
    expect(await screen.findByText('Removed Clamshells.')).toBeInTheDocument()
    expect(screen.getByText('Removed Bridges.')).toBeInTheDocument()
    fireEvent.click(within(screen.getByText('Removed Bridges.').parentElement!).getByRole('button', { name: 'Undo' }))
    expect(undoA).toHaveBeenCalledOnce()
    expect(undoB).not.toHaveBeenCalled()
    await waitFor(() => expect(screen.queryByText('Removed Bridges.')).not.toBeInTheDocument())
    expect(screen.getByText('Removed Clamshells.')).toBeInTheDocument()
  })

  it('offers the undo for 8 seconds, then goes away by itself without undoing', async () => {
    vi.useFakeTimers()
    setup()
    const undo = vi.fn()
    act(() => showRemoved({ item: item('item-1'), undo }, 'Bridges'))
    await act(() => vi.advanceTimersByTimeAsync(7_500))
    expect(screen.getByText('Removed Bridges.')).toBeInTheDocument()
    await act(() => vi.advanceTimersByTimeAsync(2_000))
    expect(screen.queryByText('Removed Bridges.')).not.toBeInTheDocument()
    expect(undo).not.toHaveBeenCalled()
  })
})
