import { z } from 'zod'

/** Colour scheme: `auto` follows the operating system. */
export const colorSchemeSchema = z.enum(['auto', 'light', 'dark'])
export type ColorScheme = z.infer<typeof colorSchemeSchema>

export const paperSizeSchema = z.enum(['letter', 'a4'])

/** Preferences that belong to this computer's copy of Homeplan (not to a patient). */
export const settingsSchema = z.strictObject({
  colorScheme: colorSchemeSchema,
  paperSize: paperSizeSchema,
})
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = { colorScheme: 'auto', paperSize: 'letter' }

/** A partial update: every key optional, unknown keys refused. */
export const settingsPatchSchema = settingsSchema.partial()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
