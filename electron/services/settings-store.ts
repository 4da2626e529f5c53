import { join } from 'node:path'
import { z } from 'zod'
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../src/core/settings'
import { JsonDocument } from './json-document'
import { say } from '../../src/i18n/say'

export const SETTINGS_FILE = 'settings.json'

export interface SettingsStore {
  get(): Promise<Settings>
  update(patch: SettingsPatch): Promise<Settings>
}

/** A file's settings completed with defaults for keys an older version did not have (not an object: left to fail). */
const completedSettings = z.preprocess(
  (json) =>
    json !== null && typeof json === 'object' && !Array.isArray(json) ? { ...defaultSettings, ...json } : json,
  settingsSchema,
)

/**
 * This computer's preferences, in settings.json in the data folder: a JsonDocument like library.json, so an
 * unreadable file is kept aside the same way (`settings.json.damaged-<time>`, see damaged-copy.ts) before defaults
 * are used, and `notify` tells the user what was kept and where.
 */
export function createSettingsStore(
  dataDir: string,
  notify: (message: string) => void = () => {},
  now: () => Date = () => new Date(),
): SettingsStore {
  const doc = new JsonDocument<Settings>({
    file: join(dataDir, SETTINGS_FILE),
    schema: completedSettings,
    empty: () => structuredClone(defaultSettings),
    consequence: () => say('notice.settingsDefaults'),
    notify,
    now,
  })
  return {
    get: () => doc.read(),
    // Updates run one after another (so two quick toggles cannot lose one) and answer with what was saved.
    update: (patch) => doc.update((draft) => void Object.assign(draft, patch)).then(() => doc.read()),
  }
}
