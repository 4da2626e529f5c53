import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ServiceDeps } from '../../electron/services'
import { ACCESS_LOG_FILE } from '../../electron/services/access-log'
import type { AccessLogEntry, AccessLogPage } from '../../src/core/access-log'
import type { Method, Notice } from '../../src/core/contract'
import { dispatch } from '../../src/core/dispatch'
import type { Patient } from '../../src/core/patient'
import type { ImportReport } from '../../src/core/roster-contract'
import type { Result } from '../../src/core/result'
import { FaultyFs } from '../support/faulty-fs'
import { patientInput } from '../support/patients'
import { testServices } from '../support/services'

async function setup(overrides: Partial<ServiceDeps> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-access-service-'))
  const services = testServices(dataDir, { now: () => new Date('2026-12-07T09:00:00Z'), ...overrides })
  const call = async <T>(method: Method, arg?: unknown) => (await dispatch(services.handlers, method, arg)) as Result<T>
  const value = async <T>(method: Method, arg?: unknown) => {
    const result = await call<T>(method, arg)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }
  await value('updateSettings', {
    clinic: { name: 'Riverside Physical Therapy', phone: '(206) 555-0142', layout: 'detailed' },
    therapists: [{ name: 'Dana Whitfield', credentials: 'PT' }],
    openAfterExport: false,
  })
  /** The entries written since the last look, oldest first. */
  let seen = 0
  const fresh = async (): Promise<AccessLogEntry[]> => {
    await services.idle()
    const page = await value<AccessLogPage>('getAccessLog', { page: 0, pageSize: 500 })
    const all = [...page.entries].reverse()
    const added = all.slice(seen)
    seen = all.length
    return added
  }
  return { dataDir, services, call, value, fresh }
}

const program = {
  title: 'Knee week 1',
  status: 'current',
  items: [{ id: 'item-000001', exerciseId: 'bridges', dosage: { reps: { min: 8, max: 8 } } }],
}

