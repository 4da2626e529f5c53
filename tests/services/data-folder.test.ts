import { mkdtemp, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeDataFolder } from '../../electron/services/data-folder'

describe('describeDataFolder', () => {
  it('leaves out a file that goes between listing and reading its size, instead of failing the whole page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-folder-'))
    await writeFile(join(dir, 'roster.json'), '{}')
    await writeFile(join(dir, 'settings.json'), '{')
    // settings.json is set aside as damaged while the folder is being described.
    const racing = async (file: string) => {
      if (file.endsWith('settings.json')) throw Object.assign(new Error('ENOENT: gone'), { code: 'ENOENT' })
      return stat(file)
    }
    const info = await describeDataFolder(dir, 'flag', racing)
    expect(info.files.map((f) => f.name)).toEqual(['roster.json'])
  })

  it('still reports other errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-folder-'))
    await writeFile(join(dir, 'roster.json'), '{}')
    const failing = async () => {
      throw Object.assign(new Error('EIO: disk error'), { code: 'EIO' })
    }
    await expect(describeDataFolder(dir, 'flag', failing)).rejects.toThrow(/EIO/)
  })
})
