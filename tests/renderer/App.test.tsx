import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../src/app/App'
import { fakeApi } from './fake-api'

describe('App shell', () => {
  beforeEach(() => {
    window.location.hash = ''
  })

  it('opens on Patients and moves between the four sections', async () => {
    render(<App api={fakeApi()} />)
    expect(await screen.findByRole('heading', { level: 2, name: 'Patients' })).toBeInTheDocument()
    const nav = screen.getByRole('navigation', { name: 'Sections' })
    for (const [link, heading] of [
      ['Program builder', 'Program builder'],
      ['Exercise library', 'Exercise library'],
      ['Settings', 'Settings'],
    ] as const) {
      await userEvent.click(within(nav).getByRole('link', { name: new RegExp(link) }))
      // Each section's code loads the first time it is opened (transformed on demand here: give it time).
      expect(await screen.findByRole('heading', { level: 2, name: heading }, { timeout: 15_000 })).toBeInTheDocument()
    }
  }, 60_000)

  it('applies the saved colour scheme and saves the toggle', async () => {
    const api = fakeApi()
    await api.updateSettings({ colorScheme: 'dark' })
    render(<App api={api} />)
    await waitFor(() => expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark'))
    await userEvent.click(screen.getByRole('button', { name: 'Switch to light mode' }))
    expect(api.updateSettings).toHaveBeenLastCalledWith({ colorScheme: 'light' })
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'light')
  })

  it('shows a notification when a call fails', async () => {
    const api = fakeApi({
      getDataFolder: async () => ({
        ok: false,
        error: { code: 'io_error', message: 'The data folder is on a disconnected drive.' },
      }),
    })
    window.location.hash = '#/settings'
    render(<App api={api} />)
    expect(await screen.findByText('The data folder is on a disconnected drive.')).toBeInTheDocument()
  })

  it('shows that a damaged library file was kept aside, until dismissed', async () => {
    const api = fakeApi()
    writeFileSync(join((api as unknown as { dataDir: string }).dataDir, 'library.json'), '{"custom": [')
    render(<App api={api} />)
    const notice = await screen.findByText(
      /library\.json could not be read.*kept unchanged as library\.json\.damaged-/,
      undefined,
      { timeout: 5000 },
    )
    expect(notice).toBeInTheDocument()
    await userEvent.click(within(screen.getByTestId('notices')).getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(screen.queryByTestId('notices')).not.toBeInTheDocument())
    expect(api.dismissNotice).toHaveBeenCalledOnce()
  }, 15_000)

  it('explains when no data service is connected instead of showing a blank window', () => {
    render(<App api={undefined} />)
    expect(screen.getByText(/data service is not connected/)).toHaveAttribute('role', 'alert')
  })
})
