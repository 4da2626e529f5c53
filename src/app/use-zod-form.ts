import { useForm, type UseFormReturnType } from '@mantine/form'
import { useState } from 'react'
import { z } from 'zod'
import { plainIssueMessage, withoutPath } from '../core/issues'
import type { AppError } from '../core/result'

/** A form's schema: an object schema from src/core, the same one the main process checks the call with. */
export type FormSchema = z.ZodObject

/**
 * One entry for every field of a form's values, optional ones included. Declared with `satisfies`, a field
 * added to the schema is a compile error until the form has an entry for it, and a field removed is one too.
 */
export type EveryField<Values, Entry> = { readonly [K in keyof Values]-?: Entry }

/**
 * `true` when every field in `Fields` is in `Placed` (a form's rows, say), else the fields left out. Assign `true`
 * to it, so a field with an input but no place on the form is a compile error that names the field.
 */
export type AllPlaced<Fields extends PropertyKey, Placed extends PropertyKey> = [Exclude<Fields, Placed>] extends [
  never,
]
  ? true
  : Exclude<Fields, Placed>

/** The first problem at each path, keyed the way @mantine/form keys errors ("appointment.coverage.payer"). */
export function errorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of issues) errors[issue.path.map(String).join('.')] ??= plainIssueMessage(issue)
  return errors
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The values with every optional text field that holds only spaces left out, at any depth: an emptied field is
 * saved as "not given", never as "". Inputs show a left-out field as empty (see `enhanceGetInputProps` below).
 */
export function withoutBlanks(schema: z.ZodType, value: unknown): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return withoutBlanks(schema.unwrap() as z.ZodType, value)
  if (schema instanceof z.ZodPipe) return withoutBlanks(schema.in as z.ZodType, value)
  if (schema instanceof z.ZodArray && Array.isArray(value))
    return value.map((item) => withoutBlanks(schema.element as z.ZodType, item))
  // A union (a patient's coverage, say) is walked with the option that accepts the value.
  if (schema instanceof z.ZodUnion) {
    const option = (schema.options as z.ZodType[]).find((o) => o.safeParse(value).success)
    return option ? withoutBlanks(option, value) : value
  }
  if (!(schema instanceof z.ZodObject) || !isRecord(value)) return value
  const shape = schema.shape as Record<string, z.ZodType>
  const kept: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    const field = shape[key]
    if (!field) kept[key] = item
    else if (typeof item === 'string' && item.trim() === '' && field.safeParse(undefined).success) continue
    else kept[key] = withoutBlanks(field, item)
  }
  return kept
}

/** The form's fields of a stored record (a patient has programs too; the form edits only its own fields). */
export function fieldsOf<S extends FormSchema>(schema: S, record: z.input<S>): z.input<S> {
  const keys = Object.keys(schema.shape).filter((key) => key in record)
  return Object.fromEntries(keys.map((key) => [key, record[key]])) as z.input<S>
}

export interface ZodFormOptions<S extends FormSchema> {
  initialValues: z.input<S>
  /**
   * Where the form's values sit in the call's argument, when not at its top: `patient` for
   * `updatePatient({ id, revision, patient })`. A server error on `patient.email` then lands on `email`; one on
   * `revision` (not a field of the form) is shown above the buttons.
   */
  argument?: string
  onValuesChange?: (values: z.input<S>) => void
}

export type ZodForm<S extends FormSchema> = UseFormReturnType<z.input<S>> & {
  /** A problem that belongs to no field (another window saved first, the disk is full): shown once, by the buttons. */
  formError: string | undefined
  /** The first error at `path` or inside it (a list's entries, a group's fields). */
  errorIn: (path: string) => string | undefined
  /** Checks the values with the schema; the checked values, or undefined with each problem shown by its field. */
  check: () => z.output<S> | undefined
  /** Puts a failed call's error on the field it names, or above the buttons when it names none of the form's. */
  showError: (error: AppError) => void
}

/**
 * @mantine/form driven by a schema from src/core: the values are the call's input type, the check as you save is
 * the schema the main process checks with, and a refusal from the main process lands on the field it names. Use
 * it with the quiet API (`useQuietApi`), so an error shows once: by its field, never also as a pop-up.
 */
export function useZodForm<S extends FormSchema>(schema: S, options: ZodFormOptions<S>): ZodForm<S> {
  const [formError, setFormError] = useState<string>()
  const form = useForm<z.input<S>>({
    initialValues: options.initialValues,
    onValuesChange: options.onValuesChange,
    // A field left out shows as empty rather than switching the input to uncontrolled.
    enhanceGetInputProps: ({ inputProps }) => (inputProps.value === undefined ? { value: '' } : undefined),
  })
  const shape = schema.shape as Record<string, unknown>

  const check = () => {
    setFormError(undefined)
    const parsed = schema.safeParse(withoutBlanks(schema, form.getValues()))
    if (parsed.success) {
      form.clearErrors()
      return parsed.data as z.output<S>
    }
    const errors = errorsOf(parsed.error.issues)
    // A problem with the whole form (a refinement across fields) has no field to sit by.
    if (errors['']) setFormError(errors[''])
    delete errors['']
    form.setErrors(errors)
    return undefined
  }

  const showError = (error: AppError) => {
    // Argument checks name the path in the call (`patient.email`); a service may name the form's field itself.
    const prefix = options.argument ? `${options.argument}.` : ''
    const path = prefix && error.field?.startsWith(prefix) ? error.field.slice(prefix.length) : error.field
    const key = path?.split('.')[0]
    if (path && key && Object.hasOwn(shape, key)) form.setFieldError(path, withoutPath(error))
    else setFormError(error.message)
  }

  const errorIn = (path: string) => {
    const found = Object.entries(form.errors).find(([key]) => key === path || key.startsWith(`${path}.`))
    return found && typeof found[1] === 'string' ? found[1] : undefined
  }

  return { ...form, formError, errorIn, check, showError }
}
