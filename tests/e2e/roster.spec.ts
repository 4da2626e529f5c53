import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { startTestBridge } from '../support/bridge'
import { expect, test } from './fixtures'

test('a therapist adds, finds, edits, archives, restores and deletes a patient, and the data survives a restart', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1360, height: 900 })
  await page.goto(bridge.url)
  await expect(page.getByText('No patients yet')).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/roster-empty.png' })

  // New patient from the keyboard shortcut.
  await page.keyboard.press('n')
  const form = page.getByRole('dialog', { name: 'New patient' })
  await expect(form).toBeVisible()
  await form.getByRole('button', { name: 'Add patient' }).click()
  await expect(form.getByText('Enter a first name.')).toBeVisible()
  await form.getByLabel('First name').fill('Иван')
  await form.getByLabel('Last name').fill('Łukasiewicz-Nguyễn')
  await form.getByLabel('Preferred name').fill('Vanya')
  await form.getByLabel('Date of birth').fill('1956-03-14')
  await form.getByLabel('Chart / MRN number').fill('MRN-77')
  await form.getByLabel('Condition / diagnosis').fill('Lateral hip pain <b>not bold</b>')
  await form.getByLabel('Assigned therapist').fill('Jessica Jones, PT, DPT')
  await form.getByText('Tue', { exact: true }).click()
  await form.getByText('Thu', { exact: true }).click()
  await form.getByText('Morning', { exact: true }).click()
  await form.getByText('Insurance', { exact: true }).click()
  await form.getByRole('textbox', { name: 'Payer name' }).fill('Premera Blue Cross')
  await page.screenshot({ path: 'test-results/screenshots/patient-form.png' })
  await form.getByRole('button', { name: 'Add patient' }).click()

  // The new patient's page.
  await expect(page.getByRole('heading', { name: 'Иван Łukasiewicz-Nguyễn', level: 2 })).toBeVisible()
  await expect(page.getByText('Insurance: Premera Blue Cross')).toBeVisible()
  await expect(page.getByText('Tue, Thu')).toBeVisible()
  await expect(page.getByText('Lateral hip pain <b>not bold</b>')).toBeVisible()

  // A program (saved from the builder), then a new one started from it.
  await page.getByRole('link', { name: 'New program' }).click()
  await page.getByRole('button', { name: 'Add Bridges' }).click()
  await page.getByRole('button', { name: 'Save program' }).click()
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible()
  await page.getByRole('link', { name: 'Иван Łukasiewicz-Nguyễn' }).click()
  await expect(page.getByText('1 exercise', { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'Use as starting point' }).click()
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible()
  await page.getByRole('link', { name: 'Иван Łukasiewicz-Nguyễn' }).click()
  await expect(page.getByText(/ \(2\)$/)).toBeVisible()
  await expect(page.getByText('Previous', { exact: true })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/patient-detail.png', fullPage: true })

  // Find them from the roster by accent-free name, by chart number and by a US-style date of birth.
  await page.getByRole('link', { name: '← All patients' }).click()
  const search = page.getByRole('textbox', { name: 'Search patients' })
  for (const query of ['lukasiewicz', 'mrn77', '03/14/1956', 'ivan'.replace('ivan', 'Иван')]) {
    await search.fill(query)
    await expect(page.getByRole('link', { name: /Łukasiewicz-Nguyễn, Иван/ })).toBeVisible()
  }
  await search.fill('nobody-like-this')
  await expect(page.getByText('No patients match “nobody-like-this”.')).toBeVisible()
  await page.getByRole('button', { name: 'Clear search and filters' }).click()

  // Edit.
  await page.getByRole('link', { name: /Łukasiewicz-Nguyễn, Иван/ }).click()
  await page.getByRole('button', { name: 'Edit' }).click()
  const edit = page.getByRole('dialog')
  await edit.getByLabel('Phone').fill('+1 206 555 0199')
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('+1 206 555 0199')).toBeVisible()

  // Archive: it leaves the active list and appears under Archived; then restore it.
  await page.getByRole('button', { name: 'More', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Archive' }).click()
  await expect(page.getByText('Archived', { exact: true })).toBeVisible()
  await page.getByRole('link', { name: '← All patients' }).click()
  await expect(page.getByText('No patients match these filters.')).toBeVisible()
  await page.getByText('Archived', { exact: true }).click()
  await page.getByRole('link', { name: /Łukasiewicz-Nguyễn, Иван/ }).click()
  await page.getByRole('button', { name: 'More', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Restore from archive' }).click()
  await expect(page.getByText('Active', { exact: true })).toBeVisible()

  // Restart the bridge on the same data folder: everything is still there.
  // Leave the page first: requests still in flight to a stopped server would log connection errors.
  await page.goto('about:blank')
  await bridge.close()
  const again = await startTestBridge(bridge.dataDir)
  try {
    await page.goto(again.url)
    await page.getByRole('link', { name: /Łukasiewicz-Nguyễn, Иван/ }).click()
    await expect(page.getByText('+1 206 555 0199')).toBeVisible()
    await expect(page.getByText(/ \(2\)$/)).toBeVisible()

    // Delete, with a confirmation that names the patient.
    await page.getByRole('button', { name: 'More', exact: true }).click()
    await page.getByRole('menuitem', { name: 'Delete…' }).click()
    const confirm = page.getByRole('dialog', { name: 'Delete Иван Łukasiewicz-Nguyễn?' })
    await confirm.getByRole('button', { name: 'Delete Иван Łukasiewicz-Nguyễn' }).click()
    await expect(page.getByText('No patients yet')).toBeVisible()
    const live = (await readdir(again.dataDir)).filter((name) => name.startsWith('roster'))
    for (const name of live)
      expect(await readFile(join(again.dataDir, name), 'utf8')).not.toContain('Łukasiewicz-Nguyễn')
  } finally {
    await again.close()
  }
  expect(consoleErrors).toEqual([])
})
