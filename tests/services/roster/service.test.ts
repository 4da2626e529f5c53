import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RosterStore, ROSTER_FILE } from '../../../electron/services/roster/store'
import { methods, type Method } from '../../../src/core/contract'
import { dispatch } from '../../../src/core/dispatch'
import type { Patient } from '../../../src/core/patient'
import type { Result } from '../../../src/core/result'
import { patientInput, syntheticPatients } from '../../support/patients'
import { testServices } from '../../support/services'

async function setup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-service-'))
  const services = testServices(dataDir)
  const dialogs = services.dialogs
  const call = <T = unknown>(method: Method, arg?: unknown) =>
    dispatch(services.handlers, method, arg) as Promise<Result<T>>
  const value = async <T = unknown>(method: Method, arg?: unknown): Promise<T> => {
    const result = await call<T>(method, arg)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  /** Everything in the live roster files, to prove a refused call changed nothing. */
  const disk = async () => {
    await services.idle()
    const names = (await readdir(dataDir)).filter((n) => n.startsWith('roster')).sort()
    return Promise.all(names.map(async (n) => `${n}:${await readFile(join(dataDir, n), 'utf8')}`))
  }
  return { dataDir, dialogs, services, call, value, disk }
}

describe('roster service', () => {
  it('stores Unicode names and script-like text literally', async () => {
    const { value } = await setup()
    const created = await value<Patient>(
      'createPatient',
      patientInput({ firstName: 'Иван', lastName: 'Nguyễn', notes: '<script>alert(1)</script>' }),
    )
    const fetched = await value<Patient>('getPatient', { id: created.id })
    expect(fetched).toMatchObject({ firstName: 'Иван', lastName: 'Nguyễn', notes: '<script>alert(1)</script>' })
  })

  it('refuses bad input with a field error and changes nothing on disk', async () => {
    const { call, value, disk } = await setup()
    const created = await value<Patient>('createPatient', patientInput())
    const before = await disk()
    const refusals: [Method, unknown, string | undefined][] = [
      ['createPatient', patientInput({ firstName: '' }), 'firstName'],
      ['createPatient', patientInput({ lastName: 'x'.repeat(10_000) }), 'lastName'],
      ['createPatient', patientInput({ dateOfBirth: '2999-01-01' }), 'dateOfBirth'],
      ['createPatient', patientInput({ dateOfBirth: '1956-02-30' }), 'dateOfBirth'],
      ['createPatient', patientInput({ email: 'not-an-email' }), 'email'],
      ['createPatient', { ...patientInput(), ssn: '123' }, 'ssn'],
      ['createPatient', patientInput({ chartNumber: 'mrn 1001' }), 'chartNumber'],
      ['updatePatient', { id: 'no-such-patient', revision: 1, patient: patientInput() }, 'id'],
      ['updatePatient', { id: created.id, patient: patientInput() }, 'revision'],
      ['getPatient', { id: '../../etc/passwd' }, 'id'],
      ['deletePatient', {}, 'id'],
    ]
    for (const [method, arg, field] of refusals) {
      const result = await call(method, arg)
      expect(result.ok, `${method} ${JSON.stringify(arg).slice(0, 80)}`).toBe(false)
      if (!result.ok) expect(result.error.field).toBe(field)
    }
    expect(await disk()).toEqual(before)
    expect(created.chartNumber).toBe('MRN-1001')
  })

  it('archives, restores and deletes; a deleted patient is gone from the live file at once', async () => {
    const { value, dataDir } = await setup()
    const keep = await value<Patient>('createPatient', patientInput({ chartNumber: 'K-1' }))
    const gone = await value<Patient>('createPatient', patientInput({ firstName: 'Zofia', chartNumber: 'Z-9' }))
    expect((await value<Patient>('setPatientArchived', { id: gone.id, archived: true })).status).toBe('archived')
    expect((await value<Patient>('setPatientArchived', { id: gone.id, archived: false })).status).toBe('active')
    await value('deletePatient', { id: gone.id })
    const live = (await readdir(dataDir)).filter((n) => n.startsWith('roster'))
    for (const name of live) expect(await readFile(join(dataDir, name), 'utf8')).not.toContain('Zofia')
    expect((await value<{ id: string }[]>('listPatients')).map((p) => p.id)).toEqual([keep.id])
  })

  it('sends the opening screen first: the first active patients by name and the totals, limit checked', async () => {
    const { value, call } = await setup()
    for (const [firstName, lastName, status] of [
      ['Cy', 'Zed', 'active'],
      ['Al', 'Moe', 'discharged'],
      ['Bo', 'Abe', 'active'],
      ['Di', 'Kay', 'active'],
    ] as const) {
      await value('createPatient', patientInput({ firstName, lastName, status, chartNumber: undefined }))
    }
    const page = await value<{ patients: Patient[]; total: number; matching: number }>('listFirstPatients', {
      limit: 2,
    })
    expect(page.patients.map((p) => p.lastName)).toEqual(['Abe', 'Kay'])
    expect(page).toMatchObject({ total: 4, matching: 3 })
    for (const limit of [0, 1.5, 501, '5']) expect((await call('listFirstPatients', { limit })).ok).toBe(false)
    expect((await call('listFirstPatients', undefined)).ok).toBe(false)
  })

  it('keeps one current program, duplicates a previous one as a starting point', async () => {
    const { value } = await setup()
    const patient = await value<Patient>('createPatient', patientInput())
    const item = {
      id: 'item-000001',
      exerciseId: 'bridges',
      dosage: { sets: 2, reps: { min: 10, max: 15 }, holdSeconds: 5 },
    }
    const first = await value<Patient>('saveProgram', {
      patientId: patient.id,
      program: { title: 'Week 1', status: 'current', items: [item] },
    })
    const second = await value<Patient>('saveProgram', {
      patientId: patient.id,
      program: { title: 'Week 3', status: 'current', items: [] },
    })
    expect(second.programs.map((p) => [p.title, p.status])).toEqual([
      ['Week 1', 'previous'],
      ['Week 3', 'current'],
    ])
    const copy = await value<Patient>('duplicateProgram', { patientId: patient.id, programId: first.programs[0]!.id })
    const newest = copy.programs.at(-1)!
    expect(newest).toMatchObject({ title: 'Week 1 (2)', status: 'current', items: [{ exerciseId: 'bridges' }] })
    expect(newest.items[0]!.id).not.toBe('item-000001')
    expect(copy.programs.filter((p) => p.status === 'current')).toHaveLength(1)
    // The next copy takes the next free number, from the original or from a copy alike.
    const again = await value<Patient>('duplicateProgram', { patientId: patient.id, programId: newest.id })
    expect(again.programs.at(-1)!.title).toBe('Week 1 (3)')
  })

  it('exports one patient and imports a roster, reporting duplicate chart numbers instead of merging', async () => {
    const a = await setup()
    const anna = await a.value<Patient>('createPatient', patientInput({ chartNumber: 'A-1' }))
    await a.value('createPatient', patientInput({ firstName: 'Ola', chartNumber: 'A-2' }))
    const exported = await a.value<{ saved: boolean; path: string }>('exportRoster')
    expect(exported.path).toMatch(/Homeplan_roster_\d{4}-\d{2}-\d{2}\.json$/)
    const one = await a.value<{ path: string }>('exportPatient', { id: anna.id })
    expect(one.path).toMatch(/Łukasiewicz_Anna_patient-record_\d{4}-\d{2}-\d{2}\.json$/)

    const b = await setup()
    await b.value('createPatient', patientInput({ firstName: 'Someone', lastName: 'Else', chartNumber: 'a 1' }))
    b.dialogs.answers.open.push(exported.path)
    const report = await b.value<{ imported: number; duplicates: unknown[] }>('importRoster')
    expect(report).toMatchObject({
      imported: 1,
      duplicates: [{ chartNumber: 'A-1', importedName: 'Anna Łukasiewicz', existingName: 'Someone Else' }],
    })
    expect((await b.value<unknown[]>('listPatients')).length).toBe(2)
  })

  it('names the file and JSON path of an invalid import and imports nothing', async () => {
    const { value, call, dialogs, dataDir } = await setup()
    const file = join(dataDir, 'broken.json')
    await writeFile(
      file,
      JSON.stringify({
        format: 'homeplan-roster-export',
        schemaVersion: 3,
        patients: [{ ...patientInput(), id: 'patient-x1', revision: 1, createdAt: 'x' }],
      }),
    )
    dialogs.answers.open.push(file)
    const result = await call('importRoster')
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: expect.stringMatching(/^broken\.json: patients\[0\]\.createdAt: .*Nothing was imported\.$/),
      },
    })
    expect(await value<unknown[]>('listPatients')).toEqual([])
  })

  it('backs up, restores, and undoes the restore', async () => {
    const { value } = await setup()
    await value('createPatient', patientInput({ firstName: 'Before', chartNumber: 'B-1' }))
    const backup = await value<{ id: string; kind: string; patients: number }>('backupNow')
    expect(backup).toMatchObject({ kind: 'manual', patients: 1 })
    await value('createPatient', patientInput({ firstName: 'After', chartNumber: 'B-2' }))
    const { undo } = await value<{ undo: { id: string; patients: number } }>('restoreBackup', { id: backup.id })
    expect((await value<{ firstName: string }[]>('listPatients')).map((p) => p.firstName)).toEqual(['Before'])
    expect(undo.patients).toBe(2)
    await value('restoreBackup', { id: undo.id })
    expect((await value<{ firstName: string }[]>('listPatients')).map((p) => p.firstName)).toEqual(['Before', 'After'])
    const kinds = (await value<{ kind: string }[]>('listBackups')).map((b) => b.kind)
    expect(kinds.filter((k) => k === 'before-restore')).toHaveLength(2)
  })

  it('offers the newest backup when the roster had to be set aside, and restores it', async () => {
    const first = await setup()
    await first.value('createPatient', patientInput({ chartNumber: 'R-1' }))
    await first.value('backupNow')
    await first.services.close()
    await writeFile(join(first.dataDir, ROSTER_FILE), '\0\0\0\0')
    const { handlers } = testServices(first.dataDir)
    const status = await dispatch(handlers, 'getRosterStatus', undefined)
    expect(status).toMatchObject({ ok: true, value: { status: 'recovery', newestBackup: { patients: 1 } } })
    const newest = (status as { value: { newestBackup: { id: string } } }).value.newestBackup.id
    expect(await dispatch(handlers, 'createPatient', patientInput())).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(await dispatch(handlers, 'restoreBackup', { id: newest })).toMatchObject({ ok: true, value: { undo: null } })
    expect(await dispatch(handlers, 'listPatients', undefined)).toMatchObject({
      ok: true,
      value: [{ chartNumber: 'R-1' }],
    })
  })

  it('has a handler for every contract method', async () => {
    const { services } = await setup()
    expect(Object.keys(services.handlers).sort()).toEqual([...methods].sort())
  })
})

