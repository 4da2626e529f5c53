import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pdfText } from '../support/pdf'
import { addPatient, callApi, closeDialogs, expect, test, testClinic } from './fixtures'

test('library: search, favourites, my usual dosage, my own version of a built-in, templates', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(`${bridge.url}/#/library`)
  const search = page.getByRole('textbox', { name: 'Search exercises' })
  await search.fill('glute bridge')
  await expect(page.locator('[role="button"][aria-label]').first()).toHaveAttribute('aria-label', 'Bridges')

  // Favourite, then show favourites only.
  await page.getByRole('button', { name: 'Add Bridges to favourites' }).click()
  await search.fill('')
  await page.getByRole('switch', { name: 'Favourites' }).click({ force: true })
  await expect(page.locator('[role="button"][aria-label]')).toHaveCount(1)
  await page.getByRole('switch', { name: 'Favourites' }).click({ force: true })

  // My usual dosage for a built-in exercise.
  await page.getByRole('button', { name: 'Bridges', exact: true }).click()
  const drawer = page.getByRole('dialog')
  await drawer.getByRole('button', { name: 'Change' }).click()
  await drawer.getByLabel('Sets', { exact: true }).fill('3')
  await drawer.getByRole('button', { name: 'Save as my usual dosage' }).click()
  await expect(drawer.getByText('3 sets × 10–15 reps · 1× daily')).toBeVisible()
  await closeDialogs(page)

  // My own version of Clamshells; the built-in stays as it is.
  await page.getByRole('button', { name: 'Clamshells', exact: true }).click()
  await page.getByRole('button', { name: 'Make my own version' }).click()
  const form = page.getByRole('dialog', { name: /Edit Clamshells \(my version\)/ })
  await form.getByRole('textbox', { name: /^Name/ }).fill('Clamshells with band')
  await form
    .getByLabel('Steps, one per line')
    .fill('Put a band around your thighs.\nLie on your side with knees bent.\nOpen your top knee against the band.')
  await form.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('dialog').getByText('Put a band around your thighs.')).toBeVisible()
  await closeDialogs(page)
  await search.fill('clamshells')
  await expect(page.getByRole('button', { name: 'Clamshells with band', exact: true })).toContainText('Yours')
  await page.getByRole('button', { name: 'Clamshells', exact: true }).click()
  await expect(
    page.getByRole('dialog').getByText('Keeping your feet touching, lift your top knee toward the ceiling.'),
  ).toBeVisible()
  await closeDialogs(page)

  // Templates: rename and delete from the library page.
  await page.evaluate(() =>
    (window as unknown as { api: { saveTemplate(a: unknown): Promise<unknown> } }).api.saveTemplate({
      template: { name: 'Hip week 1', folder: 'Hip', items: [{ exerciseId: 'bridges', dosage: { sets: 2 } }] },
    }),
  )
  await page.reload()
  await page.getByRole('button', { name: 'Edit template Hip week 1' }).click()
  await page.getByRole('dialog').getByLabel('Template name').fill('Hip, first week')
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('table', { name: 'Program templates' }).getByText('Hip, first week')).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/library-templates.png', fullPage: true })
  await page.getByRole('button', { name: 'Delete template Hip, first week' }).click()
  await page.getByRole('button', { name: 'Delete template', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Program templates' })).toBeHidden()
  expect(consoleErrors).toEqual([])
})

test('a video link set in the library prints on the handout of a program that has the exercise', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  test.slow()
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(`${bridge.url}/#/library`)
  await page.getByRole('textbox', { name: 'Search exercises' }).fill('clamshells')
  await page.getByRole('button', { name: 'Clamshells', exact: true }).click()
  const drawer = page.getByRole('dialog')
  await drawer.getByRole('textbox', { name: /^Video link for handouts/ }).fill('riversidept.example/v/clamshells')
  await drawer.getByRole('button', { name: 'Save link' }).click()
  await expect(drawer.getByText('Use a web address starting with https:// or http://')).toBeVisible()
  await drawer
    .getByRole('textbox', { name: /^Video link for handouts/ })
    .fill('https://riversidept.example/v/clamshells')
  await drawer.getByRole('button', { name: 'Save link' }).click()
  await expect(
    drawer.getByText('Saved. Handouts print a QR code and riversidept.example/v/clamshells under the picture.'),
  ).toBeVisible()
  await closeDialogs(page)

  await callApi(page, 'updateSettings', { clinic: testClinic, openAfterExport: false })
  const id = await addPatient(page, { firstName: 'Ana', lastName: 'Silva' })
  await page.goto(`${bridge.url}/#/program/${id}`)
  await page.getByRole('button', { name: 'Add Clamshells', exact: true }).click()
  await page.getByRole('button', { name: 'Save program' }).click()
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible()
  await page.getByRole('button', { name: 'Export PDF…' }).click()
  await page.getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(page.getByText('Handout saved', { exact: true })).toBeVisible()
  const file = bridge.dialogs.asked.at(-1)!.defaultName!
  const text = await pdfText(await readFile(join(bridge.dataDir, 'exports', file)))
  expect(text.all.replace(/\s+/g, '')).toContain('riversidept.example/v/clamshells')
  expect(consoleErrors).toEqual([])
})
