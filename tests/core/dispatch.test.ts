import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { contract, methods, type Handlers } from '../../src/core/contract'
import { dispatch, MAX_ARGUMENT_BYTES } from '../../src/core/dispatch'
import { AppFailure } from '../../src/core/result'
import { defaultSettings } from '../../src/core/settings'

/** Only the settings handlers are exercised here; the rest of the map is irrelevant to dispatch. */
function fakeHandlers(): Handlers {
  const handlers: Partial<Handlers> = {
    getAppInfo: vi.fn(() => ({
      name: 'Homeplan',
      version: '1',
      platform: 'linux',
      versions: { electron: null, chrome: null, node: '20' },
    })),
    getSettings: vi.fn(() => defaultSettings),
    updateSettings: vi.fn((patch) => ({ ...defaultSettings, ...patch })),
    getDataFolder: vi.fn(() => ({ path: '/d', source: 'default' as const, files: [] })),
  }
  return handlers as Handlers
}

describe('dispatch', () => {
  it('passes a valid argument to the handler and wraps the value', async () => {
    const handlers = fakeHandlers()
    const result = await dispatch(handlers, 'updateSettings', { paperSize: 'a4' })
    expect(result).toEqual({ ok: true, value: { ...defaultSettings, paperSize: 'a4' } })
    expect(handlers.updateSettings).toHaveBeenCalledWith({ paperSize: 'a4' })
  })

  it('refuses a wrong value with a typed error naming the field, and never calls the handler', async () => {
    const handlers = fakeHandlers()
    const result = await dispatch(handlers, 'updateSettings', { paperSize: 'tabloid' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'paperSize' } })
    expect(handlers.updateSettings).not.toHaveBeenCalled()
  })

  it('refuses an extra field, naming it', async () => {
    const handlers = fakeHandlers()
    const result = await dispatch(handlers, 'updateSettings', { paperSize: 'a4', admin: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'admin' } })
    expect(handlers.updateSettings).not.toHaveBeenCalled()
  })

  it('refuses a missing argument where one is required and an argument where none is taken', async () => {
    const handlers = fakeHandlers()
    expect(await dispatch(handlers, 'updateSettings', undefined)).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    })
    expect(await dispatch(handlers, 'getSettings', { sneaky: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    })
    expect(handlers.getSettings).not.toHaveBeenCalled()
  })

  it('refuses an oversized argument before parsing it', async () => {
    const handlers = fakeHandlers()
    const huge = { paperSize: 'a'.repeat(MAX_ARGUMENT_BYTES + 10) }
    const result = await dispatch(handlers, 'updateSettings', huge)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining('larger') },
    })
    expect(handlers.updateSettings).not.toHaveBeenCalled()
  })

  it('answers unknown or inherited names as unknown channels', async () => {
    for (const name of ['deleteEverything', 'toString', '__proto__', 'constructor']) {
      expect(await dispatch(fakeHandlers(), name, undefined)).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      })
    }
  })

  it('passes an AppFailure through with its code and field, and hides other throws behind "internal"', async () => {
    const handlers = fakeHandlers()
    handlers.getSettings = () => {
      throw new AppFailure('not_found', 'No such patient.', 'id')
    }
    expect(await dispatch(handlers, 'getSettings', undefined)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such patient.', field: 'id' },
    })
    const log = vi.fn()
    handlers.getAppInfo = () => {
      throw new TypeError('boom')
    }
    const result = await dispatch(handlers, 'getAppInfo', undefined, log)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('boom') } })
    expect(log).toHaveBeenCalledOnce()
  })

  it('turns a schema error that escapes a handler into a plain sentence, never zod’s JSON', async () => {
    const handlers = fakeHandlers()
    handlers.getSettings = () =>
      z.strictObject({ programs: z.array(z.number()).max(500) }).parse({ programs: Array(501).fill(1) }) as never
    const log = vi.fn()
    const result = await dispatch(handlers, 'getSettings', undefined, log)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        field: 'programs',
        message:
          'Homeplan could not complete this action because some data is not valid: programs: This can hold at most 500 entries.',
      },
    })
    expect(log).toHaveBeenCalledOnce()
  })

  it('has a schema for every method', () => {
    for (const method of methods) expect(typeof contract[method].input.safeParse).toBe('function')
  })
})