describe('typed text', () => {
  it('refuses hidden characters in names, titles and settings with plain words, and changes nothing on disk', async () => {
    const { call, value, disk } = await setup()
    const patient = await value<Patient>('createPatient', patientInput())
    const before = await disk()
    const refusals: [Method, unknown, string, string][] = [
      [
        'createPatient',
        patientInput({ firstName: '\u0000' }),
        'firstName',
        'First name cannot contain hidden control characters.',
      ],
      [
        'createPatient',
        patientInput({ firstName: '\u200B\u200B\u200B' }),
        'firstName',
        'First name cannot be made only of invisible characters.',
      ],
      [
        'createPatient',
        patientInput({ lastName: 'Smith\uD800' }),
        'lastName',
        'Last name contains a broken character (half of an emoji or symbol). Delete it and type it again.',
      ],
      [
        'createPatient',
        patientInput({ lastName: '\u202Ehtims' }),
        'lastName',
        'Last name cannot contain hidden text-direction characters.',
      ],
      [
        'createPatient',
        patientInput({ dateOfBirth: '0000-01-01' }),
        'dateOfBirth',
        'The date of birth cannot be before 1900.',
      ],
      [
        'updatePatient',
        { id: patient.id, revision: 1, patient: patientInput({ preferredName: 'Jo\u2066' }) },
        'patient.preferredName',
        'Preferred name cannot contain hidden text-direction characters.',
      ],
      [
        'saveProgram',
        { patientId: patient.id, program: { title: 'Week\u00001', status: 'current', items: [] } },
        'program.title',
        'Program title cannot contain hidden control characters.',
      ],
    ]
    for (const [method, arg, field, message] of refusals) {
      expect(await call(method, arg), `${method} ${field}`).toEqual({
        ok: false,
        error: { code: 'invalid_argument', field, message: `${field}: ${message}` },
      })
    }
    expect(await disk()).toEqual(before)
    expect(await call('updateSettings', { therapists: [{ name: 'Sam\u0000' }] })).toMatchObject({
      ok: false,
      error: {
        field: 'therapists.0.name',
        message: expect.stringContaining('Name cannot contain hidden control characters.'),
      },
    })
    expect(await call('updateSettings', { clinic: { name: '\u202ERiverside', layout: 'detailed' } })).toMatchObject({
      ok: false,
      error: { field: 'clinic.name' },
    })
    expect(await value<{ therapists: unknown[]; clinic: { name: string } }>('getSettings')).toMatchObject({
      therapists: [],
      clinic: { name: '' },
    })
  })

  it('still opens, archives and adds programs to a patient saved before the stricter rules', async () => {
    const { dataDir } = await setup()
    const [legacy] = syntheticPatients(1, 1, 1)
    const store = await RosterStore.open({ dir: dataDir })
    await store.put({
      ...legacy!,
      firstName: 'An\u0000na',
      lastName: '\u200B',
      preferredName: '\u202Eoj',
      dateOfBirth: '0000-01-01',
      programs: [{ ...legacy!.programs[0]!, title: 'Week\u00071' }],
    })
    await store.close()
    const { handlers } = testServices(dataDir)
    const call = (method: Method, arg?: unknown) => dispatch(handlers, method, arg)
    expect(await call('getRosterStatus')).toMatchObject({ ok: true, value: { status: 'ready', patients: 1 } })
    expect(await call('getPatient', { id: legacy!.id })).toMatchObject({
      ok: true,
      value: { firstName: 'An\u0000na', lastName: '\u200B' },
    })
    expect(await call('setPatientArchived', { id: legacy!.id, archived: true })).toMatchObject({
      ok: true,
      value: { status: 'archived' },
    })
    const saved = await call('saveProgram', {
      patientId: legacy!.id,
      program: { title: 'Week 2', status: 'current', items: [] },
    })
    expect(saved).toMatchObject({ ok: true, value: { programs: [{ title: 'Week\u00071' }, { title: 'Week 2' }] } })
    // Correcting the details is checked as typed: the fixed name is accepted.
    expect(
      await call('updatePatient', {
        id: legacy!.id,
        revision: 2,
        patient: patientInput({ firstName: 'Anna', lastName: 'Nowak', chartNumber: 'L-1' }),
      }),
    ).toMatchObject({ ok: true, value: { firstName: 'Anna' } })
  })
})

