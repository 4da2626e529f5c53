import { z } from 'zod'
import { humanText, storedText, type TextRule } from './text'
import { THERAPIST_NAME_MAX } from './limits'
import { handoutLayoutSchema, namesInFilesSchema, paperSizeSchema, type NamesInFiles } from './handout-options'
import { mediaHash } from './ids'
import { handoutLanguages } from './languages'
import { says } from '../i18n/say'
import { csvFieldSchema } from './csv-fields'

/** Colour scheme: `auto` follows the operating system. */
export const colorSchemeSchema = z.enum(['auto', 'light', 'dark'])
export type ColorScheme = z.infer<typeof colorSchemeSchema>

export { handoutLayoutSchema, paperSizeSchema } from './handout-options'

/** The screens' language: `system` follows the operating system. */
export const uiLanguageSchema = z.enum(['system', ...handoutLanguages])
export type UiLanguage = z.infer<typeof uiLanguageSchema>

/** Lock after inactivity (issue 17): minutes without keyboard, mouse or touch input; 0 is off. */
export const lockAfterChoices = [0, 5, 10, 30] as const
export const lockAfterSchema = z.literal(lockAfterChoices)
export type LockAfter = z.infer<typeof lockAfterSchema>

/** A clinic PIN as typed: 4 to 12 digits. Only its scrypt hash is kept, in main (see electron/services/pin.ts). */
export const PIN_PATTERN = /^[0-9]{4,12}$/
export const pinSchema = z.string().regex(PIN_PATTERN, says('lock.pinFormat'))

/** The unit a load (a weight) is given in when the dosage names none. */
export const loadUnitSchema = z.enum(['lb', 'kg'])
export type LoadUnit = z.infer<typeof loadUnitSchema>

const clinicOf = (t: TextRule) =>
  z.strictObject({
    name: t({ max: 120, label: 'field.clinicName' }),
    address: t({ max: 300, label: 'field.address', multiline: true }).optional(),
    phone: t({ max: 40, label: 'field.phone' }).optional(),
    website: t({ max: 200, label: 'field.website' }).optional(),
    closingMessage: t({ max: 400, label: 'field.closingMessage', multiline: true }).optional(),
    logo: mediaHash.optional(),
    layout: handoutLayoutSchema,
    /** The clinic's own words in the other handout languages: its name as patients know it, the closing message. */
    translations: z
      .strictObject({
        es: z
          .strictObject({
            name: t({ max: 120, label: 'field.clinicNameEs' }).optional(),
            closingMessage: t({ max: 400, label: 'field.closingMessageEs', multiline: true }).optional(),
          })
          .optional(),
      })
      .optional(),
  })
/** What every handout's header and footer say about the clinic (as the settings form checks it). */
export const clinicSchema = clinicOf(humanText)
export type Clinic = z.infer<typeof clinicSchema>

const therapistOf = (t: TextRule) =>
  z.strictObject({
    name: t({ max: THERAPIST_NAME_MAX, label: 'field.name', required: 'required.therapistName' }),
    credentials: t({ max: 60, label: 'field.credentials' }).optional(),
    phone: t({ max: 40, label: 'field.phone' }).optional(),
    email: t({ max: 200, label: 'field.email' }).optional(),
  })
/** A therapist as Settings stores them; the handout takes the same shape (as stored: see handout-model.ts). */
export const therapistSchema = therapistOf(humanText)
export const storedTherapistSchema = therapistOf(storedText)
export type Therapist = z.infer<typeof therapistSchema>

const settingsFields = (t: TextRule) => ({
  colorScheme: colorSchemeSchema,
  paperSize: paperSizeSchema,
  clinic: clinicOf(t),
  therapists: z.array(therapistOf(t)).max(50),
  openAfterExport: z.boolean(),
  /**
   * Print the clinician's shorthand ("10–15 reps · hold 5 s · 1× daily") under each card's dose. Off unless
   * chosen: patients read it as a second, cryptic dose. Left out in settings saved before it existed (off).
   */
  clinicianShorthand: z.boolean().optional(),
  /**
   * The unit new loads start in and a load with no unit prints in. Left out: pounds for a clinic on US Letter paper
   * (a US clinic), kilograms elsewhere (see loadUnitOf).
   */
  loadUnit: loadUnitSchema.optional(),
  /** The language of the app's screens; left out (or `system`), the operating system's when the app has it. */
  language: uiLanguageSchema.optional(),
  /** The patient's initials or full name in handout file names, print jobs and PDF titles; left out: initials. */
  namesInFiles: namesInFilesSchema.optional(),
  /** The folder the last export or import dialog ended in, offered first next time. */
  lastFolder: z.string().max(4096).optional(),
  /** Lock the window after this many idle minutes (needs a PIN); left out or 0, off. */
  lockAfterMinutes: lockAfterSchema.optional(),
  /** The last CSV import's column mapping (header, folded as headerKey does -> patient field), offered next time. */
  csvImportMapping: z.record(z.string().max(200), z.union([csvFieldSchema, z.literal('')])).optional(),
  /** Library packs (issue 18): the clinic's shared folder where packs are published and picked up; left out: none. */
  clinicFolder: z.string().min(1).max(4096).optional(),
  /** The packs found there at the last look (`<name>@<modified>`), so the next look can say which are new. */
  clinicFolderSeen: z.array(z.string().max(400)).max(1000).optional(),
})

/** Preferences that belong to this computer's copy of Homeplan (not to a patient), as stored: see ./text. */
export const settingsSchema = z.strictObject(settingsFields(storedText))
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = {
  colorScheme: 'auto',
  paperSize: 'letter',
  clinic: { name: '', layout: 'detailed' },
  therapists: [],
  openAfterExport: true,
}

/** The clinic's load unit: as chosen, else pounds on US Letter paper and kilograms on A4. */
export const loadUnitOf = (settings: Pick<Settings, 'loadUnit' | 'paperSize'>): LoadUnit =>
  settings.loadUnit ?? (settings.paperSize === 'letter' ? 'lb' : 'kg')

/** How handouts name the patient outside Homeplan: initials unless the full name was chosen. */
export const namesInFilesOf = (settings: Pick<Settings, 'namesInFiles'>): NamesInFiles =>
  settings.namesInFiles ?? 'initials'

/** A partial update, with text checked as typed: every key optional, unknown keys refused. */
export const settingsPatchSchema = z.strictObject(settingsFields(humanText)).partial()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
