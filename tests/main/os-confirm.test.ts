import { beforeEach, describe, expect, it, vi } from 'vitest'

const h = vi.hoisted(() => ({ canPrompt: true, answer: 'yes' as 'yes' | 'no', reasons: [] as string[] }))

vi.mock('electron', () => ({
  systemPreferences: {
    canPromptTouchID: () => h.canPrompt,
    promptTouchID: async (reason: string) => {
      h.reasons.push(reason)
      if (h.answer === 'no') throw new Error('User cancelled')
    },
  },
}))

const { touchIdConfirm } = await import('../../electron/main/os-confirm')

describe('Touch ID as the OS confirming its user', () => {
  beforeEach(() => {
    h.canPrompt = true
    h.answer = 'yes'
    h.reasons = []
  })

  it('is offered only on a Mac that can prompt for it', () => {
    expect(touchIdConfirm('darwin').available()).toBe(true)
    expect(touchIdConfirm('win32').available()).toBe(false)
    expect(touchIdConfirm('linux').available()).toBe(false)
    h.canPrompt = false
    expect(touchIdConfirm('darwin').available()).toBe(false)
  })

  it('resolves true when confirmed and false when cancelled or failed, asking with the reason given', async () => {
    expect(await touchIdConfirm('darwin').confirm('open Homeplan')).toBe(true)
    h.answer = 'no'
    expect(await touchIdConfirm('darwin').confirm('open Homeplan')).toBe(false)
    expect(h.reasons).toEqual(['open Homeplan', 'open Homeplan'])
  })
})
