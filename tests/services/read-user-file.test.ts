import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readUserFile } from '../../electron/services/read-user-file'
import { formatBytes } from '../../src/core/bytes'

const tempDir = () => mkdtemp(join(tmpdir(), 'hp-userfile-'))
const limits = { maxBytes: 1024, what: 'photo.png' }

describe('readUserFile', () => {
  it('reads an ordinary file', async () => {
    const file = join(await tempDir(), 'photo.png')
    await writeFile(file, 'abc')
    expect((await readUserFile(file, limits)).toString()).toBe('abc')
  })

  it('refuses a FIFO at once instead of waiting for a writer forever', async () => {
    const fifo = join(await tempDir(), 'photo.png')
    execFileSync('mkfifo', [fifo])
    await expect(readUserFile(fifo, limits)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'photo.png is not an ordinary file (it may be a device or a pipe).',
    })
  })

  it('refuses /dev/zero without reading from it', async () => {
    await expect(readUserFile('/dev/zero', { ...limits, what: 'zero' })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'zero is not an ordinary file (it may be a device or a pipe).',
    })
  })

  it('refuses a folder with a plain message, not EISDIR', async () => {
    const dir = join(await tempDir(), 'photo.png')
    await mkdir(dir)
    await expect(readUserFile(dir, limits)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'photo.png is a folder, not a file.',
    })
  })

  it('refuses a file over the limit', async () => {
    const file = join(await tempDir(), 'photo.png')
    await writeFile(file, Buffer.alloc(1025))
    await expect(readUserFile(file, limits)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'photo.png is larger than 1.0 KB.',
    })
  })

  it('names a limit in megabytes as the rest of the app writes sizes, refusing before reading', async () => {
    const file = join(await tempDir(), 'roster.json')
    // Sparse: 20 MB and a byte, none of it written.
    await writeFile(file, '')
    await truncate(file, 20 * 1024 * 1024 + 1)
    await expect(readUserFile(file, { maxBytes: 20 * 1024 * 1024, what: 'roster.json' })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: `roster.json is larger than ${formatBytes(20 * 1024 * 1024)}.`,
    })
    expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MB')
  })

  it('follows a link by default, and refuses one with noFollow', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'real.png'), 'abc')
    await symlink(join(dir, 'real.png'), join(dir, 'photo.png'))
    expect((await readUserFile(join(dir, 'photo.png'), limits)).toString()).toBe('abc')
    await expect(readUserFile(join(dir, 'photo.png'), { ...limits, noFollow: true })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'photo.png is a link to another file, not a file Homeplan stored.',
    })
  })
})