describe('limits of one patient’s record', () => {
  it('refuses the 501st program, as a new or a duplicated one, with a sentence and nothing saved', async () => {
    const { dataDir } = await setup()
    const [full] = syntheticPatients(1, 500, 1)
    const store = await RosterStore.open({ dir: dataDir })
    await store.put(full!)
    await store.close()
    const services = testServices(dataDir)
    const call = (method: Method, arg?: unknown) => dispatch(services.handlers, method, arg)
    const message =
      'Anna Łukasiewicz already has 500 programs, the most one patient’s record can hold. Open one of them and change it instead. Nothing was saved.'
    const added = await call('saveProgram', {
      patientId: full!.id,
      program: { title: 'One more', status: 'current', items: [] },
    })
    expect(added).toEqual({ ok: false, error: { code: 'invalid_argument', message } })
    const copied = await call('duplicateProgram', { patientId: full!.id, programId: full!.programs[0]!.id })
    expect(copied).toEqual({ ok: false, error: { code: 'invalid_argument', message } })
    // Changing one of the 500 is still possible.
    const edited = await call('saveProgram', {
      patientId: full!.id,
      programId: full!.programs[0]!.id,
      revision: 1,
      program: { title: 'Renamed', status: 'previous', items: [] },
    })
    expect(edited).toMatchObject({ ok: true })
    const after = await call('getPatient', { id: full!.id })
    expect(after.ok && (after.value as Patient).programs).toHaveLength(500)
    await services.close()
  })

  it('refuses to import a record holding more than 500 programs, in words, and imports nothing', async () => {
    const { call, value, dialogs, dataDir } = await setup()
    const file = join(dataDir, 'big.json')
    await writeFile(
      file,
      JSON.stringify({ format: 'homeplan-roster-export', schemaVersion: 3, patients: syntheticPatients(1, 501, 1) }),
    )
    dialogs.answers.open.push(file)
    expect(await call('importRoster')).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message:
          'big.json: patients[0].programs: A patient’s record can hold at most 500 programs. Nothing was imported.',
      },
    })
    expect(await value<unknown[]>('listPatients')).toEqual([])
  })
})

