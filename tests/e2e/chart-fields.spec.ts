import { expect, test } from './fixtures'

test('the chart fields: typed in the form, shown on the page, found by member ID, precautions and weeks since surgery in the builder', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  // The screens' clock only (the bridge keeps the real one): 6 weeks after a surgery on May 4.
  await page.clock.setFixedTime(new Date('2026-06-15T10:00:00'))
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto(bridge.url)
  await expect(page.getByText('No patients yet')).toBeVisible()

  await page.keyboard.press('n')
  const form = page.getByRole('dialog', { name: 'New patient' })
  await form.getByLabel('First name').fill('Maria')
  await form.getByLabel('Last name').fill('Gomez')
  const chart = form.getByRole('group', { name: 'Chart' })
  await chart.getByLabel('Date of surgery or onset').fill('2026-05-04')
  await chart.getByLabel('Next appointment').fill('2026-07-01')
  await chart.getByLabel('Insurance member ID').fill('XJH 123-456')
  await chart.getByLabel('Authorised visits').fill('12')
  await chart.getByLabel('Precautions / contraindications').fill('No hip flexion past 90°.')
  await form.getByRole('button', { name: 'Add patient' }).click()

  await expect(page.getByRole('heading', { name: 'Maria Gomez', level: 2 })).toBeVisible()
  await expect(page.getByText('Surgery: May 4, 2026')).toBeVisible()
  await expect(page.getByText('Jul 1, 2026')).toBeVisible()
  await expect(page.getByText('XJH 123-456')).toBeVisible()
  await expect(page.getByText('No hip flexion past 90°.')).toBeVisible()

  await page.getByRole('link', { name: 'New program' }).click()
  await expect(page.getByTestId('precautions')).toContainText('Precautions: No hip flexion past 90°.')
  await expect(page.getByText('6 weeks since surgery')).toBeVisible()

  await page.getByRole('link', { name: 'Maria Gomez' }).click()
  await page.getByRole('link', { name: '← All patients' }).click()
  await page.getByRole('textbox', { name: 'Search patients' }).fill('xjh123456')
  await expect(page.getByRole('link', { name: 'Gomez, Maria' })).toBeVisible()
  expect(consoleErrors).toEqual([])
})
