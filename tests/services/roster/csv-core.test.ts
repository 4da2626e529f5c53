import { describe, expect, it } from 'vitest'
import {
  CsvRefusal,
  decodeCsv,
  detectDateOrder,
  guessMapping,
  mappingProblem,
  mappingToSave,
  planCsv,
  readDate,
  type KnownPatient,
} from '../../../src/core/csv-import'
import { rosterCsv, safeCell } from '../../../electron/services/roster/csv-export'
import { parseCsv } from '../../../electron/services/roster/csv-parse'
import type { Patient } from '../../../src/core/patient'

const today = () => '2026-12-07'
const read = (bytes: Uint8Array, name = 'clinic.csv') => {
  const { text, encoding } = decodeCsv(bytes, name)
  return { encoding, ...parseCsv(text, name) }
}

/** Windows-1252 bytes as Excel writes them on a Spanish or French Windows (a few characters differ from Latin-1). */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94 }
  return Uint8Array.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)))
}

describe('reading a CSV file', () => {
  it('reads Excel-style Windows-1252 with semicolons, accents and curly quotes intact', () => {
    const csv = read(
      cp1252(
        'Nombre;Apellidos;Fecha de nacimiento;Nº historia\r\nJosé;Peña Ibáñez;14/03/1956;H-1\r\nMaría;O’Brien;25/12/1961;H-2\r\n',
      ),
    )
    expect(csv.encoding).toBe('windows-1252')
    expect(csv.separator).toBe(';')
    expect(csv.columns).toEqual(['Nombre', 'Apellidos', 'Fecha de nacimiento', 'Nº historia'])
    expect(csv.rows).toEqual([
      ['José', 'Peña Ibáñez', '14/03/1956', 'H-1'],
      ['María', 'O’Brien', '25/12/1961', 'H-2'],
    ])
  })

  it('reads UTF-16LE with a BOM, and tab separators', () => {
    const bytes = Buffer.from('\uFEFFFirst name\tLast name\tMRN\nZoë\tNguyễn\t77\n', 'utf16le')
    const csv = read(bytes)
    expect(csv.encoding).toBe('utf-16le')
    expect(csv.separator).toBe('\t')
    expect(csv.rows).toEqual([['Zoë', 'Nguyễn', '77']])
  })

  it('reads UTF-16BE with a BOM and UTF-8 with or without one', () => {
    const le = Buffer.from('\uFEFFFirst name,Last name\nÅsa,Öberg\n', 'utf16le')
    const be = Buffer.from(le).swap16()
    expect(read(be).encoding).toBe('utf-16be')
    expect(read(be).rows).toEqual([['Åsa', 'Öberg']])
    const utf8 = Buffer.from('First name,Last name\nÅsa,Öberg\n', 'utf8')
    expect(read(utf8)).toMatchObject({ encoding: 'utf-8', rows: [['Åsa', 'Öberg']] })
    expect(read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).columns).toEqual(['First name', 'Last name'])
  })

  it('keeps a quoted field with newlines, commas and doubled quotes as one cell, and numbers rows by the file’s lines', () => {
    const csv = read(
      Buffer.from('First name,Last name,Notes\nAna,Ruiz,"Knee pain\nafter a fall, ""mild"""\nLuis,Gil,\n'),
    )
    expect(csv.rows[0]).toEqual(['Ana', 'Ruiz', 'Knee pain\nafter a fall, "mild"'])
    expect(csv.lines).toEqual([2, 4])
  })

  it('refuses a binary file, a file with no header row, and an empty file, each saying why', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00])
    expect(() => read(xlsx, 'roster.xlsx')).toThrow(/roster\.xlsx is not a text file/)
    expect(() => read(Buffer.from('Ana,Ruiz,1956-03-14\nLuis,Gil,1960-01-02\n'), 'plain.csv')).toThrow(
      /plain\.csv has no header row: its first row holds data \(“1956-03-14”\)/,
    )
    expect(() => read(Buffer.from('\n\n'), 'empty.csv')).toThrow(CsvRefusal)
  })
})

describe('the column mapping', () => {
  it('guesses fields from English and Spanish headers, each field for one column only', () => {
    expect(
      guessMapping([
        'First name',
        'Apellido',
        'DOB',
        'Chart #',
        'Teléfono',
        'Correo electrónico',
        'Favourite colour',
        'Nombre',
      ]),
    ).toEqual(['firstName', 'lastName', 'dateOfBirth', 'chartNumber', 'phone', 'email', '', ''])
    expect(guessMapping(['Nombre', 'Apellidos', 'Fecha de nacimiento', 'MRN'])).toEqual([
      'firstName',
      'lastName',
      'dateOfBirth',
      'chartNumber',
    ])
  })

  it('offers the mapping saved from the last import before the guess', () => {
    const saved = mappingToSave(['Given', 'Family', 'Colour'], ['firstName', 'lastName', ''])
    expect(guessMapping(['Family', 'Given', 'Colour', 'Last name'], saved)).toEqual(['lastName', 'firstName', '', ''])
  })

  it('refuses a mapping with no name columns', () => {
    expect(mappingProblem(['dateOfBirth', ''])).toMatch(/first name and the last name/)
    expect(mappingProblem(['firstName', 'lastName'])).toBeUndefined()
  })
})

