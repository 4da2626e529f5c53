import { readFile } from 'node:fs/promises'
import { addPatient, callApi, expect, test } from './fixtures'

test('opening a patient shows in Settings → Access log, under the therapist chosen as Working as; the log exports as CSV', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  await page.goto(bridge.url)
  await callApi(page, 'updateSettings', { therapists: [{ name: 'Dana Whitfield' }] })
  const id = await addPatient(page, { firstName: 'Maria', lastName: 'Garcia' })

  // Added behind the screens' back: a fresh load lists them, as adding them through the screens would.
  await page.goto(`${bridge.url}/#/settings`)
  await page.reload()
  const workingAs = page.getByRole('combobox', { name: 'Working as' })
  await expect(workingAs).toBeEnabled()
  await workingAs.selectOption('Dana Whitfield')
  await expect(workingAs).toHaveValue('Dana Whitfield')

  await page.goto(`${bridge.url}/#/patients/${id}`)
  await expect(page.getByRole('heading', { name: 'Maria Garcia', level: 2 })).toBeVisible()

  await page.goto(`${bridge.url}/#/settings`)
  const log = page.getByRole('table', { name: 'Access log' })
  await expect(log.locator('tbody tr').first()).toContainText('Dana Whitfield')
  await expect(log.locator('tbody tr').first()).toContainText('Opened')
  await expect(log.locator('tbody tr').first()).toContainText('Maria Garcia')
  await expect(log.locator('tbody tr').nth(1)).toContainText('This computer')
  await expect(log.locator('tbody tr').nth(1)).toContainText('Added')
  // The choice lasts the session, not just the page.
  await expect(page.getByRole('combobox', { name: 'Working as' })).toHaveValue('Dana Whitfield')

  await page.getByRole('button', { name: 'Export as CSV…' }).click()
  await expect(page.getByText(/^Access log saved to /)).toBeVisible()
  const path = bridge.dialogs.asked.at(-1)
  expect(path).toMatchObject({ kind: 'save', defaultName: expect.stringMatching(/^Homeplan_access-log_.*\.csv$/) })
  const csv = await readFile(`${bridge.dataDir}/exports/${path!.defaultName}`, 'utf8').catch(() => '')
  expect(csv).toContain(',Dana Whitfield,viewed,')
  expect(csv).not.toContain('Garcia')
  await page.screenshot({ path: 'test-results/screenshots/access-log.png' })
  expect(consoleErrors).toEqual([])
})
