import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Notice } from '../../src/core/contract'
import { dispatch } from '../../src/core/dispatch'
import { testServices } from '../support/services'

describe('notices', () => {
  it('tells the user, through the window’s calls, that a damaged library.json and settings.json were kept aside', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hp-notices-'))
    await writeFile(join(dataDir, 'library.json'), '{"schemaVersion": 1, "custom": [')
    await writeFile(join(dataDir, 'settings.json'), '{"clinic": ')
    const { handlers, close } = testServices(dataDir, { now: () => new Date('2026-12-02T08:00:00Z') })
    try {
      const [library, settings] = await Promise.all([
        dispatch(handlers, 'getLibrary', undefined),
        dispatch(handlers, 'getSettings', undefined),
      ])
      expect(library.ok && settings.ok).toBe(true)
      expect((await readdir(dataDir)).filter((n) => n.includes('.damaged-')).sort()).toEqual([
        'library.json.damaged-2026-12-02T08-00-00-000Z',
        'settings.json.damaged-2026-12-02T08-00-00-000Z',
      ])
      expect(await readFile(join(dataDir, 'library.json.damaged-2026-12-02T08-00-00-000Z'), 'utf8')).toBe(
        '{"schemaVersion": 1, "custom": [',
      )
      const listed = await dispatch(handlers, 'listNotices', undefined)
      if (!listed.ok) throw new Error(listed.error.message)
      const notices = listed.value as Notice[]
      expect(notices).toHaveLength(2)
      const libraryNotice = notices.find((n) => n.message.startsWith('library.json'))!
      expect(libraryNotice).toEqual({
        id: expect.any(String),
        at: '2026-12-02T08:00:00.000Z',
        message: expect.stringContaining(
          `your own exercises, templates, favourites, default dosages and video links are not in it until that file is recovered. The unreadable file was kept unchanged as library.json.damaged-2026-12-02T08-00-00-000Z in ${dataDir}`,
        ),
      })
      const left = await dispatch(handlers, 'dismissNotice', { id: libraryNotice.id })
      expect(left.ok && (left.value as Notice[]).map((n) => n.message.slice(0, 13))).toEqual(['settings.json'])
      const again = await dispatch(handlers, 'listNotices', undefined)
      expect(again.ok && again.value).toHaveLength(1)
    } finally {
      await close()
    }
  })

  it('refuses a dismiss without an id', async () => {
    const { handlers, close } = testServices(await mkdtemp(join(tmpdir(), 'hp-notices-')))
    try {
      expect(await dispatch(handlers, 'dismissNotice', {})).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', field: 'id' },
      })
    } finally {
      await close()
    }
  })
})
