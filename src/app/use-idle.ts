import { useEffect, useRef } from 'react'

/** The time and timers the idle check uses; tests and the e2e clock replace the window's. */
export interface IdleClock {
  now(): number
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(timer: unknown): void
}

export const windowClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (timer) => window.clearTimeout(timer as number),
}

/** What counts as someone at the computer: keyboard, mouse, wheel and touch. */
export const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'mousedown', 'mousemove', 'wheel', 'touchstart']

/**
 * Calls `onIdle` once when `timeoutMs` pass with no input in the window; any input starts the time again. Off while
 * `timeoutMs` is undefined (or 0); turned on again, it counts from then. Input only notes the time (no timer is
 * reset on every mouse move): the one timer, when it fires early, waits for what is left.
 */
export function useIdle(
  timeoutMs: number | undefined,
  onIdle: () => void,
  clock: IdleClock = windowClock,
  target: EventTarget = window,
): void {
  const callback = useRef(onIdle)
  useEffect(() => void (callback.current = onIdle))
  useEffect(() => {
    if (!timeoutMs) return
    let last = clock.now()
    let timer: unknown
    const active = () => void (last = clock.now())
    const check = () => {
      const idle = clock.now() - last
      if (idle >= timeoutMs) callback.current()
      else timer = clock.setTimeout(check, timeoutMs - idle)
    }
    timer = clock.setTimeout(check, timeoutMs)
    for (const type of activityEvents) target.addEventListener(type, active, { capture: true, passive: true })
    return () => {
      clock.clearTimeout(timer)
      for (const type of activityEvents) target.removeEventListener(type, active, { capture: true })
    }
  }, [timeoutMs, clock, target])
}
