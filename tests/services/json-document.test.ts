import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { JsonDocument } from '../../electron/services/json-document'

const schema = z.strictObject({ items: z.array(z.string()) })
const tempDir = () => mkdtemp(join(tmpdir(), 'hp-jsondoc-'))
const open = (file: string, notify = vi.fn(), now = () => new Date('2026-12-01T09:30:00Z')) =>
  new JsonDocument({ file, schema, empty: () => ({ items: [] }), consequence: 'the list starts empty', notify, now })

describe('JsonDocument', () => {
  it('keeps a damaged file’s bytes as a copy, tells the user what and where, and then works', async () => {
    const dir = await tempDir()
    const file = join(dir, 'list.json')
    const damaged = Buffer.from([0x7b, 0x22, 0x69, 0x74, 0x65, 0x6d, 0x73, 0x22, 0x3a, 0x5b, 0xff, 0xfe])
    await writeFile(file, damaged)
    const notify = vi.fn()
    const doc = open(file, notify)
    expect(await doc.read()).toEqual({ items: [] })
    const copy = 'list.json.damaged-2026-12-01T09-30-00-000Z'
    expect(await readdir(dir)).toEqual([copy])
    expect(await readFile(join(dir, copy))).toEqual(damaged)
    expect(notify).toHaveBeenCalledExactlyOnceWith(
      `list.json could not be read, so the list starts empty. The unreadable file was kept unchanged as ${copy} in ${dir}; keep it if you want to recover what it held.`,
    )
    await doc.update((d) => void d.items.push('a'))
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ items: ['a'] })
    expect(await readFile(join(dir, copy))).toEqual(damaged)
  })

  it('shares the first read between concurrent callers: one copy, one notice, no rename race', async () => {
    const dir = await tempDir()
    const file = join(dir, 'list.json')
    await writeFile(file, '{"items": [1, 2]}')
    const notify = vi.fn()
    const doc = open(file, notify)
    const [a, b, c] = await Promise.all([doc.read(), doc.read(), doc.update((d) => d.items.push('x'))])
    expect(a).toEqual({ items: [] })
    expect(b).toEqual({ items: [] })
    expect(c).toBe(1)
    expect((await readdir(dir)).sort()).toEqual(['list.json', 'list.json.damaged-2026-12-01T09-30-00-000Z'])
    expect(notify).toHaveBeenCalledOnce()
  })

  it('never writes over an earlier copy with the same time', async () => {
    const dir = await tempDir()
    const file = join(dir, 'list.json')
    await writeFile(file, 'first')
    await open(file).read()
    await writeFile(file, 'second')
    await open(file).read()
    expect((await readdir(dir)).sort()).toEqual([
      'list.json.damaged-2026-12-01T09-30-00-000Z',
      'list.json.damaged-2026-12-01T09-30-00-000Z-2',
    ])
    expect(await readFile(join(dir, 'list.json.damaged-2026-12-01T09-30-00-000Z'), 'utf8')).toBe('first')
    expect(await readFile(join(dir, 'list.json.damaged-2026-12-01T09-30-00-000Z-2'), 'utf8')).toBe('second')
  })

  it('changes nothing, does not start empty, and says why when no copy can be made', async () => {
    const dir = await tempDir()
    // A name so long that "<name>.damaged-<time>" is longer than the file system allows.
    const file = join(dir, `${'l'.repeat(240)}.json`)
    await writeFile(file, 'not json')
    const notify = vi.fn()
    const doc = open(file, notify)
    await expect(doc.read()).rejects.toThrow(
      /could not be read, and a copy of it could not be kept \(ENAMETOOLONG\), so it was left exactly as it is/,
    )
    await expect(doc.update((d) => d.items.push('x'))).rejects.toThrow(/left exactly as it is/)
    expect(notify).not.toHaveBeenCalled()
    expect(await readdir(dir)).toEqual([`${'l'.repeat(240)}.json`])
    expect(await readFile(file, 'utf8')).toBe('not json')
  })

  it('starts empty without a notice or a copy when the file does not exist yet', async () => {
    const dir = await tempDir()
    const notify = vi.fn()
    expect(await open(join(dir, 'list.json'), notify).read()).toEqual({ items: [] })
    expect(await readdir(dir)).toEqual([])
    expect(notify).not.toHaveBeenCalled()
  })
})
