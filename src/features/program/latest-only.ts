/**
 * Runs `work` for the newest request only, one at a time: a request made while idle starts at once (no waiting for a
 * pause in typing), one made while busy waits for the running one and replaces any already waiting. What a run
 * delivers through `isCurrent` tells it whether a newer request has come since it started (its result is then stale).
 */
export function latestOnly<T>(work: (request: T, isCurrent: () => boolean) => Promise<void>) {
  let running = false
  let waiting: { request: T } | undefined
  let generation = 0
  let stopped = false
  const next = async (): Promise<void> => {
    while (waiting && !stopped) {
      const { request } = waiting
      waiting = undefined
      running = true
      const mine = generation
      try {
        await work(request, () => !stopped && mine === generation)
      } catch {
        // The work reports its own failures; the next request still runs.
      } finally {
        running = false
      }
    }
  }
  return {
    push(request: T): void {
      generation++
      waiting = { request }
      if (!running) void next()
    },
    /** Drops the waiting request; the running one is told it is stale. */
    cancel(): void {
      generation++
      waiting = undefined
    },
    /** No more runs; the running one is told it is stale. */
    stop(): void {
      stopped = true
      waiting = undefined
    },
  }
}
