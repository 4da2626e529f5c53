import type { HandoutLanguage } from '../core/languages'
import { i18nFor } from './index'
import type enErrors from './locales/en/errors.json'

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]
type Unplural<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K
/** A message of the `errors` namespace: what a check or a refusal says to the person using Homeplan. */
export type MessageKey = Unplural<Leaves<typeof enErrors>>
/** A field's name as messages say it ("First name"): a key of `errors:field`. */
export type FieldLabel = Extract<MessageKey, `field.${string}`>
export type MessageParams = Record<string, string | number>

let language: HandoutLanguage = 'en'

/**
 * The language checks and refusals speak: the screens' language. The renderer sets it with the screens' language; the
 * main process from the language setting (see electron/services/index.ts). English until set, as the command line is.
 */
export const setMessageLanguage = (next: HandoutLanguage) => void (language = next)
export const messageLanguage = (): HandoutLanguage => language

/** A message in the current message language. */
export const say = (key: MessageKey, params?: MessageParams): string =>
  i18nFor(language).t(`errors:${key}`, params as Record<string, unknown>) as string

/**
 * A zod check's message, said when the check fails (so in the language of that moment, not the one at start-up):
 * `z.string().min(1, says('required.firstName'))`. Params may name a field label (`label: 'field.reps'`), said too.
 */
export const says = (key: MessageKey, params?: MessageParams) => ({ error: () => sayWithLabel(key, params) })

export const sayWithLabel = (key: MessageKey, params?: MessageParams): string => {
  const label = params?.label
  return say(key, typeof label === 'string' ? { ...params, label: say(label as FieldLabel) } : params)
}
