import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ACCESS_LOG_FILE,
  ACCESS_LOG_HEAD_FILE,
  accessLogCsv,
  createAccessLog,
  GENESIS,
  verifyChain,
  type AccessLogOptions,
} from '../../electron/services/access-log'
import { nodeFs } from '../../electron/services/fs-port'
import { FaultyFs } from '../support/faulty-fs'

const clock = () => {
  let t = Date.parse('2026-12-07T09:00:00Z')
  return () => new Date((t += 1000))
}

async function setup(overrides: Partial<AccessLogOptions> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'hp-access-'))
  const reports: string[] = []
  const make = (more: Partial<AccessLogOptions> = {}) =>
    createAccessLog({ fs: nodeFs, dir, now: clock(), report: (m) => reports.push(m), ...overrides, ...more })
  return { dir, file: join(dir, ACCESS_LOG_FILE), reports, make }
}

/** Three entries written and the log closed. */
async function withThree() {
  const s = await setup()
  const log = s.make()
  await log.open()
  log.record({ who: null, action: 'viewed', patientId: 'patient-000001', initials: 'MG' })
  log.record({
    who: 'Dana Lee',
    action: 'changed',
    patientId: 'patient-000001',
    initials: 'MG',
    detail: 'updatePatient',
  })
  log.record({ who: 'Dana Lee', action: 'exported' })
  await log.close()
  const lines = (await readFile(s.file, 'utf8')).split('\n').slice(0, -1)
  return { ...s, lines }
}

/** Opens the log again (as the next start does) and says what it reported and appended. */
async function restart(s: Awaited<ReturnType<typeof setup>>) {
  const before = await readFile(s.file)
  const log = s.make()
  await log.open()
  await log.close()
  const after = await readFile(s.file)
  return { before, after, appended: after.subarray(before.length).toString('utf8') }
}