describe('dates', () => {
  it('tells the order from the column, and says when nothing in it tells', () => {
    expect(detectDateOrder(['1956-03-14', '1960-01-02'])).toBe('ymd')
    expect(detectDateOrder(['03/04/1956', '25/12/1961'])).toBe('dmy')
    expect(detectDateOrder(['03/04/1956', '12/25/1961'])).toBe('mdy')
    expect(detectDateOrder(['14.03.1956'])).toBe('dmy')
    expect(detectDateOrder(['03/04/1956', '01/02/1960'])).toBe('ambiguous')
    expect(detectDateOrder(['', 'unknown'])).toBeNull()
  })

  it('reads each format, refuses two-digit years and dates that do not exist', () => {
    expect(readDate('1956-03-14', null)).toEqual({ iso: '1956-03-14' })
    expect(readDate('03/04/1956', 'mdy')).toEqual({ iso: '1956-03-04' })
    expect(readDate('03/04/1956', 'dmy')).toEqual({ iso: '1956-04-03' })
    expect(readDate('3.4.1956', 'dmy')).toEqual({ iso: '1956-04-03' })
    expect(readDate('03/04/56', 'mdy')).toEqual({ problem: 'two-digit-year' })
    expect(readDate('02/30/1956', 'mdy')).toEqual({ problem: 'not-a-date' })
    expect(readDate('03/04/1956', null)).toEqual({ problem: 'order' })
    expect(readDate('March 4', 'mdy')).toEqual({ problem: 'format' })
  })
})

describe('the dry run', () => {
  const existing: KnownPatient[] = [
    { id: 'p1', firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '1956-03-14', chartNumber: 'A-1' },
    { id: 'p2', firstName: 'Luis', lastName: 'Gil', dateOfBirth: '1960-01-02' },
    { id: 'p3', firstName: 'Rosa', lastName: 'Vidal', dateOfBirth: '1950-02-02', chartNumber: 'R-3' },
  ]
  const mapping = ['firstName', 'lastName', 'dateOfBirth', 'chartNumber', 'phone'] as const
  const plan = (text: string, dateOrder?: 'mdy' | 'dmy') =>
    planCsv(parseCsv(text, 'x.csv'), [...mapping], existing, { today, dateOrder })

  it('says per row what would be created, updated (by chart, else name and birth date) or skipped, and why', () => {
    const result = plan(
      [
        'First,Last,DOB,MRN,Phone',
        'Ana,Ruiz,1956-03-14,a1,555-1000', // chart A-1 (case and dash do not matter): update the phone
        'luis,GIL,1960-01-02,,555-2000', // name and birth date: update
        'Eva,Sanz,1970-05-06,E-9,', // new
        ',Nadie,1970-05-06,,', // no first name
        'Max,Rey,1970-13-45,,', // not a date
        'Eva,Sanz,1970-05-06,E-9,', // same chart as an earlier row
        'Rosa,Vidal,1950-02-02,R-3,', // nothing new
        'Bea,Luz,2030-01-01,,', // in the future
      ].join('\n'),
    )
    expect(result.rows.map((r) => [r.line, r.action, r.reason?.code ?? r.changes])).toEqual([
      [2, 'update', ['phone']],
      [3, 'update', ['phone']],
      [4, 'create', undefined],
      [5, 'skip', 'missing'],
      [6, 'skip', 'date'],
      [7, 'skip', 'same-chart-in-file'],
      [8, 'skip', 'unchanged'],
      [9, 'skip', 'invalid'],
    ])
    expect(result.rows[1]).toMatchObject({ patientId: 'p2' })
    expect(result.rows[5]!.reason).toEqual({
      code: 'same-chart-in-file',
      field: 'chartNumber',
      value: 'E-9',
      otherLine: 4,
    })
    expect(result.rows[7]!.reason).toMatchObject({ field: 'dateOfBirth', value: '2030-01-01' })
    expect(result).toMatchObject({ created: 1, updated: 2, skipped: 5 })
  })

  it('reads an ambiguous date column only in the order chosen', () => {
    const text = 'First,Last,DOB,MRN,Phone\nEva,Sanz,03/04/1956,,\n'
    expect(plan(text).dateOrder).toBe('ambiguous')
    expect(plan(text).rows[0]!.reason).toMatchObject({ code: 'date', problem: 'order' })
    expect(plan(text, 'dmy').rows[0]).toMatchObject({ action: 'create' })
    expect(plan(text, 'dmy').inputs[0]!.dateOfBirth).toBe('1956-04-03')
    expect(plan(text, 'mdy').inputs[0]!.dateOfBirth).toBe('1956-03-04')
  })

  it('keeps apart people who share a name and birth date but have different chart numbers', () => {
    const result = plan(
      [
        'First,Last,DOB,MRN,Phone',
        'Ana,Ruiz,1956-03-14,A-9,', // Ana Ruiz A-1 is on the roster: a namesake with another chart, so new
        'Ana,Ruiz,1956-03-14,A-10,', // another namesake in the file, with its own chart: new too
        'Luis,Gil,1960-01-02,,', // Luis Gil has no chart: matched by name and birth date
        'Luis,Gil,1960-01-02,,555', // and again with no chart: the same person twice in the file
      ].join('\n'),
    )
    expect(result.rows.map((r) => [r.action, r.reason?.code, r.patientId])).toEqual([
      ['create', undefined, undefined],
      ['create', undefined, undefined],
      ['skip', 'unchanged', 'p2'],
      ['skip', 'same-person-in-file', undefined],
    ])
  })

  it('skips a row whose chart number belongs to another patient', () => {
    const result = plan('First,Last,DOB,MRN,Phone\nLuis,Gil,1960-01-02,A-1,\n')
    expect(result.rows[0]!.reason).toEqual({
      code: 'chart-taken',
      field: 'chartNumber',
      value: 'A-1',
      holder: 'Ana Ruiz',
    })
  })

  it('plans 10,000 rows in well under a second', () => {
    const lines = ['First name,Last name,Date of birth,MRN']
    for (let i = 0; i < 10_000; i++)
      lines.push(`Name${i},Family${i % 97},${1930 + (i % 60)}-0${1 + (i % 9)}-1${i % 9},M-${i}`)
    const started = performance.now()
    const parsed = parseCsv(lines.join('\r\n'), 'big.csv')
    const result = planCsv(parsed, ['firstName', 'lastName', 'dateOfBirth', 'chartNumber'], existing, { today })
    expect(result.created).toBe(10_000)
    expect(performance.now() - started).toBeLessThan(3000)
  })
})

