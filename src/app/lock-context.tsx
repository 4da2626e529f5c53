import { notifications } from '@mantine/notifications'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { LockAfter } from '../core/settings'
import { useQuietApi } from './api-context'
import { useEncryption } from './encryption-context'
import { LockScreen } from './LockScreen'
import { useIdle, windowClock, type IdleClock } from './use-idle'

declare global {
  interface Window {
    /** Main's own messages to the window (the preload's appEvents; absent in the browser bridge). */
    appEvents?: { onLock(listener: () => void): () => void }
  }
}

export interface LockControls {
  /** Whether a clinic PIN is set (undefined until known): without one the window never locks. */
  pinSet: boolean | undefined
  lockAfterMinutes: LockAfter
  /** Shows the lock screen now (nothing happens without a PIN). */
  lock(): void
  /** Tells the lock what Settings just saved. */
  configure(change: { pinSet?: boolean; lockAfterMinutes?: LockAfter }): void
}

const LockContext = createContext<LockControls | null>(null)

/** Set just before the lock unmounts the pages: what they unmount then is to come back after unlock. */
let lockingNow = false
/** Whether the window is locked, or locking now (read by drafts kept for after unlock, see keptForm). */
export const isLocked = () => lockingNow

const noLock: LockControls = { pinSet: false, lockAfterMinutes: 0, lock: () => {}, configure: () => {} }

/** Set by the mounted LockProvider: shows the lock screen at once. */
let showLockScreen: (() => void) | undefined
/**
 * Main refused a call as locked (see electron/services/gate.ts) while this window showed its pages: after a reload
 * while locked, or the OS locking the computer before the window heard of it. The window locks too; there is nothing
 * to report.
 */
export const mainIsLocked = () => showLockScreen?.()

/** The lock's controls; outside <LockProvider> (a page rendered alone), a lock that never locks. */
export const useLock = (): LockControls => useContext(LockContext) ?? noLock

const isLockKey = (e: KeyboardEvent) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l'

/**
 * Lock after inactivity (issue 17). Locked, `children` (the whole shell: every page, dialog and the roster and
 * library state) are unmounted, not covered, and the window shows only the lock screen until the clinic PIN is
 * entered; what is being edited comes back from its draft (the builder's in local storage, the patient form's in
 * memory). Locks after the idle time set in Settings, on Ctrl/Cmd+L, on Lock now, and when main says so (the menu,
 * the OS locking its screen or sleeping). Locked, the window tells main (lockNow), which then refuses data calls.
 */
export function LockProvider({ children, clock = windowClock }: { children: ReactNode; clock?: IdleClock }) {
  const api = useQuietApi()
  const [locked, setLocked] = useState(false)
  const [pinSet, setPinSet] = useState<boolean>()
  const [lockAfterMinutes, setLockAfter] = useState<LockAfter>(0)
  // With the data folder encrypted the clinic passphrase opens the window, PIN or not.
  const sealed = useEncryption().status?.on === true
  const canLock = pinSet || sealed

  useEffect(() => {
    let live = true
    void api.getLockStatus().then((r) => {
      if (!live || !r.ok) return
      setPinSet(r.value.pinSet)
      // Main is still locked (the window was reloaded while locked): the lock screen again, not the pages.
      if (r.value.locked) mainIsLocked()
    })
    return () => void (live = false)
  }, [api])

  useEffect(() => {
    // Main refuses the settings while locked: read once open.
    if (locked) return
    let live = true
    void api.getSettings().then((r) => live && r.ok && setLockAfter(r.value.lockAfterMinutes ?? 0))
    return () => void (live = false)
  }, [api, locked])

  useEffect(() => {
    // After the pages have unmounted (their last calls already sent), main locks too and refuses data calls until
    // verifyPin succeeds.
    if (locked) void api.lockNow()
  }, [api, locked])

  const lock = useCallback(() => {
    if (!canLock) return
    // Pop-ups live outside the shell and may name a patient ("Saved Maria Garcia").
    notifications.clean()
    lockingNow = true
    setLocked(true)
  }, [canLock])

  useEffect(() => {
    showLockScreen = () => {
      notifications.clean()
      lockingNow = true
      setLocked(true)
    }
    return () => void (showLockScreen = undefined)
  }, [])

  useIdle(locked || !canLock ? undefined : lockAfterMinutes * 60_000, lock, clock)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isLockKey(e) || !canLock) return
      e.preventDefault()
      lock()
    }
    window.addEventListener('keydown', onKey)
    const stop = window.appEvents?.onLock(lock)
    return () => {
      window.removeEventListener('keydown', onKey)
      stop?.()
    }
  }, [lock, canLock])

  useEffect(() => {
    if (locked) document.title = 'Homeplan'
  }, [locked])

  const controls = useMemo<LockControls>(
    () => ({
      pinSet,
      lockAfterMinutes,
      lock,
      configure: (change) => {
        if (change.pinSet !== undefined) setPinSet(change.pinSet)
        if (change.lockAfterMinutes !== undefined) setLockAfter(change.lockAfterMinutes)
      },
    }),
    [pinSet, lockAfterMinutes, lock],
  )
  return (
    <LockContext.Provider value={controls}>
      {locked ? (
        <LockScreen
          passphrase={sealed}
          onUnlocked={() => {
            lockingNow = false
            setLocked(false)
          }}
        />
      ) : (
        children
      )}
    </LockContext.Provider>
  )
}
