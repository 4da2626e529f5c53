import { describe, expect, it } from 'vitest'
import { resolveDataDir } from '../../electron/main/data-dir'

describe('resolveDataDir', () => {
  const base = '/home/pt/.config/Homeplan'
  it('uses userData by default', () => {
    expect(resolveDataDir(['electron', '.'], {}, base, '/cwd')).toEqual({ path: base, source: 'default' })
  })
  it('takes --data-dir in both spellings, relative to the working folder', () => {
    expect(resolveDataDir(['x', '--data-dir', 'dev-data'], {}, base, '/cwd')).toEqual({
      path: '/cwd/dev-data',
      source: 'flag',
    })
    expect(resolveDataDir(['x', '--data-dir=/srv/hp'], {}, base, '/cwd')).toEqual({ path: '/srv/hp', source: 'flag' })
  })
  it('takes HOMEPLAN_DATA_DIR, but the flag wins', () => {
    expect(resolveDataDir([], { HOMEPLAN_DATA_DIR: '/e' }, base, '/cwd')).toEqual({ path: '/e', source: 'env' })
    expect(resolveDataDir(['--data-dir=/f'], { HOMEPLAN_DATA_DIR: '/e' }, base, '/cwd')).toMatchObject({ path: '/f' })
  })
  it('ignores an empty flag or variable instead of writing to the working folder', () => {
    expect(resolveDataDir(['--data-dir', '--inspect'], { HOMEPLAN_DATA_DIR: '  ' }, base, '/cwd')).toEqual({
      path: base,
      source: 'default',
    })
    expect(resolveDataDir(['--data-dir='], {}, base, '/cwd')).toEqual({ path: base, source: 'default' })
  })
})
