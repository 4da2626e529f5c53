import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Method } from '../../../src/core/contract'
import type { CsvImportResult, CsvOpened } from '../../../src/core/csv-contract'
import type { CsvPlan } from '../../../src/core/csv-import'
import { dispatch } from '../../../src/core/dispatch'
import type { Patient, PatientSummary } from '../../../src/core/patient'
import type { Result } from '../../../src/core/result'
import type { FileResult } from '../../../src/core/roster-contract'
import { patientInput } from '../../support/patients'
import { testServices } from '../../support/services'

async function setup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-csv-'))
  const services = testServices(dataDir)
  const call = <T = unknown>(method: Method, arg?: unknown) =>
    dispatch(services.handlers, method, arg) as Promise<Result<T>>
  const value = async <T = unknown>(method: Method, arg?: unknown): Promise<T> => {
    const result = await call<T>(method, arg)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  /** Puts a file in the data folder and has the next open dialog choose it. */
  const choose = async (name: string, bytes: string | Uint8Array) => {
    const path = join(dataDir, name)
    await writeFile(path, bytes)
    services.dialogs.answers.open.push(path)
    return path
  }
  const open = async () => {
    const opened = await value<CsvOpened>('openCsvImport')
    if (opened.cancelled) throw new Error('cancelled')
    return opened
  }
  return { dataDir, services, call, value, choose, open }
}

const clinicCsv = [
  'Nombre;Apellidos;Fecha de nacimiento;Nº historia;Teléfono',
  'José;Peña;14/03/1956;H-1;555 0100',
  'María;Ruiz;25/12/1961;H-2;',
  'Luis;Gil;31/02/1960;H-3;',
].join('\r\n')