describe('the access log records what was done to which patient', () => {
  it('writes one entry per action, by the patient’s id and initials, never the full name', async () => {
    const printed: string[] = []
    const { value, fresh, services, dataDir } = await setup({
      printPdf: async (_pdf, title) => (printed.push(title), true),
    })
    const patient = await value<Patient>('createPatient', patientInput({ firstName: 'María José', lastName: 'García' }))
    const mine = { patientId: patient.id, initials: 'MG', who: null }
    expect(await fresh()).toEqual([{ at: '2026-12-07T09:00:00.000Z', action: 'created', ...mine }])

    await value('getPatient', { id: patient.id })
    expect(await fresh()).toMatchObject([{ action: 'viewed', ...mine }])

    await value('setWorkingAs', { name: 'Dana Whitfield' })
    const dana = { ...mine, who: 'Dana Whitfield' }
    const updated = await value<Patient>('updatePatient', {
      id: patient.id,
      revision: 1,
      patient: patientInput({ firstName: 'María José', lastName: 'García', notes: 'x' }),
    })
    expect(await fresh()).toMatchObject([{ action: 'changed', detail: 'updatePatient', ...dana }])

    const saved = await value<Patient>('saveProgram', { patientId: patient.id, program })
    const programId = saved.programs[0]!.id
    expect(await fresh()).toMatchObject([{ action: 'programSaved', ...dana }])
    await value('renameProgram', { patientId: patient.id, programId, revision: 1, title: 'Knee week 2' })
    expect(await fresh()).toMatchObject([{ action: 'changed', detail: 'renameProgram', ...dana }])

    const handout = { patientId: patient.id, programId, layout: 'compact', paper: 'a4', logDays: 0 }
    await value('exportHandout', handout)
    expect(await fresh()).toMatchObject([{ action: 'exported', detail: 'exportHandout', ...dana }])
    await value('printHandout', handout)
    expect(await fresh()).toMatchObject([{ action: 'printed', detail: 'printHandout', ...dana }])
    expect(printed).toHaveLength(1)

    await value('exportPatient', { id: patient.id })
    expect(await fresh()).toMatchObject([{ action: 'exported', detail: 'exportPatient', ...dana }])

    services.dialogs.answers.save.push(undefined)
    await value('exportPatient', { id: patient.id })
    expect(await fresh()).toEqual([]) // cancelled: nothing was exported

    const backup = await value<{ id: string }>('backupNow')
    await value('restoreBackup', { id: backup.id })
    expect(await fresh()).toMatchObject([
      { action: 'restored', who: 'Dana Whitfield', detail: `restoreBackup: ${backup.id}` },
    ])

    const exportFile = join(dataDir, 'to-import.json')
    await writeFile(
      exportFile,
      JSON.stringify({
        format: 'homeplan-roster-export',
        schemaVersion: 3,
        patients: [{ ...updated, id: 'patient-000099', chartNumber: 'MRN-2' }],
      }),
    )
    services.dialogs.answers.open.push(exportFile)
    expect((await value<ImportReport>('importRoster')).imported).toBe(1)
    expect(await fresh()).toMatchObject([{ action: 'imported', detail: 'importRoster: 1' }])

    await value('deletePatient', { id: patient.id })
    expect(await fresh()).toMatchObject([{ action: 'deleted', ...dana }])

    await value('setWorkingAs', { name: null })
    await value('exportAccessLog')
    expect(await fresh()).toMatchObject([{ action: 'exported', who: null, detail: 'exportAccessLog' }])

    const raw = await readFile(join(dataDir, ACCESS_LOG_FILE), 'utf8')
    expect(raw).not.toContain('García')
    expect(raw).not.toContain('María')
  })

  it('records the CSV import and both CSV exports (patient data leaving or arriving in bulk)', async () => {
    const { value, fresh, services, dataDir } = await setup()
    const patient = await value<Patient>('createPatient', patientInput({ firstName: 'Ana', lastName: 'Ruiz' }))
    await fresh()
    await value('exportProgramHistoryCsv', { id: patient.id })
    expect(await fresh()).toMatchObject([
      { action: 'exported', patientId: patient.id, initials: 'AR', detail: 'exportProgramHistoryCsv' },
    ])
    await value('exportRosterCsv', { columns: ['firstName', 'lastName'] })
    expect(await fresh()).toMatchObject([{ action: 'exported', detail: 'exportRosterCsv' }])

    const csv = join(dataDir, 'clinic.csv')
    await writeFile(csv, 'First name,Last name\nLuis,Gil\n')
    services.dialogs.answers.open.push(csv)
    const opened = await value<{ token: string; mapping: string[] }>('openCsvImport')
    await value('importCsv', { token: opened.token, mapping: opened.mapping })
    expect(await fresh()).toMatchObject([{ action: 'imported', detail: 'importCsv: 1 created, 0 updated' }])
  })

  it('refuses to work as someone who is not one of Settings’ therapists', async () => {
    const { call, value } = await setup()
    expect(await call('setWorkingAs', { name: 'Nobody' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'name' },
    })
    expect(await call('setWorkingAs', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(await value('getWorkingAs')).toEqual({ name: null })
  })

  it('refuses a log request that is not a page of it, before reading anything', async () => {
    const { call } = await setup()
    const bad: [unknown, string][] = [
      [{ page: 0, pageSize: 0 }, 'pageSize'],
      [{ page: -1, pageSize: 25 }, 'page'],
      [{ page: 0, pageSize: 25, patientId: '../../etc/passwd' }, 'patientId'],
      [{ page: 0, pageSize: 25, path: '/tmp/x' }, 'path'],
    ]
    for (const [arg, field] of bad)
      expect(await call('getAccessLog', arg)).toMatchObject({ ok: false, error: { code: 'invalid_argument', field } })
    expect(await call('exportAccessLog', { path: '/tmp/x' })).toMatchObject({ ok: false })
  })

  it('writes nothing from a window that has the folder read-only (two writers would break the chain)', async () => {
    const { dataDir, value, services } = await setup()
    const patient = await value<Patient>('createPatient', patientInput())
    await services.idle()
    const file = join(dataDir, ACCESS_LOG_FILE)
    const before = await readFile(file, 'utf8')
    const second = testServices(dataDir, { lock: { pid: process.pid + 1, isAlive: () => true } })
    const viewed = await dispatch(second.handlers, 'getPatient', { id: patient.id })
    expect(viewed.ok).toBe(true)
    await second.idle()
    expect(await readFile(file, 'utf8')).toBe(before)
    await second.close()
  })

  it('pages newest first and filters by patient', async () => {
    const { value } = await setup()
    const a = await value<Patient>('createPatient', patientInput({ chartNumber: 'A-1' }))
    const b = await value<Patient>(
      'createPatient',
      patientInput({ firstName: 'Tom', lastName: 'Lee', chartNumber: 'B-1' }),
    )
    for (let i = 0; i < 3; i++) await value('getPatient', { id: a.id })
    await value('getPatient', { id: b.id })
    const first = await value<AccessLogPage>('getAccessLog', { page: 0, pageSize: 2 })
    expect(first.total).toBe(6)
    expect(first.entries.map((e) => [e.action, e.initials])).toEqual([
      ['viewed', 'TL'],
      ['viewed', 'AŁ'],
    ])
    expect(first.patients).toEqual([
      { patientId: a.id, initials: 'AŁ' },
      { patientId: b.id, initials: 'TL' },
    ])
    const onlyB = await value<AccessLogPage>('getAccessLog', { page: 0, pageSize: 10, patientId: b.id })
    expect(onlyB.entries.map((e) => e.action)).toEqual(['viewed', 'created'])
    const last = await value<AccessLogPage>('getAccessLog', { page: 2, pageSize: 2 })
    expect(last.entries.map((e) => [e.action, e.initials])).toEqual([
      ['created', 'TL'],
      ['created', 'AŁ'],
    ])
  })

  it('exports the log as CSV through the save dialog', async () => {
    const { value, services } = await setup()
    await value<Patient>('createPatient', patientInput({ firstName: '=cmd', lastName: 'Lee' }))
    const saved = await value<{ saved: true; path: string }>('exportAccessLog')
    expect(services.dialogs.asked.at(-1)).toMatchObject({
      kind: 'save',
      defaultName: 'Homeplan_access-log_2026-12-07.csv',
    })
    const csv = await readFile(saved.path, 'utf8')
    expect(csv.split('\r\n')[0]).toBe('at,who,action,patientId,initials,detail')
    expect(csv).toContain(',this computer,created,')
    expect(csv).toContain(`'=L`)
  })

  it('does the user’s action when the log cannot be written (a full disk), and says so in a notice', async () => {
    const fs = new FaultyFs((operation, path) =>
      operation === 'write' && path.includes('access-log') ? 'ENOSPC' : undefined,
    )
    const { value, services } = await setup({ accessLogFs: fs })
    const patient = await value<Patient>('createPatient', patientInput())
    expect((await value<Patient>('getPatient', { id: patient.id })).id).toBe(patient.id)
    await services.idle()
    const notices = await value<Notice[]>('listNotices')
    expect(notices.map((n) => n.message)).toEqual([expect.stringContaining('access log could not be written (ENOSPC)')])
  })

  it('reports a log changed outside Homeplan at start, as a notice', async () => {
    const { dataDir, value, services } = await setup()
    const patient = await value<Patient>('createPatient', patientInput())
    await value('getPatient', { id: patient.id })
    await services.close()
    const file = join(dataDir, ACCESS_LOG_FILE)
    const lines = (await readFile(file, 'utf8')).split('\n')
    await writeFile(file, [lines[1], ''].join('\n'))
    const again = testServices(dataDir)
    again.prepare()
    await expect
      .poll(async () => {
        const r = await dispatch(again.handlers, 'listNotices', undefined)
        return r.ok ? (r.value as Notice[]).map((n) => n.message) : []
      })
      .toEqual([expect.stringContaining('was changed outside Homeplan: a line before line 1 was removed or moved')])
    await again.close()
  })
})
