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
    expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))).toEqual({
      ...defaultSettings,
      colorScheme: 'dark',
    })
    expect(await createSettingsStore(dir).get()).toEqual({ ...defaultSettings, colorScheme: 'dark' })
  })

  it('applies quick successive updates in order without losing one', async () => {
    const dir = await tempDir()
    const store = createSettingsStore(dir)
    await Promise.all([store.update({ colorScheme: 'dark' }), store.update({ paperSize: 'a4' })])
    expect(await createSettingsStore(dir).get()).toEqual({ ...defaultSettings, colorScheme: 'dark', paperSize: 'a4' })
  })

  it('keeps the unreadable file’s exact bytes as a dated copy before using defaults, and tells the user where', async () => {
    const dir = await tempDir()
    const damaged = Buffer.from('{"colorScheme": "dark", "clinic": {"name": "Riverside Physio"')
    await writeFile(join(dir, SETTINGS_FILE), damaged)
    const notify = vi.fn()
    const store = createSettingsStore(dir, notify, () => new Date('2026-11-26T10:00:00Z'))
    expect(await store.get()).toEqual(defaultSettings)
    expect(await readdir(dir)).toEqual(['settings.json.damaged-2026-11-26T10-00-00-000Z'])
    expect(await readFile(join(dir, 'settings.json.damaged-2026-11-26T10-00-00-000Z'))).toEqual(damaged)
    expect(notify).toHaveBeenCalledOnce()
    expect(notify.mock.calls[0]![0]).toContain('settings.json could not be read')
    expect(notify.mock.calls[0]![0]).toContain(
      `kept unchanged as settings.json.damaged-2026-11-26T10-00-00-000Z in ${dir}`,
    )
    // The store works: a change is saved and the copy is left alone.
    await store.update({ paperSize: 'a4' })
    expect(await createSettingsStore(dir).get()).toEqual({ ...defaultSettings, paperSize: 'a4' })
    expect(await readFile(join(dir, 'settings.json.damaged-2026-11-26T10-00-00-000Z'))).toEqual(damaged)
  })

  it('treats valid JSON that is not usable settings (wrong types, not an object) as damaged too', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, SETTINGS_FILE), '{"colorScheme": 7}')
    const notify = vi.fn()
    expect(await createSettingsStore(dir, notify).get()).toEqual(defaultSettings)
    expect((await readdir(dir)).filter((n) => n.startsWith('settings.json.damaged-'))).toHaveLength(1)
    expect(notify).toHaveBeenCalledOnce()
  })

  it('shares one first read between callers arriving together: one copy, one notice, no error', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, SETTINGS_FILE), 'not json')
    const notify = vi.fn()
    const store = createSettingsStore(dir, notify)
    const results = await Promise.all([store.get(), store.get(), store.update({ colorScheme: 'dark' })])
    expect(results[2]).toEqual({ ...defaultSettings, colorScheme: 'dark' })
    const names = await readdir(dir)
    expect(names.filter((n) => n.startsWith('settings.json.damaged-'))).toHaveLength(1)
    expect(notify).toHaveBeenCalledOnce()
  })

  it('completes an older file that lacks newer keys, keeping what it has', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, SETTINGS_FILE), '{"colorScheme":"light"}')
    expect(await createSettingsStore(dir).get()).toEqual({ ...defaultSettings, colorScheme: 'light' })
  })
})
