import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createSettingsStore, SETTINGS_FILE } from '../../electron/services/settings-store'
import { defaultSettings } from '../../src/core/settings'

const tempDir = () => mkdtemp(join(tmpdir(), 'hp-settings-'))

describe('settings store', () => {
  it('starts from defaults without writing anything', async () => {
    const dir = await tempDir()
    expect(await createSettingsStore(dir).get()).toEqual(defaultSettings)
    expect(await readdir(dir)).toEqual([])
  })

  it('saves updates to disk so a new store (a restart) sees them', async () => {
    const dir = await tempDir()
    await createSettingsStore(dir).update({ colorScheme: 'dark' })
    expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))).toEqual({ ...defaultSettings, colorScheme: 'dark' })
    expect(await createSettingsStore(dir).get()).toEqual({ ...defaultSettings, colorScheme: 'dark' })
  })

  it('applies quick successive updates in order without losing one', async () => {
    const dir = await tempDir()
    const store = createSettingsStore(dir)
    await Promise.all([store.update({ colorScheme: 'dark' }), store.update({ paperSize: 'a4' })])
    expect(await createSettingsStore(dir).get()).toEqual({ ...defaultSettings, colorScheme: 'dark', paperSize: 'a4' })
  })

  it('keeps an unreadable file aside instead of overwriting it, and says so', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, SETTINGS_FILE), '{"colorScheme": "dark",')
    const warn = vi.fn()
    const store = createSettingsStore(dir, warn, () => new Date('2026-11-26T10:00:00Z'))
    expect(await store.get()).toEqual(defaultSettings)
    expect(await readdir(dir)).toEqual(['settings.json.unreadable-2026-11-26T10-00-00-000Z'])
    expect(await readFile(join(dir, 'settings.json.unreadable-2026-11-26T10-00-00-000Z'), 'utf8')).toBe('{"colorScheme": "dark",')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read'))
  })

  it('completes an older file that lacks newer keys, keeping what it has', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, SETTINGS_FILE), '{"colorScheme":"light"}')
    expect(await createSettingsStore(dir).get()).toEqual({ ...defaultSettings, colorScheme: 'light' })
  })
})
