import { beforeEach, describe, expect, it, vi } from 'vitest'
import { LOCK_EVENT } from '../../src/core/channels'
import { channelName, methods } from '../../src/core/contract'

const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }))
const listeners = new Map<string, Set<(...args: unknown[]) => void>>()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (...args: unknown[]) => void) =>
      void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      void listeners.get(channel)?.delete(listener),
  },
}))

describe('preload', () => {
  beforeEach(() => invoke.mockClear())

  it('exposes only window.api, with exactly one named function per contract method, and the lock event', async () => {
    await import('../../electron/preload/index')
    expect(Object.keys(exposed)).toEqual(['api', 'appEvents'])
    expect(Object.keys(exposed['appEvents'] as object)).toEqual(['onLock'])
    const api = exposed['api'] as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...methods].sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('ipcRenderer')
  })

  it('exposes setExerciseVideo by name, sending its argument on its own channel', async () => {
    await import('../../electron/preload/index')
    const api = exposed['api'] as Record<string, (arg?: unknown) => Promise<unknown>>
    expect(Object.keys(api)).toContain('setExerciseVideo')
    await api['setExerciseVideo']!({ exerciseId: 'bridges', url: null })
    expect(invoke).toHaveBeenLastCalledWith(channelName('setExerciseVideo'), { exerciseId: 'bridges', url: null })
  })

  it('sends each function on its own channel with its argument', async () => {
    await import('../../electron/preload/index')
    const api = exposed['api'] as Record<string, (arg?: unknown) => Promise<unknown>>
    await api['updateSettings']!({ paperSize: 'a4' })
    expect(invoke).toHaveBeenLastCalledWith(channelName('updateSettings'), { paperSize: 'a4' })
    for (const method of methods) {
      await api[method]!()
      expect(invoke.mock.lastCall?.[0]).toBe(channelName(method))
    }
  })

  it('passes main’s lock event to the window without the IPC event, until the window stops listening', async () => {
    await import('../../electron/preload/index')
    const { onLock } = exposed['appEvents'] as { onLock: (listener: (...args: unknown[]) => void) => () => void }
    const listener = vi.fn()
    const stop = onLock(listener)
    const sender = { sender: { send: () => {} } }
    for (const l of listeners.get(LOCK_EVENT) ?? []) l(sender, 'extra')
    expect(listener).toHaveBeenCalledExactlyOnceWith()
    stop()
    expect(listeners.get(LOCK_EVENT)?.size).toBe(0)
  })
})
