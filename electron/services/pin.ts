import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { AppFailure } from '../../src/core/result'
import { say } from '../../src/i18n/say'
import { noPinTries, type PinHash, type SettingsStore } from './settings-store'

const KEY_BYTES = 32
const SALT_BYTES = 16

const derive = (pin: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(pin.normalize('NFKC'), salt, KEY_BYTES, (error, key) => (error ? reject(error) : resolve(key))),
  )

/** A new salt and the PIN's scrypt hash (node:crypto's defaults: N 16384, r 8, p 1). */
export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES)
  return { salt: salt.toString('base64'), hash: (await derive(pin, salt)).toString('base64') }
}

/** Whether `pin` is the one hashed, compared in constant time. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64')
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** Wrong PINs allowed before the first wait. */
export const FREE_ATTEMPTS = 5
export const FIRST_WAIT_MS = 30_000
export const LONGEST_WAIT_MS = 30 * 60_000

/** How long to wait after `failures` wrong PINs in a row: none for the first four, then 30 s, doubling, at most 30 min. */
export const waitAfter = (failures: number): number =>
  failures < FREE_ATTEMPTS ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT_MS)

export type VerifyResult = { unlocked: true } | { unlocked: false; waitSeconds: number }

export interface PinService {
  isSet(): Promise<boolean>
  /** Sets or changes the PIN; changing it needs the current one (counted like an unlock attempt). */
  set(pin: string, current: string | undefined): Promise<void>
  /** Removes the PIN after checking the current one (counted like an unlock attempt); lock after inactivity goes off. */
  remove(current: string): Promise<void>
  /** Checks a PIN to unlock: during a wait every PIN (the right one too) is refused unchecked. */
  verify(pin: string): Promise<VerifyResult>
}

/**
 * The clinic PIN that opens the locked window (issue 17): kept only as a salted scrypt hash in settings.json, checked
 * here in main. After FREE_ATTEMPTS wrong PINs in a row each further try must wait, longer each time; the right
 * PIN clears the count. The count and the wait are kept in settings.json beside the hash, so quitting and starting
 * Homeplan again does not start them again.
 */
export function createPinService(settings: SettingsStore, now: () => number = Date.now): PinService {
  /** Checks one at a time: two tries at once must not both read the same count. */
  let queue: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task)
    queue = next.catch(() => {})
    return next
  }

  const check = (pin: string) =>
    oneAtATime(async (): Promise<VerifyResult> => {
      const tries = await settings.getPinTries()
      // A wait longer than the longest there is: the clock was set back. Waiting the longest is enough.
      const waitUntil = Math.min(tries.waitUntil, now() + LONGEST_WAIT_MS)
      if (now() < waitUntil) return { unlocked: false, waitSeconds: Math.ceil((waitUntil - now()) / 1000) }
      const stored = await settings.getPinHash()
      if (stored && (await pinMatches(pin, stored))) {
        if (tries.failures > 0) await settings.setPinTries(noPinTries)
        return { unlocked: true }
      }
      const failures = tries.failures + 1
      const next = { failures, waitUntil: now() + waitAfter(failures) }
      await settings.setPinTries(next)
      return { unlocked: false, waitSeconds: Math.max(0, Math.ceil((next.waitUntil - now()) / 1000)) }
    })

  /** Checks the current PIN before it is changed or removed; a wrong one is refused on the `current` field. */
  const assertCurrent = async (current: string) => {
    const result = await check(current)
    if (!result.unlocked)
      throw new AppFailure(
        'forbidden',
        result.waitSeconds > 0
          ? say('lock.wrongCurrentWait', { seconds: result.waitSeconds })
          : say('lock.wrongCurrent'),
        'current',
      )
  }

  return {
    isSet: async () => (await settings.getPinHash()) !== undefined,
    set: async (pin, current) => {
      if (await settings.getPinHash()) {
        if (current === undefined) throw new AppFailure('forbidden', say('lock.currentNeeded'), 'current')
        await assertCurrent(current)
      }
      await settings.setPinHash(await hashPin(pin))
    },
    remove: async (current) => {
      if (!(await settings.getPinHash())) return
      await assertCurrent(current)
      await settings.removePin()
    },
    verify: check,
  }
}
