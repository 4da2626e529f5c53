import { z } from 'zod'
import { say, says, type FieldLabel, type MessageKey } from '../i18n/say'

/**
 * Text a person types into a short field (names, titles, phone numbers, notes). Input is checked strictly
 * ({@link humanText}); what is read back from files Homeplan or an older version wrote is checked the way it
 * was when it was saved ({@link storedText}), so a record that loaded before still loads.
 */
export interface TextOptions {
  max: number
  /** The field's name as messages say it, starting a sentence: `field.firstName` ("First name"). */
  label: FieldLabel
  /** The message when the field is required and left empty: `required.firstName` ("Enter a first name."). */
  required?: MessageKey
  /** Notes and descriptions: newlines and tabs are allowed. */
  multiline?: boolean
}

export type TextRule = (options: TextOptions) => z.ZodString

/** C0/C1 control characters other than tab and line breaks (which only a multi-line field may hold). */
const CONTROL = /[^\P{Cc}\t\n\r]/u
const TABS_AND_LINES = /[\t\n\r]/
/** Half of a surrogate pair with no other half: not a character at all. */
const LONE_SURROGATE = /\p{Cs}/u
/** Direction embeddings, overrides and isolates: they make text display in a different order than it is stored. */
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/u
/** Format characters (zero-width spaces and joiners, BOM, soft hyphen, …) and spaces, which show nothing on their own. */
const INVISIBLE = /[\p{Cf}\p{Z}\s]/gu

/** Why a value is not acceptable as typed text, in plain words; undefined when it is. */
export function textProblem(
  value: string,
  { label, multiline }: Pick<TextOptions, 'label' | 'multiline'>,
): string | undefined {
  const problem = problemKey(value, multiline)
  return problem && say(problem, { label: say(label) })
}

const problemKey = (value: string, multiline?: boolean): MessageKey | undefined => {
  if (CONTROL.test(value)) return 'text.control'
  if (!multiline && TABS_AND_LINES.test(value)) return 'text.oneLine'
  if (LONE_SURROGATE.test(value)) return 'text.brokenCharacter'
  if (BIDI_OVERRIDE.test(value)) return 'text.direction'
  if (value.length > 0 && value.replace(INVISIBLE, '').length === 0) return 'text.invisible'
  return undefined
}

/** What a stored value was checked against when it was saved: trimmed, bounded. */
export const storedText: TextRule = ({ max, label, required }) => {
  const base = z.string().trim().max(max, says('text.tooLong', { label, max }))
  return required ? base.min(1, says(required)) : base
}

/** Text as a person enters it: trimmed, bounded, and free of control, direction-override and broken characters. */
export const humanText: TextRule = (options) =>
  storedText(options).superRefine((value, ctx) => {
    const problem = textProblem(value, options)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
