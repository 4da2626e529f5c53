import type { Handlers, Method } from '../../src/core/contract'
import { AppFailure } from '../../src/core/result'
import { say } from '../../src/i18n/say'

/**
 * Why main refuses data calls: the window locked (after inactivity, Lock now, Ctrl/Cmd+L, the OS locking) until the
 * clinic PIN is entered ('idle'), or the data folder is encrypted and its passphrase not yet entered ('sealed').
 */
export type LockReason = 'idle' | 'sealed'

/**
 * The only calls main answers while locked: what the lock screen needs to show itself and be opened. None of them
 * reads or changes patient data, the library, settings or files. Every other call is refused with code 'locked'.
 */
export const openWhileLocked: ReadonlySet<Method> = new Set<Method>([
  'getAppInfo',
  'getLockStatus',
  'lockNow',
  'verifyPin',
  'unlockWithOs',
  // Encryption at rest: the passphrase screen's status and the passphrase itself.
  'getEncryption',
  'unlockData',
])

const refusal: Record<LockReason, () => string> = {
  idle: () => say('lock.gate.idle'),
  sealed: () => say('lock.gate.sealed'),
}

export interface Gate {
  lock(reason: LockReason): void
  /** Lifts one reason; main stays locked while another remains. */
  unlock(reason: LockReason): void
  isLocked(): boolean
  /** The same handler map, each call outside `openWhileLocked` refusing while any reason holds. */
  guard(handlers: Handlers): Handlers
}

/**
 * Main's side of the lock (issue 17): the window's lock screen only hides data; this refuses it, so a page script,
 * a second window or the HTTP bridge gets nothing while the lock screen shows. Applied once to the handler map both
 * transports serve. Open when made; `log` is told each change (never what was refused).
 */
export function createGate(log: (message: string) => void = () => {}): Gate {
  const reasons = new Set<LockReason>()
  const isLocked = () => reasons.size > 0
  return {
    lock: (reason) => {
      if (!reasons.has(reason)) log(`Locked (${reason}).`)
      reasons.add(reason)
    },
    unlock: (reason) => {
      if (reasons.delete(reason)) log(`Unlocked (${reason}).`)
    },
    isLocked,
    guard: (handlers) => {
      const guarded = { ...handlers } as Record<string, (arg: unknown) => unknown>
      for (const [method, handler] of Object.entries(handlers) as [Method, (arg: unknown) => unknown][]) {
        if (openWhileLocked.has(method)) continue
        guarded[method] = async (arg: unknown) => {
          const [reason] = reasons
          if (reason) throw new AppFailure('locked', refusal[reason]())
          return handler(arg)
        }
      }
      return guarded as Handlers
    },
  }
}