describe('renaming and deleting a program', () => {
  async function withTwoPrograms() {
    const s = await setup()
    const patient = await s.value<Patient>('createPatient', patientInput())
    const item = { id: 'item-000001', exerciseId: 'bridges', dosage: { reps: { min: 10, max: 10 } } }
    await s.value<Patient>('saveProgram', {
      patientId: patient.id,
      program: { title: 'Week 1', status: 'current', items: [item] },
    })
    const both = await s.value<Patient>('saveProgram', {
      patientId: patient.id,
      program: { title: 'Week 3', status: 'current', items: [item] },
    })
    const [week1, week3] = both.programs
    return { ...s, patient: both, week1: week1!, week3: week3! }
  }

  it('renames a program from the revision shown, and refuses a stale revision or an empty title, changing nothing', async () => {
    const { call, value, patient, week1, disk } = await withTwoPrograms()
    const renamed = await value<Patient>('renameProgram', {
      patientId: patient.id,
      programId: week1.id,
      revision: week1.revision,
      title: '  Hip program  ',
    })
    const program = renamed.programs.find((p) => p.id === week1.id)!
    expect(program).toMatchObject({ title: 'Hip program', revision: week1.revision + 1, items: week1.items })
    expect(program.status).toBe('previous')

    const before = await disk()
    const stale = await call('renameProgram', {
      patientId: patient.id,
      programId: week1.id,
      revision: week1.revision,
      title: 'Other',
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', field: 'revision' } })
    const empty = await call('renameProgram', {
      patientId: patient.id,
      programId: week1.id,
      revision: program.revision,
      title: ' ',
    })
    expect(empty).toMatchObject({
      ok: false,
      error: { field: 'title', message: expect.stringContaining('Give the program a title.') },
    })
    const gone = await call('renameProgram', {
      patientId: patient.id,
      programId: 'no-such-program',
      revision: 1,
      title: 'X',
    })
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found', field: 'programId' } })
    expect(await disk()).toEqual(before)
  })

  it('deletes a program (the newest left becomes current when the current one goes) and puts it back exactly on Undo', async () => {
    const { call, value, patient, week1, week3 } = await withTwoPrograms()
    const after = await value<Patient>('deleteProgram', { patientId: patient.id, programId: week3.id })
    expect(after.programs.map((p) => [p.title, p.status])).toEqual([['Week 1', 'current']])
    expect((await value<Patient>('getPatient', { id: patient.id })).programs).toHaveLength(1)

    const restored = await value<Patient>('restoreProgram', { patientId: patient.id, program: week3 })
    expect(restored.programs.find((p) => p.id === week3.id)).toEqual(week3)
    expect(restored.programs.find((p) => p.id === week1.id)!.status).toBe('previous')
    // Undo twice puts nothing back twice.
    const again = await call('restoreProgram', { patientId: patient.id, program: week3 })
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } })

    // A previous program deleted leaves the current one as it is.
    const left = await value<Patient>('deleteProgram', { patientId: patient.id, programId: week1.id })
    expect(left.programs.map((p) => [p.title, p.status])).toEqual([['Week 3', 'current']])
    const missing = await call('deleteProgram', { patientId: patient.id, programId: week1.id })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', field: 'programId' } })
  })
})
