import { vi } from 'vitest'
import type { Api } from '../../src/core/contract'
import { defaultSettings, type Settings } from '../../src/core/settings'

/** An in-memory window.api for component tests; each function is a spy. */
export function fakeApi(overrides: Partial<Api> = {}): Api {
  let settings: Settings = { ...defaultSettings }
  return {
    getAppInfo: vi.fn(async () => ({
      ok: true as const,
      value: { name: 'Homeplan', version: '1.2.3', platform: 'linux', versions: { electron: '45.0.0', chrome: '140', node: '22' } },
    })),
    getSettings: vi.fn(async () => ({ ok: true as const, value: settings })),
    updateSettings: vi.fn(async (patch) => {
      settings = { ...settings, ...patch }
      return { ok: true as const, value: settings }
    }),
    getDataFolder: vi.fn(async () => ({ ok: true as const, value: { path: '/home/pt/Homeplan', source: 'default' as const, files: [] } })),
    ...overrides,
  }
}
