import type { IdleClock } from '../../src/app/use-idle'

/**
 * An idle clock the test moves by hand: `time.now` is what it reads, and `time.timers` the timeouts set on it (run
 * one with `run()`, the clock is not advanced for you).
 */
export function handClock() {
  const time = { now: 0, timers: [] as { run: () => void; at: number }[] }
  const clock: IdleClock = {
    now: () => time.now,
    setTimeout: (run, ms) => time.timers.push({ run, at: time.now + ms }),
    clearTimeout: () => {},
  }
  return { clock, time }
}
