import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/core/dispatch'
import { createPinService, hashPin, pinMatches, waitAfter } from '../../electron/services/pin'
import { createSettingsStore, SETTINGS_FILE } from '../../electron/services/settings-store'
import { testServices } from '../support/services'

const tempDir = () => mkdtemp(join(tmpdir(), 'hp-pin-'))

describe('clinic PIN hash', () => {
  it('is a salted scrypt hash: a new salt each time, the right PIN matches, another does not', async () => {
    const one = await hashPin('2468')
    const two = await hashPin('2468')
    expect(one.salt).not.toBe(two.salt)
    expect(one.hash).not.toBe(two.hash)
    expect(Buffer.from(one.hash, 'base64')).toHaveLength(32)
    expect(await pinMatches('2468', one)).toBe(true)
    expect(await pinMatches('2468', two)).toBe(true)
    expect(await pinMatches('24680', one)).toBe(false)
    expect(await pinMatches('8642', one)).toBe(false)
  })
})

describe('PIN service', () => {
  it('keeps only the hash in settings.json, and getSettings never shows it', async () => {
    const dir = await tempDir()
    const store = createSettingsStore(dir)
    const pins = createPinService(store)
    expect(await pins.isSet()).toBe(false)
    await pins.set('13572468', undefined)
    const file = await readFile(join(dir, SETTINGS_FILE), 'utf8')
    expect(file).not.toContain('13572468')
    expect(JSON.parse(file).lockPin).toEqual({ salt: expect.any(String), hash: expect.any(String) })
    expect(await store.get()).not.toHaveProperty('lockPin')
    expect(await store.update({ lockAfterMinutes: 5 })).not.toHaveProperty('lockPin')
    // A restart (a new store on the same folder) still has the PIN and the setting.
    const again = createPinService(createSettingsStore(dir))
    expect(await again.isSet()).toBe(true)
    expect(await again.verify('13572468')).toEqual({ unlocked: true })
    expect((await createSettingsStore(dir).get()).lockAfterMinutes).toBe(5)
  })

  it('asks for the current PIN to change it, and refuses a wrong one', async () => {
    const pins = createPinService(createSettingsStore(await tempDir()))
    await pins.set('1111', undefined)
    await expect(pins.set('2222', undefined)).rejects.toMatchObject({ code: 'forbidden', field: 'current' })
    await expect(pins.set('2222', '3333')).rejects.toMatchObject({ code: 'forbidden', field: 'current' })
    expect(await pins.verify('1111')).toEqual({ unlocked: true })
    await pins.set('2222', '1111')
    expect(await pins.verify('1111')).toEqual({ unlocked: false, waitSeconds: 0 })
    expect(await pins.verify('2222')).toEqual({ unlocked: true })
  })

  it('after 5 wrong PINs makes every try wait 30 s, refusing even the right PIN meanwhile, then longer each time', async () => {
    let now = 1_000_000
    const pins = createPinService(createSettingsStore(await tempDir()), () => now)
    await pins.set('9876', undefined)
    for (let i = 0; i < 4; i++) expect(await pins.verify('0000')).toEqual({ unlocked: false, waitSeconds: 0 })
    expect(await pins.verify('0000')).toEqual({ unlocked: false, waitSeconds: 30 })
    now += 10_000
    expect(await pins.verify('9876')).toEqual({ unlocked: false, waitSeconds: 20 })
    now += 20_000
    expect(await pins.verify('0000')).toEqual({ unlocked: false, waitSeconds: 60 })
    now += 60_000
    expect(await pins.verify('9876')).toEqual({ unlocked: true })
    // The right PIN starts the count again.
    for (let i = 0; i < 4; i++) expect(await pins.verify('0000')).toEqual({ unlocked: false, waitSeconds: 0 })
  })

  it('keeps the wrong-PIN count and the wait over a restart: after 5 wrong, new services still make the 6th wait', async () => {
    const dir = await tempDir()
    let now = Date.parse('2026-12-07T10:00:00Z')
    const first = testServices(dir, { now: () => new Date(now) })
    await dispatch(first.handlers, 'setLockPin', { pin: '9876' })
    for (let i = 0; i < 5; i++) await dispatch(first.handlers, 'verifyPin', { pin: '0000' })
    await first.close()
    now += 5_000
    const again = testServices(dir, { now: () => new Date(now) })
    try {
      // The right PIN too is refused unchecked until the wait is over, and no wait has been handed back.
      expect(await dispatch(again.handlers, 'verifyPin', { pin: '9876' })).toEqual({
        ok: true,
        value: { unlocked: false, waitSeconds: 25 },
      })
      now += 25_000
      expect(await dispatch(again.handlers, 'verifyPin', { pin: '0000' })).toEqual({
        ok: true,
        value: { unlocked: false, waitSeconds: 60 },
      })
      // Never shown to the window.
      const settings = await dispatch(again.handlers, 'getSettings', undefined)
      expect(settings.ok && settings.value).not.toHaveProperty('lockPinTries')
      now += 60_000
      expect(await dispatch(again.handlers, 'verifyPin', { pin: '9876' })).toEqual({
        ok: true,
        value: { unlocked: true },
      })
      expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))).not.toHaveProperty('lockPinTries')
    } finally {
      await again.close()
    }
  })

  it('caps a wait left from a clock set back at the longest wait', async () => {
    const dir = await tempDir()
    let now = 10_000_000_000
    const pins = createPinService(createSettingsStore(dir), () => now)
    await pins.set('9876', undefined)
    for (let i = 0; i < 5; i++) await pins.verify('0000')
    now -= 24 * 3600_000
    expect(await createPinService(createSettingsStore(dir), () => now).verify('9876')).toEqual({
      unlocked: false,
      waitSeconds: 30 * 60,
    })
  })

  it('grows the wait by doubling up to half an hour', () => {
    expect([4, 5, 6, 7, 20].map(waitAfter)).toEqual([0, 30_000, 60_000, 120_000, 30 * 60_000])
  })
})

