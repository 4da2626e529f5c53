import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { rename as realRename } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { tempNameFor, writeFileAtomic } from '../../electron/services/atomic-write'
import { AppFailure } from '../../src/core/result'

const errno = (code: string) => Object.assign(new Error(code), { code })
const noSleep = async () => {}

async function folderWithFile() {
  const dir = await mkdtemp(join(tmpdir(), 'hp-aw-'))
  const file = join(dir, 'roster.json')
  await writeFile(file, 'old')
  return { dir, file }
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const { dir, file } = await folderWithFile()
    await writeFileAtomic(file, 'new')
    expect(await readFile(file, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['roster.json'])
  })

  it('uses a unique temp name in the same folder for every write', () => {
    const a = tempNameFor('/data/roster.json')
    expect(a).toMatch(/^\/data\/\.roster\.json\.\d+\.[0-9a-f]{12}\.tmp$/)
    expect(tempNameFor('/data/roster.json')).not.toBe(a)
  })

  it('retries a briefly locked target (antivirus, sync tools) until it frees up', async () => {
    const { file } = await folderWithFile()
    const rename = vi.fn(async (from: string, to: string) => {
      if (rename.mock.calls.length <= 3) throw errno(['EBUSY', 'EPERM', 'EACCES'][rename.mock.calls.length - 1]!)
      await realRename(from, to)
    })
    await writeFileAtomic(file, 'new', { rename, sleep: noSleep })
    expect(rename).toHaveBeenCalledTimes(4)
    expect(await readFile(file, 'utf8')).toBe('new')
  })

  it('gives up after the retry window with a clear error, the old file intact and no temp left', async () => {
    const { dir, file } = await folderWithFile()
    let slept = 0
    const sleep = async (ms: number) => void (slept += ms)
    const rename = vi.fn(async () => {
      throw errno('EPERM')
    })
    const attempt = writeFileAtomic(file, 'new', { rename, sleep, retryForMs: 10_000 })
    await expect(attempt).rejects.toBeInstanceOf(AppFailure)
    await expect(attempt).rejects.toMatchObject({
      code: 'io_error',
      message: expect.stringMatching(/roster\.json \(EPERM\).*unchanged/),
    })
    expect(slept).toBeGreaterThanOrEqual(10_000)
    expect(slept).toBeLessThan(12_000)
    expect(await readFile(file, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['roster.json'])
  })

  it('does not retry errors that waiting cannot fix', async () => {
    const { file } = await folderWithFile()
    const rename = vi.fn(async () => {
      throw errno('ENOSPC')
    })
    await expect(writeFileAtomic(file, 'new', { rename, sleep: noSleep })).rejects.toMatchObject({ code: 'io_error' })
    expect(rename).toHaveBeenCalledOnce()
  })
})
