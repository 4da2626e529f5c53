import { z } from 'zod'
import { THERAPIST_NAME_MAX } from './limits'

/** Colour scheme: `auto` follows the operating system. */
export const colorSchemeSchema = z.enum(['auto', 'light', 'dark'])
export type ColorScheme = z.infer<typeof colorSchemeSchema>

export const paperSizeSchema = z.enum(['letter', 'a4'])

const line = (max: number, label: string) => z.string().trim().max(max, `${label} can be at most ${max} characters.`)

export const handoutLayoutSchema = z.enum(['detailed', 'compact', 'large'])

/** What every handout's header and footer say about the clinic. */
export const clinicSchema = z.strictObject({
  name: line(120, 'Clinic name'),
  address: line(300, 'Address').optional(),
  phone: line(40, 'Phone').optional(),
  website: line(200, 'Website').optional(),
  closingMessage: line(400, 'Closing message').optional(),
  logo: z.string().regex(/^[0-9a-f]{64}\.(png|jpg)$/).optional(),
  layout: handoutLayoutSchema,
})
export type Clinic = z.infer<typeof clinicSchema>

/** A therapist as Settings stores them; the handout takes exactly this shape too (see handout-model.ts). */
export const therapistSchema = z.strictObject({
  name: line(THERAPIST_NAME_MAX, 'Name').min(1, 'Enter the therapist’s name.'),
  credentials: line(60, 'Credentials').optional(),
  phone: line(40, 'Phone').optional(),
  email: line(200, 'Email').optional(),
})
export type Therapist = z.infer<typeof therapistSchema>

/** Preferences that belong to this computer's copy of Homeplan (not to a patient). */
export const settingsSchema = z.strictObject({
  colorScheme: colorSchemeSchema,
  paperSize: paperSizeSchema,
  clinic: clinicSchema,
  therapists: z.array(therapistSchema).max(50),
  openAfterExport: z.boolean(),
  /** The folder the last export or import dialog ended in, offered first next time. */
  lastFolder: z.string().max(4096).optional(),
})
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = {
  colorScheme: 'auto',
  paperSize: 'letter',
  clinic: { name: '', layout: 'detailed' },
  therapists: [],
  openAfterExport: true,
}

/** A partial update: every key optional, unknown keys refused. */
export const settingsPatchSchema = settingsSchema.partial()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
