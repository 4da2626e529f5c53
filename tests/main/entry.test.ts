import { describe, expect, it } from 'vitest'
import { launch } from '../../electron/main/entry'

describe('the main entry', () => {
  it('sets NODE_ENV=production in the built app before the app (and so React) is loaded', async () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development' }
    const seen: (string | undefined)[] = []
    await launch(env, true, async () => {
      seen.push(env['NODE_ENV'])
      return { startApp: () => void seen.push('started') }
    })
    expect(seen).toEqual(['production', 'started'])
  })

  it('leaves NODE_ENV alone outside the build (dev, tests)', async () => {
    const env: NodeJS.ProcessEnv = {}
    let started = false
    await launch(env, false, async () => ({ startApp: () => void (started = true) }))
    expect(env['NODE_ENV']).toBeUndefined()
    expect(started).toBe(true)
  })
})
