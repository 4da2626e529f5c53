import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createGate, openWhileLocked } from '../../electron/services/gate'
import { methods, type Handlers } from '../../src/core/contract'
import { dispatch } from '../../src/core/dispatch'
import { setMessageLanguage } from '../../src/i18n/say'
import { patientInput } from '../support/patients'
import { testServices } from '../support/services'

const tempDir = () => mkdtemp(join(tmpdir(), 'hp-gate-'))
const call = (handlers: Handlers, method: string) =>
  Promise.resolve().then(() => (handlers as unknown as Record<string, (arg: unknown) => unknown>)[method]!(undefined))

afterEach(() => setMessageLanguage('en'))

describe('the gate', () => {
  it('lets through only what the lock and passphrase screens need: app info, lock and encryption status, the unlocks', () => {
    expect([...openWhileLocked].sort()).toEqual([
      'getAppInfo',
      'getEncryption',
      'getLockStatus',
      'lockNow',
      'unlockData',
      'unlockWithOs',
      'verifyPin',
    ])
  })

  it('refuses while any reason holds: lifting the idle lock leaves a sealed folder locked', async () => {
    const seen: string[] = []
    const gate = createGate((m) => seen.push(m))
    const handlers = gate.guard({ listPatients: () => [], getAppInfo: () => 'info' } as unknown as Handlers)
    expect(await call(handlers, 'listPatients')).toEqual([])
    gate.lock('sealed')
    gate.lock('idle')
    await expect(call(handlers, 'listPatients')).rejects.toMatchObject({ code: 'locked', message: /passphrase/ })
    expect(await call(handlers, 'getAppInfo')).toBe('info')
    gate.unlock('idle')
    expect(gate.isLocked()).toBe(true)
    await expect(call(handlers, 'listPatients')).rejects.toMatchObject({ code: 'locked' })
    gate.unlock('sealed')
    expect(gate.isLocked()).toBe(false)
    expect(await call(handlers, 'listPatients')).toEqual([])
    expect(seen).toEqual(['Locked (sealed).', 'Locked (idle).', 'Unlocked (idle).', 'Unlocked (sealed).'])
  })
})

describe('main while the window is locked (issue 17)', () => {
  it('refuses every call outside the list, touching nothing, until the right PIN is entered', async () => {
    const { handlers, close } = testServices(await tempDir())
    try {
      await dispatch(handlers, 'setLockPin', { pin: '2468' })
      expect(await dispatch(handlers, 'lockNow', undefined)).toEqual({ ok: true, value: { locked: true } })
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toEqual({
        ok: true,
        value: { pinSet: true, locked: true, therapists: [], workingAs: null, osConfirm: false },
      })
      for (const method of methods.filter((m) => !openWhileLocked.has(m)))
        await expect(call(handlers, method), method).rejects.toMatchObject({ code: 'locked' })
      const refused = await dispatch(handlers, 'createPatient', patientInput({ firstName: 'Ines', lastName: 'Lopez' }))
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'locked',
          message: 'Homeplan is locked. Enter the clinic PIN to continue; nothing was read or changed.',
        },
      })
      setMessageLanguage('es')
      expect(await dispatch(handlers, 'getSettings', undefined)).toMatchObject({
        ok: false,
        error: { code: 'locked', message: expect.stringContaining('Escriba el PIN de la clínica') },
      })
      setMessageLanguage('en')
      expect(await dispatch(handlers, 'getAppInfo', undefined)).toMatchObject({ ok: true })

      expect(await dispatch(handlers, 'verifyPin', { pin: '1111' })).toMatchObject({
        ok: true,
        value: { unlocked: false },
      })
      expect(await dispatch(handlers, 'listPatients', undefined)).toMatchObject({
        ok: false,
        error: { code: 'locked' },
      })
      expect(await dispatch(handlers, 'verifyPin', { pin: '2468' })).toEqual({ ok: true, value: { unlocked: true } })
      // Open again, and the refused patient was never created.
      expect(await dispatch(handlers, 'listPatients', undefined)).toEqual({ ok: true, value: [] })
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toMatchObject({ value: { locked: false } })
    } finally {
      await close()
    }
  })

  it('stays open when no PIN is set (nothing could open it again)', async () => {
    const { handlers, close } = testServices(await tempDir())
    try {
      expect(await dispatch(handlers, 'lockNow', undefined)).toEqual({ ok: true, value: { locked: false } })
      expect(await dispatch(handlers, 'listPatients', undefined)).toEqual({ ok: true, value: [] })
    } finally {
      await close()
    }
  })
})
