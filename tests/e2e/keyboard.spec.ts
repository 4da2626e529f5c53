import type { Page } from '@playwright/test'
import { seedExerciseIds } from '../support/seed'
import { addPatient, callApi, expect, test } from './fixtures'

/** The seed's hip program, each exercise found by typing its name (the names are not counted as keystrokes). */
const seedProgram = [
  ['clamshells', 'Clamshells'],
  ['reverse clamshells', 'Reverse clamshells'],
  ['hip flexor stretch', 'Hip flexor stretch'],
  ['side-lying hip abduction', 'Side-lying hip abduction'],
  ['prone hip extension', 'Prone hip extension'],
  ['bridges', 'Bridges'],
] as const

/** Presses keys as a user does, and counts them (a chord such as Control+S is one press). */
function keyboard(page: Page) {
  let presses = 0
  return {
    press: async (key: string, times = 1) => {
      for (let i = 0; i < times; i++) await page.keyboard.press(key)
      presses += times
    },
    type: (text: string) => page.keyboard.type(text),
    get presses() {
      return presses
    },
  }
}

test('builds the seed’s six-exercise program without the mouse, in at most 60 keys plus the names', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  test.slow()
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(bridge.url)
  const id = await addPatient(page, { firstName: 'Rosa', lastName: 'Peña' })
  await page.goto(`${bridge.url}/#/patients/${id}`)
  const keys = keyboard(page)

  // The patient's page opens with the next step focused; Enter opens the builder with the search focused.
  await expect(page.getByRole('link', { name: 'New program' })).toBeFocused()
  await keys.press('Enter')
  const search = page.getByRole('textbox', { name: 'Find an exercise' })
  await expect(search).toBeFocused()

  for (const [i, [query, name]] of seedProgram.entries()) {
    await keys.type(query)
    await keys.press('Enter')
    const card = page.locator(`[aria-label="${i + 1}. ${name}"]`)
    // Enter adds it and moves to its first dose field.
    await expect(card.getByLabel(`Sets (${name})`)).toBeFocused()
    if (name === 'Bridges') {
      // The bridge's progression: 2 sets, hold 5 s. Tab runs along the compact row.
      await keys.press('2')
      await keys.press('Tab')
      await expect(card.getByLabel(`Reps from (${name})`)).toBeFocused()
      await keys.press('Tab', 2)
      await expect(card.getByLabel(`Hold (s) (${name})`)).toBeFocused()
      await keys.press('5')
      await keys.press('Tab')
      await expect(card.getByLabel(`Times a day (${name})`)).toBeFocused()
      await keys.press('Tab')
      await expect(card.getByLabel(`Side (${name})`)).toBeFocused()
      await expect(card.getByTestId('dosage-line')).toHaveText('2 sets × 10–15 reps · hold 5 s · 1× daily')
    } else {
      await keys.press('ControlOrMeta+f')
      await expect(search).toBeFocused()
    }
  }

  // Save from wherever the focus is; then Export PDF… opens from the keyboard too.
  await keys.press('ControlOrMeta+s')
  await expect(page.getByRole('button', { name: 'Saved' })).toBeDisabled()
  // Saved and unchanged: another Ctrl+S makes no new revision, as the disabled Save button would not.
  await page.keyboard.press('ControlOrMeta+s')
  await page.waitForLoadState('networkidle')
  await keys.press('ControlOrMeta+e')
  await expect(page.getByRole('button', { name: 'Save as PDF…' })).toBeVisible()

  // 16 today: Enter to the builder, Enter and Ctrl+F per exercise, the bridge's 2 digits and 5 Tabs, save, export.
  test.info().annotations.push({ type: 'keystrokes', description: String(keys.presses) })
  expect(keys.presses).toBeLessThanOrEqual(60)
  const patient = await callApi<{
    programs: { revision: number; items: { exerciseId: string; dosage: unknown }[] }[]
  }>(page, 'getPatient', { id })
  expect(patient.programs[0]!.revision).toBe(1)
  const items = patient.programs[0]!.items
  expect(items.map((item) => item.exerciseId)).toEqual(seedExerciseIds)
  expect(items[0]!.dosage).toEqual({ reps: { min: 10, max: 15 }, holdSeconds: 5, timesPerDay: 1, side: 'both' })
  expect(items[5]!.dosage).toEqual({ sets: 2, reps: { min: 10, max: 15 }, holdSeconds: 5, timesPerDay: 1 })
  expect(consoleErrors).toEqual([])
})
