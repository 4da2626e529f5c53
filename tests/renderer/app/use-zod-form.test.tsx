import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  errorsOf,
  fieldsOf,
  useZodForm,
  withoutBlanks,
  type AllPlaced,
  type EveryField,
} from '../../../src/app/use-zod-form'
import { patientInputSchema, type PatientInput } from '../../../src/core/patient'

const visit = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name.'),
  note: z.string().trim().max(5).optional(),
  appointment: z.strictObject({
    room: z.string().optional(),
    coverage: z
      .union([
        z.strictObject({ kind: z.literal('insurance'), payer: z.string().trim().min(1, 'Name the payer.') }),
        z.strictObject({ kind: z.literal('self'), memo: z.string().optional() }),
      ])
      .nullable(),
  }),
  tags: z.array(z.strictObject({ label: z.string().min(1, 'A tag needs a label.'), colour: z.string().optional() })),
})
type Visit = z.input<typeof visit>

const issues = (value: unknown) => {
  const parsed = visit.safeParse(value)
  if (parsed.success) throw new Error('expected problems')
  return parsed.error.issues
}

describe('errorsOf', () => {
  it('keys each problem by its dotted path, the first at each path winning, and a whole-form one by ""', () => {
    const value = {
      name: '',
      appointment: { coverage: { kind: 'insurance', payer: ' ' } },
      tags: [{ label: 'ok' }, { label: '' }],
    }
    expect(errorsOf(issues(value))).toEqual({
      name: 'Enter a name.',
      // The union's problem is the option's that matches the value (the payer), not the whole union's.
      'appointment.coverage.payer': 'Name the payer.',
      'tags.1.label': 'A tag needs a label.',
    })
    const code = z.object({ code: z.string().min(3, 'Too short.').regex(/^\d+$/, 'Digits only.') })
    const both = code.safeParse({ code: 'a' })
    expect(both.success || both.error.issues).toHaveLength(2)
    expect(both.success || errorsOf(both.error.issues)).toEqual({ code: 'Too short.' })
    const refined = visit.refine(() => false, 'These do not go together.')
    const whole = refined.safeParse({ name: 'a', appointment: { coverage: null }, tags: [] })
    expect(whole.success || errorsOf(whole.error.issues)).toEqual({ '': 'These do not go together.' })
    // zod's own wording is put in plain words.
    const long = visit.safeParse({ name: 'a', note: 'too long', appointment: { coverage: null }, tags: [] })
    expect(long.success || errorsOf(long.error.issues)).toEqual({
      note: 'This must be at most 5 characters long.',
    })
  })
})

describe('withoutBlanks', () => {
  it('leaves out optional text holding only spaces, at any depth, inside unions and lists', () => {
    const value: Visit = {
      name: ' ',
      note: '   ',
      appointment: { room: ' ', coverage: { kind: 'self', memo: '\t ' } },
      tags: [{ label: 'knee', colour: '  ' }, { label: ' ' }],
    }
    expect(withoutBlanks(visit, value)).toEqual({
      // Required text stays, so the check says it is missing.
      name: ' ',
      appointment: { coverage: { kind: 'self' } },
      tags: [{ label: 'knee' }, { label: ' ' }],
    })
    // The union is walked with the option that accepts the value: a payer is required there, so it stays.
    const insured = { name: 'a', appointment: { coverage: { kind: 'insurance', payer: ' ' } }, tags: [] }
    expect(withoutBlanks(visit, insured)).toEqual(insured)
  })

  it('keeps text that is not blank, and values it has no schema for, as they are', () => {
    const value = { name: ' Ann ', note: ' hi ', extra: '  ', appointment: { coverage: null }, tags: [] }
    expect(withoutBlanks(visit, value)).toEqual(value)
  })
})

describe('fieldsOf', () => {
  it('takes the form’s fields of a stored record and no others', () => {
    const stored = { id: 'p1', revision: 3, name: 'Ann', appointment: { coverage: null }, tags: [], programs: [] }
    expect(fieldsOf(visit, stored)).toEqual({ name: 'Ann', appointment: { coverage: null }, tags: [] })
  })
})

describe('useZodForm', () => {
  const initialValues: Visit = { name: '', appointment: { coverage: null }, tags: [{ label: '' }] }

  it('checks with the schema: the checked values, or each problem by its field', () => {
    const { result } = renderHook(() => useZodForm(visit, { initialValues }))
    let checked: unknown
    act(() => void (checked = result.current.check()))
    expect(checked).toBeUndefined()
    expect(result.current.errors).toEqual({ name: 'Enter a name.', 'tags.0.label': 'A tag needs a label.' })
    expect(result.current.errorIn('tags')).toBe('A tag needs a label.')
    act(() => result.current.setValues({ name: ' Ann ', note: '  ', tags: [{ label: 'knee' }] }))
    act(() => void (checked = result.current.check()))
    expect(checked).toEqual({ name: 'Ann', appointment: { coverage: null }, tags: [{ label: 'knee' }] })
    expect(result.current.errors).toEqual({})
  })

  it('puts a refusal by the field it names under the call’s argument, or above the buttons', () => {
    const { result } = renderHook(() => useZodForm(visit, { initialValues, argument: 'visit' }))
    act(() =>
      result.current.showError({
        code: 'invalid_argument',
        field: 'visit.tags.0.label',
        message: 'visit.tags.0.label: Too long.',
      }),
    )
    expect(result.current.errors).toEqual({ 'tags.0.label': 'Too long.' })
    expect(result.current.formError).toBeUndefined()
    act(() => result.current.showError({ code: 'conflict', field: 'revision', message: 'Someone saved first.' }))
    expect(result.current.formError).toBe('Someone saved first.')
  })
})

describe('EveryField', () => {
  it('refuses at compile time a map that misses a field (the check is `npm run typecheck`)', () => {
    const complete = {
      name: 1,
      note: 2,
      appointment: 3,
      tags: 4,
    } satisfies EveryField<Visit, number>
    // @ts-expect-error `tags` is missing: a field added to the schema is a compile error until the form has it.
    const missing = { name: 1, note: 2, appointment: 3 } satisfies EveryField<Visit, number>
    // @ts-expect-error `age` is not a field of the schema.
    const extra = { name: 1, note: 2, appointment: 3, tags: 4, age: 5 } satisfies EveryField<Visit, number>
    expect(Object.keys(complete)).toHaveLength(4)
    expect(missing).not.toHaveProperty('tags')
    expect(extra).toHaveProperty('age')
  })

  it('holds for the patient schema the patient form is built on', () => {
    type Keys = keyof PatientInput
    const keys: AllPlaced<Keys, keyof z.input<ReturnType<typeof patientInputSchema>>> = true
    // @ts-expect-error a field with no place is named by the compiler.
    const unplaced: AllPlaced<Keys, 'firstName'> = true
    expect([keys, unplaced]).toEqual([true, true])
  })
})
