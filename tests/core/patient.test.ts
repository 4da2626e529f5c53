import { describe, expect, it } from 'vitest'
import { patientInputSchema, patientSchema, programInputSchema, programSchema, summarize } from '../../src/core/patient'
import { patientInput } from '../support/patients'

const today = () => '2026-06-15'
const firstIssue = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  result.success
    ? undefined
    : { message: result.error!.issues[0]!.message, path: result.error!.issues[0]!.path.join('.') }

describe('patientInputSchema', () => {
  it('refuses hidden characters in every name field with the field’s own words', () => {
    const schema = patientInputSchema(today)
    expect(firstIssue(schema.safeParse(patientInput({ firstName: '\u0000' })))).toEqual({
      path: 'firstName',
      message: 'First name cannot contain hidden control characters.',
    })
    expect(firstIssue(schema.safeParse(patientInput({ lastName: '\u200B\u200B' })))).toEqual({
      path: 'lastName',
      message: 'Last name cannot be made only of invisible characters.',
    })
    expect(firstIssue(schema.safeParse(patientInput({ preferredName: '\u202EoJ' })))).toEqual({
      path: 'preferredName',
      message: 'Preferred name cannot contain hidden text-direction characters.',
    })
    expect(firstIssue(schema.safeParse(patientInput({ chartNumber: 'MRN\uD800' })))?.path).toBe('chartNumber')
    expect(
      firstIssue(
        schema.safeParse(
          patientInput({
            appointment: { days: [], timesOfDay: [], coverage: { kind: 'insurance', payer: 'Pre\u0007mera' } },
          }),
        ),
      )?.path,
    ).toBe('appointment.coverage.payer')
  })

  it('keeps line breaks in notes but not in names', () => {
    const schema = patientInputSchema(today)
    expect(schema.parse(patientInput({ notes: 'Line one\nLine two' })).notes).toBe('Line one\nLine two')
    expect(firstIssue(schema.safeParse(patientInput({ firstName: 'An\nna' })))?.path).toBe('firstName')
  })

  it('accepts a date of birth from 1900 up to today, and nothing earlier or later', () => {
    const schema = patientInputSchema(today)
    expect(schema.parse(patientInput({ dateOfBirth: '1900-01-01' })).dateOfBirth).toBe('1900-01-01')
    expect(schema.parse(patientInput({ dateOfBirth: '2026-06-15' })).dateOfBirth).toBe('2026-06-15')
    expect(firstIssue(schema.safeParse(patientInput({ dateOfBirth: '0000-01-01' })))).toEqual({
      path: 'dateOfBirth',
      message: 'The date of birth cannot be before 1900.',
    })
    expect(firstIssue(schema.safeParse(patientInput({ dateOfBirth: '1899-12-31' })))?.message).toBe(
      'The date of birth cannot be before 1900.',
    )
    expect(firstIssue(schema.safeParse(patientInput({ dateOfBirth: '2026-06-16' })))?.message).toBe(
      'The date of birth cannot be in the future.',
    )
  })
})

describe('patientSchema (stored records)', () => {
  it('still reads a record saved before the stricter input rules', () => {
    const stored = {
      ...patientInput({
        firstName: 'An\u0000na',
        lastName: '\u200B',
        preferredName: '\u202Eoj',
        dateOfBirth: '0000-01-01',
      }),
      id: 'patient-000001',
      revision: 1,
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
      programs: [
        {
          id: 'program-1',
          title: 'Week\u00001',
          status: 'current',
          revision: 1,
          createdAt: '2026-01-02T03:04:05.000Z',
          updatedAt: '2026-01-02T03:04:05.000Z',
          items: [],
        },
      ],
    }
    expect(patientSchema.parse(stored)).toMatchObject({
      firstName: 'An\u0000na',
      lastName: '\u200B',
      dateOfBirth: '0000-01-01',
    })
  })
})

