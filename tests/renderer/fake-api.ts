import { vi } from 'vitest'
import type { Api } from '../../src/core/contract'
import type { ServiceDeps } from '../../electron/services'
import { realApi } from '../support/api'

export type FakeApi = ReturnType<typeof realApi>

/** The real services on a temp folder, every function wrapped in a spy so tests can check calls. */
export function fakeApi(overrides: Partial<Api> = {}, dataDir?: string, deps?: Partial<ServiceDeps>): FakeApi {
  const api = realApi(overrides, dataDir, deps) as unknown as Record<string, unknown>
  for (const [key, value] of Object.entries(api))
    if (typeof value === 'function') api[key] = vi.fn(value as () => unknown)
  return api as unknown as FakeApi
}
