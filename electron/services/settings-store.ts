import { join } from 'node:path'
import { z } from 'zod'
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../src/core/settings'
import type { FsPort } from './fs-port'
import { JsonDocument } from './json-document'
import { say } from '../../src/i18n/say'

export const SETTINGS_FILE = 'settings.json'

/** The clinic PIN as stored (issue 17): its scrypt hash and salt, base64. Never sent to the window. */
export const pinHashSchema = z.strictObject({
  salt: z.base64().min(16).max(200),
  hash: z.base64().min(16).max(200),
})
export type PinHash = z.infer<typeof pinHashSchema>

/**
 * Wrong PINs in a row and until when (epoch ms) every try is refused unchecked (issue 17): kept beside the hash so a
 * restart does not hand out five free guesses again.
 */
export const pinTriesSchema = z.strictObject({
  failures: z.number().int().min(0),
  waitUntil: z.number().min(0),
})
export type PinTries = z.infer<typeof pinTriesSchema>
export const noPinTries: PinTries = { failures: 0, waitUntil: 0 }

/** settings.json as stored: the window's settings and, for main alone, the PIN hash and its wrong tries. */
const storedSettingsSchema = settingsSchema.extend({
  lockPin: pinHashSchema.optional(),
  lockPinTries: pinTriesSchema.optional(),
})
type StoredSettings = z.infer<typeof storedSettingsSchema>

export interface SettingsStore {
  /** The settings without the PIN hash (what the window and the handouts see). */
  get(): Promise<Settings>
  update(patch: SettingsPatch): Promise<Settings>
  /** The clinic PIN's hash, if one is set. */
  getPinHash(): Promise<PinHash | undefined>
  setPinHash(pin: PinHash): Promise<void>
  /** Removes the PIN (and its count of wrong tries) and turns lock after inactivity off: nothing could open it. */
  removePin(): Promise<void>
  getPinTries(): Promise<PinTries>
  setPinTries(tries: PinTries): Promise<void>
}

/** A file's settings completed with defaults for keys an older version did not have (not an object: left to fail). */
const completedSettings = z.preprocess(
  (json) =>
    json !== null && typeof json === 'object' && !Array.isArray(json) ? { ...defaultSettings, ...json } : json,
  storedSettingsSchema,
)

const withoutPin = ({ lockPin: _pin, lockPinTries: _tries, ...settings }: StoredSettings): Settings => settings

/**
 * This computer's preferences, in settings.json in the data folder: a JsonDocument like library.json, so an
 * unreadable file is kept aside the same way (`settings.json.damaged-<time>`, see damaged-copy.ts) before defaults
 * are used, and `notify` tells the user what was kept and where.
 */
export function createSettingsStore(
  dataDir: string,
  notify: (message: string) => void = () => {},
  now: () => Date = () => new Date(),
  fs?: FsPort,
): SettingsStore {
  const doc = new JsonDocument<StoredSettings>({
    file: join(dataDir, SETTINGS_FILE),
    schema: completedSettings,
    empty: () => structuredClone(defaultSettings),
    consequence: () => say('notice.settingsDefaults'),
    notify,
    now,
    fs,
  })
  return {
    get: () => doc.read().then(withoutPin),
    // Updates run one after another (so two quick toggles cannot lose one) and answer with what was saved.
    update: (patch) =>
      doc
        .update((draft) => void Object.assign(draft, patch))
        .then(() => doc.read())
        .then(withoutPin),
    getPinHash: async () => (await doc.read()).lockPin,
    setPinHash: (lockPin) => doc.update((draft) => void (draft.lockPin = lockPin)),
    removePin: () =>
      doc.update((draft) => {
        delete draft.lockPin
        delete draft.lockPinTries
        draft.lockAfterMinutes = 0
      }),
    getPinTries: async () => (await doc.read()).lockPinTries ?? noPinTries,
    setPinTries: (tries) =>
      doc.update((draft) => {
        if (tries.failures === 0) delete draft.lockPinTries
        else draft.lockPinTries = tries
      }),
  }
}