describe('programInputSchema', () => {
  it('refuses hidden characters in a program title as it is saved, while a stored one still reads', () => {
    const program = { title: 'Week\u202E 1', status: 'current', items: [] }
    expect(firstIssue(programInputSchema.safeParse(program))).toEqual({
      path: 'title',
      message: 'Program title cannot contain hidden text-direction characters.',
    })
    expect(
      programSchema.safeParse({
        ...program,
        id: 'program-1',
        revision: 1,
        createdAt: '2026-01-02T03:04:05.000Z',
        updatedAt: '2026-01-02T03:04:05.000Z',
      }).success,
    ).toBe(true)
  })
})

describe('the chart fields (issue 19, item 5)', () => {
  const chart = {
    precautions: 'No hip flexion past 90°.\nNo adduction past midline.',
    onsetDate: '2026-05-04',
    onsetKind: 'surgery' as const,
    nextAppointment: '2026-07-01',
    memberId: 'XJH 123-456',
    authorisedVisits: 12,
  }

  it('accepts all of them, a next appointment in the future included, and keeps them as given', () => {
    expect(patientInputSchema(today).parse(patientInput(chart))).toMatchObject(chart)
  })

  it('refuses a surgery or onset date in the future, and dates that are not dates', () => {
    const schema = patientInputSchema(today)
    expect(schema.parse(patientInput({ onsetDate: '2026-06-15' })).onsetDate).toBe('2026-06-15')
    expect(firstIssue(schema.safeParse(patientInput({ onsetDate: '2026-06-16' })))).toEqual({
      path: 'onsetDate',
      message: 'The date of surgery or onset cannot be in the future.',
    })
    expect(firstIssue(schema.safeParse(patientInput({ onsetDate: '2026-02-30' })))?.path).toBe('onsetDate')
    expect(firstIssue(schema.safeParse(patientInput({ nextAppointment: '1 July' })))?.path).toBe('nextAppointment')
    expect(firstIssue(schema.safeParse(patientInput({ onsetKind: 'injury' as 'onset' })))?.path).toBe('onsetKind')
  })

  it('bounds the text and the visit count, in the field’s own words', () => {
    const schema = patientInputSchema(today)
    expect(firstIssue(schema.safeParse(patientInput({ precautions: 'x'.repeat(2001) })))?.path).toBe('precautions')
    expect(schema.parse(patientInput({ precautions: 'x'.repeat(2000) })).precautions).toHaveLength(2000)
    expect(firstIssue(schema.safeParse(patientInput({ memberId: 'x'.repeat(61) })))?.path).toBe('memberId')
    expect(firstIssue(schema.safeParse(patientInput({ memberId: 'A\nB' })))?.path).toBe('memberId')
    expect(firstIssue(schema.safeParse(patientInput({ authorisedVisits: 0 })))).toEqual({
      path: 'authorisedVisits',
      message: 'Authorised visits must be at least 1.',
    })
    expect(firstIssue(schema.safeParse(patientInput({ authorisedVisits: 201 })))?.message).toBe(
      'Authorised visits can be at most 200.',
    )
    expect(firstIssue(schema.safeParse(patientInput({ authorisedVisits: 2.5 })))?.message).toBe(
      'Authorised visits must be a whole number.',
    )
    expect(schema.parse(patientInput({ authorisedVisits: 200 })).authorisedVisits).toBe(200)
  })

  it('loads a stored patient saved before the chart fields existed, and one with a surgery date now long past', () => {
    const stored = {
      ...patientInput(),
      id: 'patient-000001',
      revision: 3,
      createdAt: '2025-01-02T03:04:05.000Z',
      updatedAt: '2025-01-02T03:04:05.000Z',
      programs: [],
    }
    const loaded = patientSchema.parse(stored)
    expect(loaded).toEqual(stored)
    expect(loaded).not.toHaveProperty('precautions')
    expect(summarize(loaded)).not.toHaveProperty('memberId', expect.anything())
    // A stored record is not held to "today": the bound is the form's.
    expect(patientSchema.parse({ ...stored, onsetDate: '2999-01-01' }).onsetDate).toBe('2999-01-01')
    expect(summarize(patientSchema.parse({ ...stored, ...chart })).memberId).toBe('XJH 123-456')
  })
})
