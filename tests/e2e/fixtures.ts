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
