import { z } from 'zod'
import { says, type FieldLabel } from '../i18n/say'
import { dosageSchema } from './dosage'
import { isoDate, type ProgramItem } from './patient'
import type { StoredExercise } from './exercise'
import { id } from './ids'
import { handoutLayoutSchema, namesInFilesSchema, paperSizeSchema } from './handout-options'
import { storedText } from './text'
import { storedTherapistSchema } from './settings'
import { diagramSpecSchema } from '../diagrams/spec'
import { videoUrlSchema } from './video-link'
import { handoutLanguageSchema } from './languages'

/** A handout prints stored records as they are, so its text is checked as stored text (see ./text). */
const text = (max: number, label: FieldLabel) => storedText({ max, label })

/**
 * Everything a handout shows, already resolved (names, steps, dosage, images): the app builds it from a
 * patient, a program, the library and the clinic settings; `npm run handout` reads it from a JSON file.
 * Both then call the same renderer.
 */
export const handoutItemSchema = z.strictObject({
  name: text(120, 'field.exerciseName').min(1),
  /** The exercise in plain words; printed first, with `name` after it in brackets. */
  title: text(80, 'field.plainTitle').optional(),
  steps: z.array(text(500, 'field.step')).min(1, says('record.itemSteps')).max(20),
  dosage: dosageSchema,
  cues: z.array(text(300, 'field.tip')).max(10).optional(),
  cautions: z.array(text(300, 'field.caution')).max(10).optional(),
  notes: text(1000, 'field.note').optional(),
  /** Starting position in plain words, shown in the picture placeholder. */
  position: text(60, 'field.position').optional(),
  /** A PNG/JPEG file path or data: URL; a missing or unreadable image becomes a placeholder. */
  image: text(100_000_000, 'field.image').optional(),
  /** The exercise's diagram (drawn for the prescribed side) when there is no photo. */
  diagram: diagramSpecSchema.optional(),
  /** The clinic's video of the exercise (http or https, at most 300 characters): printed under the picture as a QR code and the link. */
  video: videoUrlSchema.optional(),
})

export const handoutInputSchema = z.strictObject({
  $schema: z.string().optional(),
  clinic: z.strictObject({
    name: text(120, 'field.clinicName').min(1, says('required.clinicName')),
    address: text(300, 'field.address').optional(),
    phone: text(40, 'field.phone').optional(),
    website: text(200, 'field.website').optional(),
    closingMessage: text(400, 'field.closingMessage').optional(),
    logo: text(100_000_000, 'field.logo').optional(),
  }),
  /** The same shape as a therapist in Settings, so any therapist that can be saved can be printed. */
  therapist: storedTherapistSchema.optional(),
  patient: z.strictObject({
    firstName: text(100, 'field.firstName').min(1),
    lastName: text(100, 'field.lastName').min(1),
    preferredName: text(100, 'field.preferredName').optional(),
  }),
  date: isoDate,
  program: z.strictObject({
    title: text(120, 'field.programTitle').optional(),
    goals: text(1000, 'field.goals').optional(),
    items: z.array(handoutItemSchema).min(1, says('record.handoutItems')).max(100),
  }),
  layout: handoutLayoutSchema.default('detailed'),
  paper: paperSizeSchema.default('letter'),
  /** Every word the handout prints itself (headings, dosage, captions, log) is in this language. */
  language: handoutLanguageSchema.default('en'),
  /** Days in the tick-box log page; 0 leaves the page out. */
  logDays: z.number().int().min(0).max(31).default(14),
  /**
   * How the PDF's Title names the patient (Settings, initials by default); a copy kept before this existed was made
   * with the full name, and says so by leaving it out, so it prints again to the same bytes.
   */
  namesInFiles: namesInFilesSchema.default('full'),
  /** Print the clinician's shorthand line on each card (Settings; off by default, see settings.ts). */
  shorthand: z.boolean().default(false),
})
export type HandoutInput = z.output<typeof handoutInputSchema>

export const HANDOUT_COPY_FORMAT = 'homeplan-handout-copy'

/**
 * The exact copy of an exported handout, kept as `<data folder>/handouts/<record id>.json` beside the roster:
 * everything that was printed (text, pictures and diagrams, clinic and logo, therapist, date, layout), so the
 * same PDF can be made again after the program, the library or the clinic details changed. The roster's
 * handout record stays as it was (older Homeplans still open the roster); the record's id is the link.
 */
export const handoutCopySchema = z.strictObject({
  format: z.literal(HANDOUT_COPY_FORMAT),
  version: z.literal(1),
  patientId: id,
  handoutId: id,
  /** Where the PDF was saved (absolute), for "Show in folder". */
  path: z.string().min(1).max(4096),
  input: handoutInputSchema,
})
export type HandoutCopy = z.output<typeof handoutCopySchema>
export type HandoutItem = z.infer<typeof handoutItemSchema>

/**
 * What a handout prints for one exercise: the library's words and diagram with this program's dosage, steps
 * changed for the patient, notes and picture when there are any.
 */
export function handoutItemOf(
  exercise: Pick<
    StoredExercise,
    'name' | 'plainTitle' | 'position' | 'steps' | 'cues' | 'cautions' | 'diagram' | 'defaultDosage'
  > & { videoUrl?: string },
  item: Partial<Pick<ProgramItem, 'dosage' | 'instructionOverride' | 'notes'>> = {},
  image?: string,
): HandoutItem {
  return {
    name: exercise.name,
    ...(exercise.plainTitle ? { title: exercise.plainTitle } : {}),
    position: exercise.position,
    steps: item.instructionOverride?.length ? item.instructionOverride : exercise.steps,
    dosage: item.dosage ?? exercise.defaultDosage,
    cues: exercise.cues,
    cautions: exercise.cautions,
    ...(item.notes ? { notes: item.notes } : {}),
    ...(image ? { image } : {}),
    ...(exercise.diagram ? { diagram: exercise.diagram } : {}),
    ...(exercise.videoUrl ? { video: exercise.videoUrl } : {}),
  }
}

/** A card's heading: the plain title with the clinical name after it, or the name alone ("Lying on your side: knee lifts (Clamshells)"). */
export const itemTitle = (item: { name: string; title?: string }) =>
  item.title ? `${item.title} (${item.name})` : item.name

/**
 * The short name of an exercise for a narrow column: what a plain title says after its position ("Lying on your
 * side: knee lifts" gives "Knee lifts"); the clinical name when there is no plain title.
 */
export function shortTitle(item: { name: string; title?: string }): string {
  const after = item.title?.split(': ').slice(1).join(': ').trim()
  return after ? after[0]!.toUpperCase() + after.slice(1) : (item.title ?? item.name)
}
