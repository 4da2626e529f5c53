import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../src/core/settings'
import { writeFileAtomic } from './atomic-write'
import { damagedNotice, readJsonFile, singleFlight } from './damaged-copy'

export const SETTINGS_FILE = 'settings.json'

export interface SettingsStore {
  get(): Promise<Settings>
  update(patch: SettingsPatch): Promise<Settings>
}

/** The file's settings, completed with defaults for keys an older version did not have; undefined if unusable. */
function parseSettings(json: unknown): Settings | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined
  const result = settingsSchema.safeParse({ ...defaultSettings, ...json })
  return result.success ? result.data : undefined
}

/**
 * This computer's preferences, in settings.json in the data folder.
 * An unreadable file is copied aside byte for byte (see damaged-copy.ts) before defaults are used, and
 * `notify` tells the user what was kept and where. The first read is shared by everyone asking at once.
 */
export function createSettingsStore(
  dataDir: string,
  notify: (message: string) => void = () => {},
  now: () => Date = () => new Date(),
): SettingsStore {
  const file = join(dataDir, SETTINGS_FILE)
  let current: Settings | undefined
  // Updates are applied one after another so two quick toggles cannot lose one.
  let queue: Promise<unknown> = Promise.resolve()

  const firstLoad = singleFlight(async (): Promise<Settings> => {
    const read = await readJsonFile(file, parseSettings, now)
    if (read.state === 'read') return read.value
    if (read.state === 'damaged')
      notify(
        damagedNotice(
          read.copy,
          'Homeplan is using default settings (clinic details, therapists and paper size are empty until you enter them again)',
        ),
      )
    return { ...defaultSettings }
  })
  const load = async (): Promise<Settings> => {
    if (current) return current
    const loaded = await firstLoad()
    return (current ??= loaded)
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