describe('CSV export', () => {
  const patient = (over: Partial<Patient>): Patient => ({
    id: 'p1',
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    firstName: 'José',
    lastName: 'Peña',
    status: 'active',
    patientType: 'existing',
    appointment: { days: [], timesOfDay: [], coverage: null },
    programs: [],
    ...over,
  })

  it('guards formula-looking values and writes UTF-8 with a BOM', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")')
    expect(['+1 206', '-5', '@SUM(A1)'].map(safeCell)).toEqual(["'+1 206", "'-5", "'@SUM(A1)"])
    expect(safeCell('Ana')).toBe('Ana')
    const text = rosterCsv([patient({ notes: '=1+1' })], ['firstName', 'notes'])
    expect(text.startsWith('\uFEFFFirst name,Notes\r\n')).toBe(true)
    expect(text).toContain("José,'=1+1")
  })

  it('round trip: an exported roster imports again with the same fields, guessed mapping and all', () => {
    const patients = [
      patient({
        chartNumber: 'C-1',
        dateOfBirth: '1956-03-14',
        phone: '+1 206 555 0100',
        notes: 'Line one\nline "two", three',
      }),
      patient({ id: 'p2', firstName: 'Zoë', lastName: '=cmd|x', email: 'zoe@example.com' }),
    ]
    const text = rosterCsv(patients, [
      'firstName',
      'lastName',
      'dateOfBirth',
      'chartNumber',
      'phone',
      'email',
      'notes',
      'status',
    ])
    const csv = read(Buffer.from(text, 'utf8'))
    const mapping = guessMapping(csv.columns)
    expect(mapping).toEqual(['firstName', 'lastName', 'dateOfBirth', 'chartNumber', 'phone', 'email', 'notes', ''])
    const result = planCsv(csv, mapping, [], { today })
    expect(result.inputs).toEqual([
      expect.objectContaining({
        firstName: 'José',
        chartNumber: 'C-1',
        dateOfBirth: '1956-03-14',
        phone: '+1 206 555 0100',
        notes: 'Line one\nline "two", three',
      }),
      expect.objectContaining({ firstName: 'Zoë', lastName: '=cmd|x', email: 'zoe@example.com' }),
    ])
  })
})
