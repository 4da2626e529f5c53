import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../src/core/settings'
import { writeFileAtomic } from './atomic-write'

export const SETTINGS_FILE = 'settings.json'

export interface SettingsStore {
  get(): Promise<Settings>
  update(patch: SettingsPatch): Promise<Settings>
}

/**
 * This computer's preferences, in settings.json in the data folder.
 * An unreadable file is renamed aside (never silently overwritten) so the
 * user's previous choices can still be recovered by hand.
 */
export function createSettingsStore(
  dataDir: string,
  warn: (message: string) => void = () => {},
  now: () => Date = () => new Date(),
): SettingsStore {
  const file = join(dataDir, SETTINGS_FILE)
  let current: Settings | undefined
  // Updates are applied one after another so two quick toggles cannot lose one.
  let queue: Promise<unknown> = Promise.resolve()

  async function load(): Promise<Settings> {
    if (current) return current
    let text: string
    try {
      text = await fsp.readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      current = { ...defaultSettings }
      return current
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    // Older or partial files are completed with defaults for the missing keys only.
    const result = settingsSchema.safeParse({ ...defaultSettings, ...(parsed as object) })
    if (parsed !== null && typeof parsed === 'object' && result.success) {
      current = result.data
      return current
    }
    const aside = `${file}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`
    await fsp.rename(file, aside)
    warn(`settings.json could not be read and was kept as ${aside}; default settings are in use.`)
    current = { ...defaultSettings }
    return current
  }

  return {
    get: load,
    update(patch) {
      const next = queue.then(async () => {
        const merged = settingsSchema.parse({ ...(await load()), ...patch })
        await fsp.mkdir(dataDir, { recursive: true })
        await writeFileAtomic(file, `${JSON.stringify(merged, null, 2)}\n`)
        current = merged
        return merged
      })
      queue = next.catch(() => {})
      return next
    },
  }
}
