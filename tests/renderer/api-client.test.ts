import { describe, expect, it, vi } from 'vitest'
import { createApiClient } from '../../src/app/api-client'
import { methods } from '../../src/core/contract'
import { fakeApi } from './fake-api'

describe('createApiClient', () => {
  it('reports each failure once and still returns the Result to the caller', async () => {
    const onError = vi.fn()
    const error = { code: 'invalid_argument' as const, message: 'paperSize: Invalid option', field: 'paperSize' }
    const client = createApiClient(fakeApi({ updateSettings: async () => ({ ok: false, error }) }), onError)
    expect(await client.updateSettings({ paperSize: 'a4' })).toEqual({ ok: false, error })
    expect(onError).toHaveBeenCalledExactlyOnceWith(error, 'updateSettings')
  })

  it('passes successes through silently and covers every method', async () => {
    const onError = vi.fn()
    const client = createApiClient(fakeApi(), onError)
    expect(Object.keys(client).sort()).toEqual([...methods].sort())
    expect(await client.getSettings()).toMatchObject({ ok: true })
    expect(onError).not.toHaveBeenCalled()
  })
})