describe('removing the PIN', () => {
  it('needs the current PIN (a wrong one counts like a wrong unlock), then turns lock after inactivity off', async () => {
    const dir = await tempDir()
    let now = 1_000_000
    const { handlers, close } = testServices(dir, { now: () => new Date(now) })
    try {
      await dispatch(handlers, 'setLockPin', { pin: '2580' })
      await dispatch(handlers, 'updateSettings', { lockAfterMinutes: 10 })
      expect(await dispatch(handlers, 'removeLockPin', {})).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', field: 'current' },
      })
      for (let i = 0; i < 4; i++)
        expect(await dispatch(handlers, 'removeLockPin', { current: '1111' })).toMatchObject({
          ok: false,
          error: { code: 'forbidden', field: 'current', message: 'That is not the current PIN.' },
        })
      // The fifth wrong PIN, here or on the lock screen, starts the wait.
      expect(await dispatch(handlers, 'verifyPin', { pin: '1111' })).toEqual({
        ok: true,
        value: { unlocked: false, waitSeconds: 30 },
      })
      expect(await dispatch(handlers, 'removeLockPin', { current: '2580' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'That is not the current PIN. Try again in 30 s.' },
      })
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toMatchObject({ value: { pinSet: true } })
      now += 30_000
      expect(await dispatch(handlers, 'removeLockPin', { current: '2580' })).toEqual({
        ok: true,
        value: { pinSet: false },
      })
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toMatchObject({ value: { pinSet: false } })
      expect(await dispatch(handlers, 'getSettings', undefined)).toMatchObject({ value: { lockAfterMinutes: 0 } })
      const file = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))
      expect(file).not.toHaveProperty('lockPin')
      expect(file).not.toHaveProperty('lockPinTries')
      // Without a PIN the window cannot lock main.
      expect(await dispatch(handlers, 'lockNow', undefined)).toEqual({ ok: true, value: { locked: false } })
      // A new PIN can be set without a current one.
      expect(await dispatch(handlers, 'setLockPin', { pin: '1357' })).toMatchObject({ ok: true })
    } finally {
      await close()
    }
  })
})

