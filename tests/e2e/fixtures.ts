import { test as base, expect, type Page } from '@playwright/test'
import { removeDataDir, startTestBridge, type TestBridge } from '../support/bridge'

/** Each test gets its own bridge and data folder; console errors (CSP violations included) fail it. */
export const test = base.extend<{ bridge: TestBridge; consoleErrors: string[] }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  bridge: async ({}, use) => {
    const bridge = await startTestBridge()
    await use(bridge)
    await bridge.close()
    await removeDataDir(bridge.dataDir)
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await use(errors)
    expect(errors, 'console errors').toEqual([])
  },
})

export { expect }

/** Closes drawers and modals with Escape, retrying while one is still opening (slow machines, CI). */
export async function closeDialogs(page: Page): Promise<void> {
  await expect(async () => {
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0, { timeout: 1000 })
  }).toPass({ timeout: 15_000 })
}

/**
 * Calls `window.api.<method>(arg)` in the page, as the app does over the bridge, and returns the value; a refusal
 * fails the test with its message. For setting a test up: what the test is about goes through the screens.
 */
export async function callApi<T>(page: Page, method: string, arg?: unknown): Promise<T> {
  const result = await page.evaluate(
    ([name, value]) =>
      (window as unknown as { api: Record<string, (a: unknown) => Promise<unknown>> }).api[name]!(value),
    [method, arg] as const,
  )
  const answer = result as { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`)
  return answer.value
}

/** The clinic every handout test prints for. */
export const testClinic = { name: 'Riverside Physical Therapy', phone: '(206) 555-0142', layout: 'detailed' }

/** A new active patient with no appointment details; returns their id. */
export async function addPatient(page: Page, fields: Record<string, unknown>): Promise<string> {
  const patient = await callApi<{ id: string }>(page, 'createPatient', {
    status: 'active',
    patientType: 'new',
    appointment: { days: [], timesOfDay: [], coverage: null },
    ...fields,
  })
  return patient.id
}
