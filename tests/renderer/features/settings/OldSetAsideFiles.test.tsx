import { screen, waitFor, within } from '@testing-library/react'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { OldSetAsideFiles } from '../../../../src/features/settings/OldSetAsideFiles'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

describe('old set-aside files, in Settings → Data', () => {
  it('lists them by name and size (never their content) and removes them only after asking', async () => {
    const api = fakeApi()
    const old = 'library.json.damaged-2026-01-01T09-00-00-000Z'
    await mkdir(api.dataDir, { recursive: true })
    await writeFile(join(api.dataDir, old), '{"name": "Maria Garcia"')
    const onChanged = vi.fn()
    const { user } = renderWithApi(<OldSetAsideFiles onChanged={onChanged} />, { api })
    expect(await screen.findByText('One file set aside more than 30 days ago')).toBeInTheDocument()
    expect(screen.getByText(new RegExp(`^${old.replace(/\./g, '\\.')} · 23 bytes · set aside `))).toBeInTheDocument()
    expect(document.body.textContent).not.toContain('Maria')

    await user.click(screen.getByRole('button', { name: 'Remove it…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove the set-aside file?' })
    expect(api.removeOldSetAside).not.toHaveBeenCalled()
    await user.click(within(dialog).getByRole('button', { name: 'Remove the file' }))
    await waitFor(() => expect(onChanged).toHaveBeenCalled())
    expect(api.removeOldSetAside).toHaveBeenCalledWith({ names: [old] })
    expect(await readdir(api.dataDir)).not.toContain(old)
    await waitFor(() => expect(screen.queryByText('One file set aside more than 30 days ago')).toBeNull())
  }, 30_000)
})
