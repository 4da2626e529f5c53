import { describe, expect, it } from 'vitest'
import { latestOnly } from '../../../../src/features/program/latest-only'

const later = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('latestOnly', () => {
  it('starts a request made while idle at once, and runs only the newest of those made while busy, after it', async () => {
    const runs: { request: number; current: () => boolean; done: ReturnType<typeof later> }[] = []
    const queue = latestOnly<number>((request, current) => {
      const done = later()
      runs.push({ request, current, done })
      return done.promise
    })
    queue.push(1)
    expect(runs.map((r) => r.request)).toEqual([1])
    queue.push(2)
    queue.push(3)
    // 1 is stale now; 2 was skipped for 3, which waits for 1.
    expect(runs[0]!.current()).toBe(false)
    expect(runs).toHaveLength(1)
    runs[0]!.done.resolve()
    await new Promise((r) => setTimeout(r, 0))
    expect(runs.map((r) => r.request)).toEqual([1, 3])
    expect(runs[1]!.current()).toBe(true)
    queue.cancel()
    expect(runs[1]!.current()).toBe(false)
    runs[1]!.done.resolve()
    await new Promise((r) => setTimeout(r, 0))
    expect(runs).toHaveLength(2)
  })

  it('keeps going after a run fails, and stops for good on stop()', async () => {
    const seen: number[] = []
    const queue = latestOnly<number>(async (request) => {
      seen.push(request)
      if (request === 1) throw new Error('boom')
    })
    queue.push(1)
    await new Promise((r) => setTimeout(r, 0))
    queue.push(2)
    await new Promise((r) => setTimeout(r, 0))
    queue.stop()
    queue.push(3)
    await new Promise((r) => setTimeout(r, 0))
    expect(seen).toEqual([1, 2])
  })
})
