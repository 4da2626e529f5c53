import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { AppFailure } from '../../src/core/result'
import { say } from '../../src/i18n/say'
import type { PinHash, SettingsStore } from './settings-store'

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
  /** Checks a PIN to unlock: during a wait every PIN (the right one too) is refused unchecked. */
  verify(pin: string): Promise<VerifyResult>
}

/**
 * The clinic PIN that opens the locked window (issue 17): kept only as a salted scrypt hash in settings.json, checked
 * here in main. After FREE_ATTEMPTS wrong PINs in a row each further try must wait, longer each time; the right
 * PIN clears the count. The count lives in memory (a restart starts it again).
 */
export function createPinService(settings: SettingsStore, now: () => number = Date.now): PinService {
  let failures = 0
  let waitUntil = 0
  const secondsLeft = () => Math.ceil((waitUntil - now()) / 1000)

  const check = async (pin: string): Promise<VerifyResult> => {
    if (now() < waitUntil) return { unlocked: false, waitSeconds: secondsLeft() }
    const stored = await settings.getPinHash()
    if (stored && (await pinMatches(pin, stored))) {
      failures = 0
      waitUntil = 0
      return { unlocked: true }
    }
    failures += 1
    waitUntil = now() + waitAfter(failures)
    return { unlocked: false, waitSeconds: Math.max(0, secondsLeft()) }
  }

  return {
    isSet: async () => (await settings.getPinHash()) !== undefined,
    set: async (pin, current) => {
      if (await settings.getPinHash()) {
        if (current === undefined) throw new AppFailure('forbidden', say('lock.currentNeeded'), 'current')
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
      await settings.setPinHash(await hashPin(pin))
    },
    verify: check,
  }
}