describe('CSV import service', () => {
  it('reads the file, dry-runs without writing, imports in one step, and restoring the backup undoes it', async () => {
    const { value, choose, open } = await setup()
    const existing = await value<Patient>(
      'createPatient',
      patientInput({ firstName: 'Ana', lastName: 'Sanz', chartNumber: 'H-2' }),
    )
    await choose('clinic.csv', Buffer.from(clinicCsv, 'latin1'))
    const opened = await open()
    expect(opened).toMatchObject({
      encoding: 'windows-1252',
      separator: ';',
      rowCount: 3,
      mapping: ['firstName', 'lastName', 'dateOfBirth', 'chartNumber', 'phone'],
    })
    expect(opened.preview[0]).toEqual(['José', 'Peña', '14/03/1956', 'H-1', '555 0100'])

    const plan = await value<CsvPlan>('planCsvImport', { token: opened.token, mapping: opened.mapping })
    expect(plan).toMatchObject({ dateOrder: 'dmy', created: 1, updated: 0, skipped: 2 })
    expect(plan.rows.map((r) => [r.line, r.action, r.reason?.code])).toEqual([
      [2, 'create', undefined],
      [3, 'skip', 'chart-taken'],
      [4, 'skip', 'date'],
    ])
    expect(await value<PatientSummary[]>('listPatients')).toHaveLength(1)

    const result = await value<CsvImportResult>('importCsv', { token: opened.token, mapping: opened.mapping })
    expect(result).toMatchObject({ created: 1, updated: 0, skipped: 2, undo: { kind: 'before-import', patients: 1 } })
    const names = (await value<PatientSummary[]>('listPatients')).map((p) => `${p.firstName} ${p.lastName}`)
    expect(names.sort()).toEqual(['Ana Sanz', 'José Peña'])

    await value('restoreBackup', { id: result.undo.id })
    const after = await value<PatientSummary[]>('listPatients')
    expect(after.map((p) => p.id)).toEqual([existing.id])
  })

  it('updates a matched patient in place, keeping their programs, and remembers the mapping for next time', async () => {
    const { value, choose, open } = await setup()
    const ana = await value<Patient>(
      'createPatient',
      patientInput({ firstName: 'Ana', lastName: 'Sanz', dateOfBirth: '1950-02-02' }),
    )
    await choose('a.csv', 'Given,Family,Born,Colour,Mobile\nAna,Sanz,1950-02-02,blue,555 9999\n')
    const first = await open()
    expect(first.mapping).toEqual(['', '', 'dateOfBirth', '', 'phone'])
    const mapping = ['firstName', 'lastName', 'dateOfBirth', '', 'phone']
    const result = await value<CsvImportResult>('importCsv', { token: first.token, mapping })
    expect(result).toMatchObject({ created: 0, updated: 1 })
    const saved = await value<Patient>('getPatient', { id: ana.id })
    expect(saved).toMatchObject({ phone: '555 9999', revision: 2, status: ana.status, createdAt: ana.createdAt })

    await choose('b.csv', 'Family,Given,Mobile\nRey,Max,\n')
    expect((await open()).mapping).toEqual(['lastName', 'firstName', 'phone'])
  })

  it('needs the date order chosen when the column does not tell, and reads it as chosen', async () => {
    const { value, choose, open } = await setup()
    await choose('us.csv', 'First name,Last name,DOB\nAna,Sanz,03/04/1956\n')
    const opened = await open()
    const unsure = await value<CsvPlan>('planCsvImport', { token: opened.token, mapping: opened.mapping })
    expect(unsure.dateOrder).toBe('ambiguous')
    expect(unsure.rows[0]!.reason).toMatchObject({ code: 'date', problem: 'order', value: '03/04/1956' })
    await value('importCsv', { token: opened.token, mapping: opened.mapping, dateOrder: 'mdy' })
    expect((await value<PatientSummary[]>('listPatients'))[0]!.dateOfBirth).toBe('1956-03-04')
  })

  it('refuses a file too large, a binary file, no name columns and a stale token, each in words', async () => {
    const { call, choose, open } = await setup()
    await choose('huge.csv', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41))
    const huge = await call('openCsvImport')
    expect(!huge.ok && huge.error.message).toMatch(
      /huge\.csv is larger than 20(\.0)? MB, the largest CSV Homeplan imports/,
    )

    await choose('photo.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
    const binary = await call('openCsvImport')
    expect(!binary.ok && binary.error.message).toMatch(/photo\.csv is not a text file/)

    await choose('ok.csv', 'First name,Last name\nAna,Sanz\n')
    const opened = await open()
    const noNames = await call('planCsvImport', { token: opened.token, mapping: ['firstName', ''] })
    expect(!noNames.ok && noNames.error).toMatchObject({
      field: 'mapping',
      message: expect.stringMatching(/last name/),
    })
    const stale = await call('importCsv', { token: 'ffffffff-0000', mapping: opened.mapping })
    expect(!stale.ok && stale.error.message).toMatch(/no longer open/)
  })

  it('imports 10,000 rows in seconds', async () => {
    const { value, choose, open } = await setup()
    const lines = ['First name,Last name,Date of birth,MRN,Notes']
    for (let i = 0; i < 10_000; i++)
      lines.push(`Name${i},Family${i % 97},1950-01-${10 + (i % 18)},M-${i},"line one\nline two"`)
    await choose('big.csv', Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf16le'))
    const started = performance.now()
    const opened = await open()
    expect(opened.rowCount).toBe(10_000)
    const result = await value<CsvImportResult>('importCsv', { token: opened.token, mapping: opened.mapping })
    expect(result.created).toBe(10_000)
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(await value<PatientSummary[]>('listPatients')).toHaveLength(10_000)
  })
})

describe('CSV export', () => {
  it('writes the chosen roster columns, which import again unchanged', async () => {
    const { value, services, choose, open } = await setup()
    await value(
      'createPatient',
      patientInput({ firstName: 'Zoë', lastName: '=Nguyễn', chartNumber: 'Z-1', notes: 'two\nlines' }),
    )
    const file = await value<FileResult>('exportRosterCsv', {
      columns: ['lastName', 'firstName', 'chartNumber', 'notes'],
    })
    if (!file.saved) throw new Error('not saved')
    expect(services.dialogs.asked.at(-1)).toMatchObject({
      kind: 'save',
      defaultName: expect.stringMatching(/^Homeplan_roster_.*\.csv$/),
    })
    const text = await readFile(file.path, 'utf8')
    expect(text).toBe('\uFEFFLast name,First name,Chart number,Notes\r\n\'=Nguyễn,Zoë,Z-1,"two\nlines"\r\n')

    await choose('again.csv', await readFile(file.path))
    const opened = await open()
    const plan = await value<CsvPlan>('planCsvImport', { token: opened.token, mapping: opened.mapping })
    expect(plan.rows, JSON.stringify(plan.rows)).toEqual([
      expect.objectContaining({ action: 'skip', reason: expect.objectContaining({ code: 'unchanged' }) }),
    ])
  })

  it('carries the chart fields clinics keep (member ID, precautions) out and back in', async () => {
    const { value } = await setup()
    await value(
      'createPatient',
      patientInput({
        firstName: 'Ana',
        lastName: 'Ruiz',
        chartNumber: 'A-1',
        memberId: 'XJP 4471-02',
        precautions: 'No hip flexion past 90°',
      }),
    )
    const file = await value<FileResult>('exportRosterCsv', {
      columns: ['firstName', 'lastName', 'memberId', 'precautions'],
    })
    if (!file.saved) throw new Error('not saved')
    const text = await readFile(file.path, 'utf8')
    expect(text).toBe(
      '\uFEFFFirst name,Last name,Member ID,Precautions\r\nAna,Ruiz,XJP 4471-02,No hip flexion past 90°\r\n',
    )

    // Into an empty roster: the headers map themselves, and the fields arrive as they left.
    const other = await setup()
    await other.choose('roster.csv', await readFile(file.path))
    const opened = await other.open()
    expect(opened.mapping).toEqual(['firstName', 'lastName', 'memberId', 'precautions'])
    await other.value('importCsv', { token: opened.token, mapping: opened.mapping })
    const [summary] = await other.value<{ id: string }[]>('listPatients', undefined)
    const patient = await other.value<{ memberId?: string; precautions?: string }>('getPatient', { id: summary!.id })
    expect(patient).toMatchObject({ memberId: 'XJP 4471-02', precautions: 'No hip flexion past 90°' })
  })

  it('writes one patient’s programs with the exercises by name', async () => {
    const { value } = await setup()
    const patient = await value<Patient>('createPatient', patientInput({ firstName: 'Ana', lastName: 'Sanz' }))
    const library = await value<{ exercises: { id: string; name: string }[] }>('getLibrary')
    const exercise = library.exercises[0]!
    await value('saveProgram', {
      patientId: patient.id,
      program: {
        title: 'Knee, week 1',
        status: 'current',
        items: [{ id: 'item-000001', exerciseId: exercise.id, dosage: { sets: 2, reps: { min: 10, max: 15 } } }],
      },
    })
    const file = await value<FileResult>('exportProgramHistoryCsv', { id: patient.id })
    if (!file.saved) throw new Error('not saved')
    expect(file.path).toMatch(/Sanz_Ana_programs_\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = (await readFile(file.path, 'utf8')).split('\r\n')
    expect(lines[0]).toBe('\uFEFFProgram,Status,Created,Last changed,Therapist,Goals,Exercises,Exercise list,Handouts')
    expect(lines[1]).toMatch(
      new RegExp(`^"Knee, week 1",current,\\d{4}-\\d{2}-\\d{2},\\d{4}-\\d{2}-\\d{2},,,1,${exercise.name},0$`),
    )
  })
})
