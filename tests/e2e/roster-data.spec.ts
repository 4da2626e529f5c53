import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startTestBridge } from '../support/bridge'
import { syntheticPatients } from '../support/patients'
import { expect, test } from './fixtures'

test('importing a large roster: report, pagination, sorting, filters; a second import reports every duplicate', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1360, height: 900 })
  const file = join(bridge.dataDir, 'clinic-roster.json')
  await writeFile(
    file,
    JSON.stringify({ format: 'homeplan-roster-export', schemaVersion: 2, patients: syntheticPatients(1200, 1, 2) }),
  )
  await page.goto(`${bridge.url}/#/settings`)
  bridge.dialogs.answers.open.push(file)
  await page.getByRole('button', { name: 'Import patients…' }).click()
  await expect(page.getByText('1200 patients were added.')).toBeVisible()
  await page.getByRole('button', { name: 'Done' }).click()

  await page
    .getByRole('link', { name: /Patients/ })
    .first()
    .click()
  await expect(page.getByText('1,200 on this computer')).toBeVisible()
  await expect(page.getByRole('button', { name: '22' })).toBeVisible() // 1,090 active patients at 50 a page
  await page.getByRole('button', { name: 'Date of birth' }).click()
  await expect(page.locator('tbody tr').first()).toContainText('1940')
  await page.getByRole('button', { name: 'Date of birth' }).click()
  await expect(page.locator('tbody tr').first()).toContainText('1999')
  await page.getByLabel('Therapist', { exact: true }).first().click()
  await page.getByRole('option', { name: 'Sam Park, PT' }).click()
  await page.getByRole('textbox', { name: 'Search patients' }).fill('garcia')
  await expect(page.locator('tbody tr')).toHaveCount(50)
  await page.screenshot({ path: 'test-results/screenshots/roster-list.png' })

  await page.goto(`${bridge.url}/#/settings`)
  bridge.dialogs.answers.open.push(file)
  await page.getByRole('button', { name: 'Import patients…' }).click()
  await expect(page.getByText('0 patients were added.')).toBeVisible()
  await expect(
    page.getByText('1200 patients were not imported because the chart number is already in use.', { exact: false }),
  ).toBeVisible()
  expect(consoleErrors).toEqual([])
})

test('back up, restore, undo the restore; a damaged patient file is set aside and the newest backup offered', async ({
  page,
  bridge,
}) => {
  await page.setViewportSize({ width: 1360, height: 900 })
  await page.goto(`${bridge.url}/#/patients`)
  const add = async (first: string, chart: string) => {
    await page.getByRole('button', { name: 'New patient' }).click()
    const form = page.getByRole('dialog', { name: 'New patient' })
    await form.getByLabel('First name').fill(first)
    await form.getByLabel('Last name').fill('Kowalska')
    await form.getByLabel('Chart / MRN number').fill(chart)
    await form.getByRole('button', { name: 'Add patient' }).click()
    await expect(page.getByRole('heading', { name: `${first} Kowalska`, level: 2 })).toBeVisible()
    await page.getByRole('link', { name: '← All patients' }).click()
  }
  await add('Ewa', 'K-1')
  await page.getByRole('link', { name: /Settings/ }).click()
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByText('Backed up 1 patient.')).toBeVisible()
  const backups = page.getByRole('table', { name: 'Backups' })
  await expect(backups.getByText('Backed up by you')).toBeVisible()

  await page
    .getByRole('link', { name: /Patients/ })
    .first()
    .click()
  await add('Maja', 'K-2')
  await page.getByRole('link', { name: /Settings/ }).click()
  await backups
    .getByRole('row')
    .filter({ hasText: 'Backed up by you' })
    .getByRole('button', { name: 'Restore…' })
    .click()
  await page.getByRole('dialog').getByRole('button', { name: 'Restore backup' }).click()
  await expect(page.getByText(/Restored the backup from/)).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/settings-data.png', fullPage: true })
  await page.getByRole('button', { name: 'Undo this restore' }).click()
  await expect(page.getByRole('table', { name: 'Backups' }).getByText('Before a restore')).toHaveCount(2)
  await page
    .getByRole('link', { name: /Patients/ })
    .first()
    .click()
  await expect(page.getByRole('link', { name: /Kowalska, Maja/ })).toBeVisible()
  await page.getByRole('link', { name: /Settings/ }).click()
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByText('Backed up 2 patients.')).toBeVisible()

  // Damage the patient file while the app is closed, then open it again.
  // Leave the page first: requests still in flight to a stopped server would log connection errors.
  await page.goto('about:blank')
  await bridge.close()
  await writeFile(join(bridge.dataDir, 'roster.json'), '\0'.repeat(4096))
  const again = await startTestBridge(bridge.dataDir)
  try {
    await page.goto(again.url)
    await expect(page.getByText('Your patient file could not be opened')).toBeVisible()
    await page.screenshot({ path: 'test-results/screenshots/roster-recovery.png' })
    await page.getByRole('button', { name: /Restore the backup from/ }).click()
    await expect(page.getByText('Your patient file could not be opened')).toBeHidden()
    await expect(page.getByRole('link', { name: /Kowalska, Maja/ })).toBeVisible()
  } finally {
    await again.close()
  }
})
