import { act, fireEvent, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useIdle } from '../../../src/app/use-idle'
import { handClock } from '../hand-clock'

const MINUTE = 60_000

describe('useIdle', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('calls back once after the idle time with no input, not before', () => {
    const onIdle = vi.fn()
    renderHook(() => useIdle(5 * MINUTE, onIdle))
    act(() => void vi.advanceTimersByTime(5 * MINUTE - 1))
    expect(onIdle).not.toHaveBeenCalled()
    act(() => void vi.advanceTimersByTime(1))
    expect(onIdle).toHaveBeenCalledOnce()
    act(() => void vi.advanceTimersByTime(30 * MINUTE))
    expect(onIdle).toHaveBeenCalledOnce()
  })

  it('starts the time again on keyboard, mouse and touch input', () => {
    const onIdle = vi.fn()
    renderHook(() => useIdle(5 * MINUTE, onIdle))
    for (const input of [
      () => fireEvent.keyDown(document.body, { key: 'a' }),
      () => fireEvent.mouseMove(document.body),
      () => fireEvent.touchStart(document.body),
      () => fireEvent.wheel(document.body),
    ]) {
      act(() => void vi.advanceTimersByTime(4 * MINUTE))
      input()
    }
    expect(onIdle).not.toHaveBeenCalled()
    act(() => void vi.advanceTimersByTime(5 * MINUTE - 1))
    expect(onIdle).not.toHaveBeenCalled()
    act(() => void vi.advanceTimersByTime(1))
    expect(onIdle).toHaveBeenCalledOnce()
  })

  it('is off without a time, and counts from when it is turned on', () => {
    const onIdle = vi.fn()
    const { rerender } = renderHook(({ ms }: { ms?: number }) => useIdle(ms, onIdle), { initialProps: {} })
    act(() => void vi.advanceTimersByTime(60 * MINUTE))
    expect(onIdle).not.toHaveBeenCalled()
    rerender({ ms: 10 * MINUTE })
    act(() => void vi.advanceTimersByTime(10 * MINUTE - 1))
    expect(onIdle).not.toHaveBeenCalled()
    act(() => void vi.advanceTimersByTime(1))
    expect(onIdle).toHaveBeenCalledOnce()
  })

  it('stops its timer and listeners when unmounted', () => {
    const onIdle = vi.fn()
    const { unmount } = renderHook(() => useIdle(5 * MINUTE, onIdle))
    unmount()
    act(() => void vi.advanceTimersByTime(10 * MINUTE))
    expect(onIdle).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('uses the clock it is given', () => {
    const { clock, time } = handClock()
    const onIdle = vi.fn()
    renderHook(() => useIdle(1000, onIdle, clock))
    time.now = 600
    fireEvent.keyDown(window, { key: 'x' })
    time.now = 1000
    act(() => time.timers.shift()!.run())
    expect(onIdle).not.toHaveBeenCalled()
    expect(time.timers).toEqual([{ run: expect.any(Function), at: 1600 }])
    time.now = 1600
    act(() => time.timers.shift()!.run())
    expect(onIdle).toHaveBeenCalledOnce()
  })
})