describe('access log chain', () => {
  it('appends one owner-only line per entry, each chained to the one before, and reads them back in order', async () => {
    const { file, lines, make, reports } = await withThree()
    expect(lines).toHaveLength(3)
    const parsed = lines.map((l) => JSON.parse(l) as { prev: string; hash: string; who: string | null })
    expect(parsed[0]!.prev).toBe(GENESIS)
    expect(parsed[1]!.prev).toBe(parsed[0]!.hash)
    expect(parsed[2]!.prev).toBe(parsed[1]!.hash)
    expect(parsed[0]).toMatchObject({ at: '2026-12-07T09:00:01.000Z', who: null, action: 'viewed', initials: 'MG' })
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600)
    const entries = await make().read()
    expect(entries.map((e) => e.action)).toEqual(['viewed', 'changed', 'exported'])
    expect(entries[1]).toEqual({
      at: '2026-12-07T09:00:02.000Z',
      who: 'Dana Lee',
      action: 'changed',
      patientId: 'patient-000001',
      initials: 'MG',
      detail: 'updatePatient',
    })
    expect(verifyChain(await readFile(file)).problems).toEqual([])
    expect(reports).toEqual([])
  })

  it('finds nothing to report in an intact log at the next start, and goes on from its last line', async () => {
    const s = await withThree()
    const { appended } = await restart(s)
    expect(appended).toBe('')
    expect(s.reports).toEqual([])
    const log = s.make()
    log.record({ who: null, action: 'printed' })
    await log.close()
    expect(verifyChain(await readFile(s.file)).problems).toEqual([])
    expect((await log.read()).length).toBe(4)
  })

  it.each([
    [
      'an edited line',
      (lines: string[]) => [lines[0], lines[1]!.replace('"Dana Lee"', '"Someone Else"'), lines[2]],
      'line 2 was changed',
    ],
    ['a deleted line', (lines: string[]) => [lines[0], lines[2]], 'a line before line 2 was removed or moved'],
    ['a deleted first line', (lines: string[]) => [lines[1], lines[2]], 'a line before line 1 was removed or moved'],
    [
      'reordered lines',
      (lines: string[]) => [lines[0], lines[2], lines[1]],
      'a line before line 2 was removed or moved',
    ],
  ])('detects %s, reports it once, and never rewrites what is there', async (_what, tamper, expected) => {
    const s = await withThree()
    await writeFile(s.file, `${tamper(s.lines).join('\n')}\n`)
    const { before, after, appended } = await restart(s)
    expect(s.reports).toHaveLength(1)
    expect(s.reports[0]).toContain(expected)
    expect(after.subarray(0, before.length).equals(before)).toBe(true)
    expect(JSON.parse(appended)).toMatchObject({
      action: 'chainBroken',
      who: null,
      detail: expect.stringContaining(expected),
    })
    // The next start finds the same damage already recorded: nothing more is reported or appended.
    const again = await restart(s)
    expect(again.appended).toBe('')
    expect(s.reports).toHaveLength(1)
    // New entries continue after the marker and are chained to it.
    const log = s.make()
    log.record({ who: null, action: 'viewed' })
    await log.close()
    const lines = (await readFile(s.file, 'utf8')).split('\n').slice(0, -1)
    expect(JSON.parse(lines.at(-1)!).prev).toBe(JSON.parse(lines.at(-2)!).hash)
  })

  it('detects a line edited with its hash recomputed, by the next line', async () => {
    const s = await withThree()
    const { createHash } = await import('node:crypto')
    const body = JSON.parse(s.lines[1]!) as Record<string, unknown>
    delete body['hash']
    body['who'] = 'Someone Else'
    const text = JSON.stringify(body)
    const forged = `${text.slice(0, -1)},"hash":"${createHash('sha256').update(text).digest('hex')}"}`
    await writeFile(s.file, `${[s.lines[0], forged, s.lines[2]].join('\n')}\n`)
    await restart(s)
    expect(s.reports[0]).toContain('a line before line 3 was removed or moved')
  })

  it('detects a cut-off last line, ends it without touching it, and chains the marker after it', async () => {
    const s = await withThree()
    const whole = await readFile(s.file)
    await writeFile(s.file, whole.subarray(0, whole.length - 20))
    const { before, after, appended } = await restart(s)
    expect(s.reports[0]).toContain('the last line (3) was cut off')
    expect(after.subarray(0, before.length).equals(before)).toBe(true)
    expect(appended.startsWith('\n{')).toBe(true)
    expect(JSON.parse(appended.slice(1))).toMatchObject({ action: 'chainBroken' })
    const again = await restart(s)
    expect(again.appended).toBe('')
    expect(s.reports).toHaveLength(1)
  })

  it.each([
    [
      'its last line deleted',
      (lines: string[]) => lines.slice(0, -1),
      'its last 1 line(s) were removed (it had 5, it has 4)',
    ],
    [
      'its last 3 lines deleted',
      (lines: string[]) => lines.slice(0, -3),
      'its last 3 line(s) were removed (it had 5, it has 2)',
    ],
    ['the file emptied', () => [], 'the log was emptied (it had 5 lines)'],
    [
      'its last line replaced by an older one',
      (lines: string[]) => [...lines.slice(0, -1), lines[1]!],
      'a line before line 5 was removed or moved',
    ],
  ])('detects %s by the head kept outside the log, once, never rewriting the log', async (_what, tamper, expected) => {
    const s = await withThree()
    const log = s.make()
    log.record({ who: null, action: 'printed' })
    log.record({ who: null, action: 'viewed' })
    await log.close()
    const lines = (await readFile(s.file, 'utf8')).split('\n').slice(0, -1)
    expect(lines).toHaveLength(5)
    const kept = tamper(lines)
    await writeFile(s.file, kept.length ? `${kept.join('\n')}\n` : '')
    const { before, after, appended } = await restart(s)
    expect(s.reports).toHaveLength(1)
    expect(s.reports[0]).toContain(expected)
    expect(after.subarray(0, before.length).equals(before)).toBe(true)
    expect(JSON.parse(appended)).toMatchObject({ action: 'chainBroken', detail: expect.stringContaining(expected) })
    // Recorded: the next start reports nothing more.
    expect((await restart(s)).appended).toBe('')
    expect(s.reports).toHaveLength(1)
  })

  it('keeps the head beside the log after each entry; a log from before the head was kept gets one at start', async () => {
    const s = await withThree()
    const head = () => readFile(join(s.dir, ACCESS_LOG_HEAD_FILE), 'utf8').then((t) => JSON.parse(t) as unknown)
    expect(await head()).toEqual({ hash: JSON.parse(s.lines[2]!).hash, lines: 3 })
    if (process.platform !== 'win32') expect((await stat(join(s.dir, ACCESS_LOG_HEAD_FILE))).mode & 0o777).toBe(0o600)
    await rm(join(s.dir, ACCESS_LOG_HEAD_FILE))
    expect((await restart(s)).appended).toBe('')
    expect(await head()).toEqual({ hash: JSON.parse(s.lines[2]!).hash, lines: 3 })
    // A crash between an append and the head's write leaves the head one line behind: not a break.
    await writeFile(join(s.dir, ACCESS_LOG_HEAD_FILE), JSON.stringify({ hash: JSON.parse(s.lines[1]!).hash, lines: 2 }))
    expect((await restart(s)).appended).toBe('')
    expect(s.reports).toEqual([])
    expect(await head()).toEqual({ hash: JSON.parse(s.lines[2]!).hash, lines: 3 })
  })

  it('reports new damage even where older damage was already recorded', async () => {
    const s = await withThree()
    await writeFile(s.file, `${[s.lines[0], s.lines[1], s.lines[2]!.replace('exported', 'printed')].join('\n')}\n`)
    await restart(s)
    expect(s.reports).toHaveLength(1)
    expect(s.reports[0]).toContain('line 3 was changed')
    const edited = (await readFile(s.file, 'utf8')).replace('"viewed"', '"printed"')
    await writeFile(s.file, edited)
    await restart(s)
    expect(s.reports).toHaveLength(2)
    expect(s.reports[1]).toContain('line 1 was changed')
    expect(s.reports[1]).not.toContain('line 3')
  })

  it('never fails the user’s action on a full disk or an I/O error: the entry is reported, the file cut back', async () => {
    for (const fault of ['ENOSPC', 'EIO'] as const) {
      const s = await setup()
      let failing = false
      const fs = new FaultyFs((operation) =>
        failing && (operation === 'write' || operation === 'datasync') ? fault : undefined,
      )
      const log = s.make({ fs })
      await log.open()
      log.record({ who: null, action: 'viewed', patientId: 'patient-000001', initials: 'MG' })
      await log.idle()
      failing = true
      expect(() =>
        log.record({ who: null, action: 'deleted', patientId: 'patient-000001', initials: 'MG' }),
      ).not.toThrow()
      log.record({ who: null, action: 'exported' })
      await log.idle()
      expect(s.reports).toHaveLength(1)
      expect(s.reports[0]).toContain(`could not be written (${fault})`)
      expect(s.reports[0]).toContain('deleted')
      failing = false
      log.record({ who: null, action: 'printed' })
      await log.close()
      const chain = verifyChain(await readFile(s.file))
      expect(chain.problems).toEqual([])
      expect(chain.entries.map((e) => e.action)).toEqual(['viewed', 'printed'])
    }
  })

  it('starts the next entry on a line of its own when a failed write could not be cut back, and the next start reports it', async () => {
    const s = await setup()
    // The line reaches the file but the disk fails its flush, and the file cannot be cut back.
    let failing = false
    const fs = new FaultyFs((operation) =>
      failing && (operation === 'datasync' || operation === 'ftruncate') ? 'EIO' : undefined,
    )
    const log = s.make({ fs })
    log.record({ who: null, action: 'viewed' })
    await log.idle()
    failing = true
    log.record({ who: null, action: 'deleted' })
    await log.idle()
    failing = false
    log.record({ who: null, action: 'printed' })
    await log.close()
    expect(s.reports).toHaveLength(1)
    const lines = (await readFile(s.file, 'utf8')).split('\n')
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({ action: 'printed' })
    const { appended } = await restart(s)
    expect(s.reports).toHaveLength(2)
    expect(s.reports[1]).toContain('line 3 was changed; a line before line 4 was removed or moved')
    expect(JSON.parse(appended)).toMatchObject({ action: 'chainBroken' })
  })

  it('reports damage once per run even when the line recording it cannot be written', async () => {
    const s = await withThree()
    await writeFile(s.file, `${[s.lines[0], s.lines[2]].join('\n')}\n`)
    const fs = new FaultyFs((operation) => (operation === 'write' ? 'ENOSPC' : undefined))
    const log = s.make({ fs })
    await expect(log.open()).rejects.toMatchObject({ code: 'ENOSPC' })
    log.record({ who: null, action: 'viewed' })
    log.record({ who: null, action: 'viewed' })
    await log.close()
    expect(s.reports.filter((r) => r.includes('changed outside Homeplan'))).toHaveLength(1)
    expect(s.reports.filter((r) => r.includes('could not be written'))).toHaveLength(1)
  })
  it('writes CSV a spreadsheet reads as data: quoted where needed, formulas defused, "this computer" for nobody chosen', () => {
    const csv = accessLogCsv([
      { at: '2026-12-07T09:00:00.000Z', who: null, action: 'viewed', patientId: 'patient-000001', initials: 'MG' },
      { at: '2026-12-07T09:01:00.000Z', who: 'Lee, "Sam"', action: 'imported', detail: '=HYPERLINK("x")' },
      { at: '2026-12-07T09:02:00.000Z', who: '@risk', action: 'chainBroken', detail: 'line 2\nwas changed' },
    ])
    expect(csv.split('\r\n')).toEqual([
      'at,who,action,patientId,initials,detail',
      '2026-12-07T09:00:00.000Z,this computer,viewed,patient-000001,MG,',
      `2026-12-07T09:01:00.000Z,"Lee, ""Sam""",imported,,,"'=HYPERLINK(""x"")"`,
      `2026-12-07T09:02:00.000Z,'@risk,chainBroken,,,"line 2\nwas changed"`,
      '',
    ])
  })
})