describe('lock calls through the contract', () => {
  it('sets, reports and checks the PIN; refuses what is not 4 to 12 digits before the service sees it', async () => {
    const { handlers, close } = testServices(await tempDir())
    try {
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toEqual({
        ok: true,
        value: { pinSet: false, locked: false, therapists: [], workingAs: null, osConfirm: false },
      })
      expect(await dispatch(handlers, 'setLockPin', { pin: '12a4' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', field: 'pin' },
      })
      expect(await dispatch(handlers, 'setLockPin', { pin: '123' })).toMatchObject({ ok: false })
      expect(await dispatch(handlers, 'setLockPin', { pin: '1234567890123' })).toMatchObject({ ok: false })
      expect(await dispatch(handlers, 'setLockPin', { pin: '4321' })).toEqual({ ok: true, value: { pinSet: true } })
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toEqual({
        ok: true,
        value: { pinSet: true, locked: false, therapists: [], workingAs: null, osConfirm: false },
      })
      expect(await dispatch(handlers, 'setLockPin', { pin: '5555' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', field: 'current' },
      })
      expect(await dispatch(handlers, 'verifyPin', { pin: '4321' })).toEqual({ ok: true, value: { unlocked: true } })
      expect(await dispatch(handlers, 'verifyPin', { pin: '1234' })).toEqual({
        ok: true,
        value: { unlocked: false, waitSeconds: 0 },
      })
      expect(await dispatch(handlers, 'verifyPin', { pin: '4321', extra: 1 })).toMatchObject({ ok: false })
      expect(await dispatch(handlers, 'updateSettings', { lockAfterMinutes: 7 })).toMatchObject({
        ok: false,
        error: { field: 'lockAfterMinutes' },
      })
      // The window cannot write the hash through updateSettings.
      expect(await dispatch(handlers, 'updateSettings', { lockPin: { salt: 'AAAA', hash: 'AAAA' } })).toMatchObject({
        ok: false,
      })
      const settings = await dispatch(handlers, 'getSettings', undefined)
      expect(settings.ok && settings.value).not.toHaveProperty('lockPin')
    } finally {
      await close()
    }
  })
})

describe('who is working, chosen when the window is opened (issue 17, the access log)', () => {
  it('the lock screen learns the therapists, and the right PIN with a name makes the log name them', async () => {
    const { handlers, close } = testServices(await tempDir())
    try {
      await dispatch(handlers, 'updateSettings', { therapists: [{ name: 'Dana Whitfield', credentials: 'PT' }] })
      await dispatch(handlers, 'setLockPin', { pin: '2468' })
      await dispatch(handlers, 'lockNow', undefined)
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toMatchObject({
        value: { locked: true, therapists: ['Dana Whitfield'], workingAs: null },
      })
      // A name that is not one of the clinic's therapists: refused, and the window stays locked.
      expect(await dispatch(handlers, 'verifyPin', { pin: '2468', workingAs: 'Someone Else' })).toMatchObject({
        ok: false,
        error: { code: 'not_found', field: 'name' },
      })
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toMatchObject({ value: { locked: true } })
      // A wrong PIN names no one.
      await dispatch(handlers, 'verifyPin', { pin: '1111', workingAs: 'Dana Whitfield' })
      expect(await dispatch(handlers, 'getWorkingAs', undefined)).toMatchObject({
        ok: false,
        error: { code: 'locked' },
      })
      expect(await dispatch(handlers, 'verifyPin', { pin: '2468', workingAs: 'Dana Whitfield' })).toEqual({
        ok: true,
        value: { unlocked: true },
      })
      expect(await dispatch(handlers, 'getWorkingAs', undefined)).toEqual({
        ok: true,
        value: { name: 'Dana Whitfield' },
      })
      // Left out, it stays as it is.
      await dispatch(handlers, 'lockNow', undefined)
      await dispatch(handlers, 'verifyPin', { pin: '2468' })
      expect(await dispatch(handlers, 'getWorkingAs', undefined)).toEqual({
        ok: true,
        value: { name: 'Dana Whitfield' },
      })
    } finally {
      await close()
    }
  })
})

describe('the OS confirming its user instead of the PIN (Touch ID; issue 17 item 3)', () => {
  const confirming = (answers: boolean[]) => ({
    available: () => true,
    confirm: async () => answers.shift() ?? false,
  })

  it('opens a PIN lock when the OS confirms, not when it does not; never without a PIN or such an OS', async () => {
    const { handlers, close } = testServices(await tempDir(), { osConfirm: confirming([false, true]) })
    try {
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toMatchObject({ value: { osConfirm: false } })
      expect(await dispatch(handlers, 'unlockWithOs', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      await dispatch(handlers, 'setLockPin', { pin: '2468' })
      await dispatch(handlers, 'lockNow', undefined)
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toMatchObject({
        value: { locked: true, osConfirm: true },
      })
      expect(await dispatch(handlers, 'unlockWithOs', {})).toEqual({ ok: true, value: { unlocked: false } })
      expect(await dispatch(handlers, 'listPatients', undefined)).toMatchObject({
        ok: false,
        error: { code: 'locked' },
      })
      expect(await dispatch(handlers, 'unlockWithOs', {})).toEqual({ ok: true, value: { unlocked: true } })
      expect(await dispatch(handlers, 'listPatients', undefined)).toMatchObject({ ok: true })
    } finally {
      await close()
    }
    const none = testServices(await tempDir())
    try {
      await dispatch(none.handlers, 'setLockPin', { pin: '2468' })
      await dispatch(none.handlers, 'lockNow', undefined)
      expect(await dispatch(none.handlers, 'unlockWithOs', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
      expect(await dispatch(none.handlers, 'listPatients', undefined)).toMatchObject({ ok: false })
    } finally {
      await none.close()
    }
  })

  it('an encrypted folder needs its passphrase: the OS confirmation is not offered', async () => {
    const { handlers, close } = testServices(await tempDir(), { osConfirm: confirming([true]) })
    try {
      await dispatch(handlers, 'setLockPin', { pin: '2468' })
      await dispatch(handlers, 'turnOnEncryption', { passphrase: 'blue heron quiet river', remember: false })
      await dispatch(handlers, 'lockNow', undefined)
      expect(await dispatch(handlers, 'getLockStatus', undefined)).toMatchObject({ value: { osConfirm: false } })
      expect(await dispatch(handlers, 'unlockWithOs', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(await dispatch(handlers, 'listPatients', undefined)).toMatchObject({
        ok: false,
        error: { code: 'locked' },
      })
    } finally {
      await close()
    }
  })
})
