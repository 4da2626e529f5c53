import type { Page } from '@playwright/test'
import { addPatient, closeDialogs, expect, test } from './fixtures'

const card = (page: Page, label: string) => page.locator(`[aria-label="${label}"]`)

test('build a program by keyboard, click and drag handle; save, reload, template to a second patient', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(bridge.url)
  const first = await addPatient(page, { firstName: 'Zofia', lastName: 'Łukasiewicz', patientType: 'existing' })
  const second = await addPatient(page, { firstName: 'Minh', lastName: 'Nguyễn', patientType: 'existing' })

  await page.goto(`${bridge.url}/#/patients/${first}`)
  await page.getByRole('link', { name: 'New program' }).click()
  await expect(page.getByText('Program for Zofia Łukasiewicz')).toBeVisible()

  // "clam" + Enter adds the best match, Clamshells; Bridges by its Add button.
  const find = page.getByRole('textbox', { name: 'Find an exercise' })
  await find.fill('clam')
  await find.press('Enter')
  await expect(card(page, '1. Clamshells')).toBeVisible()
  await page.getByRole('button', { name: 'Add Bridges' }).click()
  await expect(card(page, '2. Bridges')).toBeVisible()

  // 2 × 10–15 reps, hold 5 s for bridges.
  const bridges = card(page, '2. Bridges')
  await bridges.getByLabel('Sets (Bridges)').fill('2')
  await bridges.getByLabel('Reps from (Bridges)').fill('10')
  await bridges.getByLabel('Reps to (Bridges)').fill('15')
  await bridges.getByLabel('Hold (s) (Bridges)').fill('5')
  await expect(bridges.getByTestId('dosage-line')).toHaveText('2 sets × 10–15 reps · hold 5 s · 1× daily')

  // A bad value is flagged and the program cannot be saved with it.
  await bridges.getByLabel('Hold (s) (Bridges)').fill('900')
  await expect(bridges.getByText('A hold can be at most 10 minutes.')).toBeVisible()
  await bridges.getByLabel('Hold (s) (Bridges)').fill('5')

  // Move Bridges to the top with the keyboard.
  // Each key waits for dnd-kit's screen-reader announcement, so a slow machine cannot outrun the sensor.
  const announced = page.locator('[id^="DndLiveRegion"]')
  await page.getByRole('button', { name: 'Move Bridges', exact: true }).focus()
  await page.keyboard.press('Space')
  await expect(announced).toContainText(/Picked up Bridges|Bridges is over position 2 of 2/)
  await page.keyboard.press('ArrowUp')
  await expect(announced).toContainText('Bridges is over position 1 of 2.')
  await page.keyboard.press('Space')
  await expect(announced).toContainText('Bridges was dropped at position 1 of 2.')
  await expect(card(page, '1. Bridges')).toBeVisible()
  await expect(card(page, '2. Clamshells')).toBeVisible()

  // Change one step for this patient only.
  const clams = card(page, '2. Clamshells')
  // Behind the card's "More", with the other dose fields and the note.
  await clams.getByRole('button', { name: 'More', exact: true }).click()
  await clams.getByRole('button', { name: 'Change the steps for this patient' }).click()
  await clams
    .getByLabel('Steps for this patient (Clamshells)')
    .fill('Lie on your left side only.\nLift your knee a hand’s width.')
  await expect(clams.getByText('Instructions changed for this patient')).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/builder.png', fullPage: true })

  await page.getByRole('button', { name: 'Save program' }).click()
  await expect(page).toHaveURL(/#\/program\/[^/]+\/[^/]+$/)
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible()

  // Reload: everything is as saved.
  await page.reload()
  await expect(card(page, '1. Bridges').getByTestId('dosage-line')).toHaveText(
    '2 sets × 10–15 reps · hold 5 s · 1× daily',
  )
  await expect(card(page, '2. Clamshells').getByLabel('Steps for this patient (Clamshells)')).toHaveValue(
    'Lie on your left side only.\nLift your knee a hand’s width.',
  )
  await expect(page.getByText('Your unsaved changes were kept')).toBeHidden()

  // The library entry itself is untouched.
  await page.goto(`${bridge.url}/#/library`)
  await page.getByRole('textbox', { name: 'Search exercises' }).fill('clamshells')
  await page.getByRole('button', { name: 'Clamshells', exact: true }).click()
  await expect(page.getByText('Keeping your feet touching, lift your top knee toward the ceiling.')).toBeVisible()
  await closeDialogs(page)

  // Save as a template, then apply it to the second patient.
  await page.goBack()
  await page.getByRole('button', { name: 'Save as template…' }).click()
  await page.getByLabel('Template name').fill('Hip strengthening')
  await page.getByLabel('Folder').fill('Hip')
  await page.getByRole('button', { name: 'Save template' }).click()
  await expect(page.getByText('Saved the template “Hip strengthening”.')).toBeVisible()

  await page.goto(`${bridge.url}/#/program/${second}`)
  await expect(page.getByText('Program for Minh Nguyễn')).toBeVisible()
  await page.getByRole('button', { name: 'Apply a template' }).click()
  // The saved template, not the starter template of the same name.
  await page
    .getByRole('menuitem', { name: /Hip strengthening/ })
    .first()
    .click()
  await expect(card(page, '1. Bridges').getByTestId('dosage-line')).toHaveText(
    '2 sets × 10–15 reps · hold 5 s · 1× daily',
  )
  await expect(card(page, '2. Clamshells').getByText('Instructions changed for this patient')).toBeVisible()
  await card(page, '1. Bridges').getByLabel('Sets (Bridges)').fill('3')
  await page.getByRole('button', { name: 'Save program' }).click()
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible()

  await page.goto(`${bridge.url}/#/patients/${second}`)
  await expect(page.getByText('1. Bridges — 3 sets × 10–15 reps · hold 5 s · 1× daily')).toBeVisible()
  await page.goto(`${bridge.url}/#/library`)
  await expect(page.getByRole('button', { name: 'Clamshells', exact: true })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/library.png' })
  expect(consoleErrors).toEqual([])
})

test('unsaved work survives leaving the builder and is offered back', async ({ page, bridge }) => {
  await page.goto(bridge.url)
  const id = await addPatient(page, { firstName: 'Ola', lastName: 'Nowak', patientType: 'existing' })
  await page.goto(`${bridge.url}/#/program/${id}`)
  await page.getByRole('button', { name: 'Add Bridges' }).click()
  await expect(page.getByText('Unsaved changes (kept as a draft)')).toBeVisible()
  await page.goto(`${bridge.url}/#/patients`)
  await page.goto(`${bridge.url}/#/program/${id}`)
  await expect(page.getByText('Your unsaved changes were kept')).toBeVisible()
  await expect(card(page, '1. Bridges')).toBeVisible()
  // Removing can be undone.
  await page.getByRole('button', { name: 'Remove Bridges' }).click()
  await expect(card(page, '1. Bridges')).toBeHidden()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(card(page, '1. Bridges')).toBeVisible()
})
