import { performance } from 'node:perf_hooks'

export interface LoopWatch {
  /** Longest time the event loop was busy between two ticks of a 5 ms timer (ms): how long it was blocked. */
  block: number
  /** Longest gap between ticks beyond the 5 ms (ms): the block, plus any time the system did not run this process. */
  gap: number
}

/**
 * Watches this thread's event loop while `work` runs, with a 5 ms timer. At each tick it takes the event loop's
 * busy time since the last tick (perf_hooks' event-loop utilisation): a render on this thread shows as a block of
 * its whole length, while a busy machine that merely runs the process late shows in the gap but not the block.
 */
export async function watchLoop(work: () => Promise<unknown>): Promise<LoopWatch> {
  let last = performance.now()
  let since = performance.eventLoopUtilization()
  const worst: LoopWatch = { block: 0, gap: 0 }
  const timer = setInterval(() => {
    const now = performance.now()
    const used = performance.eventLoopUtilization()
    worst.block = Math.max(worst.block, performance.eventLoopUtilization(used, since).active)
    worst.gap = Math.max(worst.gap, now - last - 5)
    since = used
    last = now
  }, 5)
  try {
    await work()
    // The last stretch, up to the tick after the work.
    await new Promise((resolve) => setTimeout(resolve, 6))
  } finally {
    clearInterval(timer)
  }
  return worst
}
