import { addPatient, expect, test } from './fixtures'

test('after the idle time set in Settings the window shows no patient, and the clinic PIN brings the patient back', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  // The page's own clock: time flows as usual until the test moves it on.
  await page.clock.install()
  await page.goto(bridge.url)
  const id = await addPatient(page, { firstName: 'Dolores', lastName: 'Abernathy-Quispe' })

  // Settings: the lock needs a PIN first, then the idle time can be chosen.
  await page.getByRole('link', { name: /Settings/ }).click()
  const lockAfter = page.getByRole('radiogroup', { name: 'Lock after' })
  await expect(page.getByText(/Locking needs a clinic PIN first/)).toBeVisible()
  await page.getByLabel('Clinic PIN (4–12 digits)').fill('730519')
  await page.getByLabel('Repeat the PIN').fill('730519')
  await page.getByRole('button', { name: 'Set PIN' }).click()
  await expect(page.getByText('Clinic PIN saved.')).toBeVisible()
  await lockAfter.getByText('5 minutes').click()
  await expect(lockAfter.getByRole('radio', { name: '5 minutes' })).toBeChecked()

  // A patient open on screen, then nobody touches the computer for over five minutes.
  await page.goto(`${bridge.url}/#/patients/${id}`)
  const heading = page.getByRole('heading', { name: 'Dolores Abernathy-Quispe', level: 2 })
  await expect(heading).toBeVisible()
  await page.clock.runFor(4 * 60_000)
  await expect(heading).toBeVisible()
  await page.clock.runFor(60_000 + 1000)

  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible()
  const body = await page.evaluate(() => document.body.innerHTML + document.body.textContent + document.title)
  expect(body).not.toContain('Dolores')
  expect(body).not.toContain('Abernathy')
  expect(await page.title()).toBe('Homeplan')
  await page.screenshot({ path: 'test-results/screenshots/lock-screen.png' })

  await page.getByLabel('Clinic PIN').fill('111111')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByText('That is not the clinic PIN.')).toBeVisible()
  await page.getByLabel('Clinic PIN').fill('730519')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(heading).toBeVisible()
  expect(page.url()).toContain(`#/patients/${id}`)
  expect(consoleErrors).toEqual([])
})
