/**
 * Issue 17, item 5c: files set aside as unreadable are listed once older than the backup window (30 days), by name,
 * size and date only, and removed when asked; nothing newer, and nothing that is not a set-aside file, can be removed.
 */
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Method, SetAsideFile } from '../../src/core/contract'
import { dispatch } from '../../src/core/dispatch'
import type { Result } from '../../src/core/result'
import { testServices } from '../support/services'

const now = new Date('2026-12-07T12:00:00.000Z')

async function setup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-aside-'))
  const files = {
    'library.json.damaged-2026-10-01T09-00-00-000Z': '{"exercises": [{"name": "Maria Garcia',
    'roster.json.quarantined-2026-10-20T09-00-00-000Z-2': 'x'.repeat(10),
    'roster.journal.000000000001.jsonl.quarantined-2026-11-20T09-00-00-000Z': 'recent',
    'settings.json': '{}',
    'notes.damaged-someday': 'not one of ours',
  }
  for (const [name, text] of Object.entries(files)) await writeFile(join(dataDir, name), text)
  const services = testServices(dataDir, { now: () => now })
  const call = <T>(method: Method, arg?: unknown) => dispatch(services.handlers, method, arg) as Promise<Result<T>>
  return { dataDir, services, call }
}

describe('old set-aside files', () => {
  it('are listed by name, size and date once older than 30 days, oldest first', async () => {
    const { call } = await setup()
    expect(await call<SetAsideFile[]>('listOldSetAside')).toEqual({
      ok: true,
      value: [
        { name: 'library.json.damaged-2026-10-01T09-00-00-000Z', bytes: 37, setAsideAt: '2026-10-01T09:00:00.000Z' },
        {
          name: 'roster.json.quarantined-2026-10-20T09-00-00-000Z-2',
          bytes: 10,
          setAsideAt: '2026-10-20T09:00:00.000Z',
        },
      ],
    })
  })

  it('are removed when asked; a newer one or any other file named is refused and stays', async () => {
    const { call, dataDir } = await setup()
    const result = await call('removeOldSetAside', {
      names: [
        'library.json.damaged-2026-10-01T09-00-00-000Z',
        'roster.journal.000000000001.jsonl.quarantined-2026-11-20T09-00-00-000Z',
        'settings.json',
        '../elsewhere.damaged-2026-01-01T00-00-00-000Z',
      ],
    })
    expect(result).toEqual({
      ok: true,
      value: {
        removed: ['library.json.damaged-2026-10-01T09-00-00-000Z'],
        failed: [
          'roster.journal.000000000001.jsonl.quarantined-2026-11-20T09-00-00-000Z',
          'settings.json',
          '../elsewhere.damaged-2026-01-01T00-00-00-000Z',
        ],
      },
    })
    const left = await readdir(dataDir)
    expect(left).not.toContain('library.json.damaged-2026-10-01T09-00-00-000Z')
    for (const kept of [
      'roster.json.quarantined-2026-10-20T09-00-00-000Z-2',
      'roster.journal.000000000001.jsonl.quarantined-2026-11-20T09-00-00-000Z',
      'settings.json',
      'notes.damaged-someday',
    ])
      expect(left).toContain(kept)
  })

  it('refuses a call without names', async () => {
    const { call } = await setup()
    expect(await call('removeOldSetAside', { names: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    })
  })

  it('are found in Homeplan’s own subfolders too, at any depth, and removed there; a folder of the user’s or a link is not looked into', async () => {
    const { call, dataDir } = await setup()
    const old = '2026-09-01T09-00-00-000Z'
    const nested = {
      [`backups/roster-2026-08-30.json.quarantined-${old}`]: 'backup',
      [`media/logo.json.damaged-${old}`]: 'media',
      [`handouts/patient-000001/handout-1.json.damaged-${old}`]: 'copy',
      [`exports/roster.json.damaged-${old}`]: 'the user’s own folder',
    }
    for (const [name, text] of Object.entries(nested)) {
      await mkdir(join(dataDir, name, '..'), { recursive: true })
      await writeFile(join(dataDir, name), text)
    }
    if (process.platform !== 'win32') await symlink(join(dataDir, 'exports'), join(dataDir, 'media', 'linked'))
    const listed = await call<SetAsideFile[]>('listOldSetAside')
    const names = listed.ok ? listed.value.map((f) => f.name) : []
    expect(names).toEqual([
      `backups/roster-2026-08-30.json.quarantined-${old}`,
      `handouts/patient-000001/handout-1.json.damaged-${old}`,
      `media/logo.json.damaged-${old}`,
      'library.json.damaged-2026-10-01T09-00-00-000Z',
      'roster.json.quarantined-2026-10-20T09-00-00-000Z-2',
    ])
    expect(listed.ok && listed.value[0]).toMatchObject({ bytes: 6, setAsideAt: '2026-09-01T09:00:00.000Z' })

    const removed = await call('removeOldSetAside', {
      names: [`backups/roster-2026-08-30.json.quarantined-${old}`, `exports/roster.json.damaged-${old}`],
    })
    expect(removed).toEqual({
      ok: true,
      value: {
        removed: [`backups/roster-2026-08-30.json.quarantined-${old}`],
        failed: [`exports/roster.json.damaged-${old}`],
      },
    })
    expect(await readdir(join(dataDir, 'backups'))).toEqual([])
    expect(await readdir(join(dataDir, 'exports'))).toEqual([`roster.json.damaged-${old}`])
  })
})
