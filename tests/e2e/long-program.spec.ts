import { addPatient, callApi, expect, test } from './fixtures'

/** 25 different exercises, each with a plain dosage: the long program a clinic's post-op protocol can be. */
async function libraryIds(page: import('@playwright/test').Page): Promise<{ id: string; name: string }[]> {
  const library = await callApi<{ exercises: { id: string; name: string }[] }>(page, 'getLibrary')
  return library.exercises.slice(0, 25).map(({ id, name }) => ({ id, name }))
}

test('a 25-exercise program: the outline jumps to a card, cards collapse, the library and preview stay in view', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  test.slow()
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(bridge.url)
  const patient = await addPatient(page, { firstName: 'Ana', lastName: 'Ruiz' })
  const exercises = await libraryIds(page)
  const saved = await callApi<{ programs: { id: string }[] }>(page, 'saveProgram', {
    patientId: patient,
    program: {
      title: 'Post-op protocol',
      status: 'current',
      items: exercises.map(({ id }, i) => ({
        id: `item-${String(i).padStart(6, '0')}`,
        exerciseId: id,
        dosage: { sets: 2, reps: { min: 10, max: 10 } },
      })),
    },
  })
  await page.goto(`${bridge.url}/#/program/${patient}/${saved.programs[0]!.id}`)
  const last = exercises[24]!
  const lastCard = page.locator(`[aria-label="25. ${last.name}"]`)
  await expect(lastCard).toBeAttached({ timeout: 60_000 })

  // The outline jumps to the 25th card and puts the cursor in its first field.
  const outline = page.getByRole('navigation', { name: 'Outline' })
  await outline.getByRole('button', { name: `Go to ${last.name}` }).click()
  await expect(lastCard.getByLabel(`Sets (${last.name})`)).toBeFocused()
  await expect(lastCard).toBeInViewport()

  // Scrolled down there, the library's search and the preview are still on the screen beside the list.
  await expect(page.getByRole('textbox', { name: 'Find an exercise' })).toBeInViewport()
  await expect(page.getByText('Handout preview')).toBeInViewport()

  // Collapse all: each card one line that still says its dose; the whole list much shorter.
  const listHeight = async () =>
    page.evaluate(() => document.querySelector('[data-item-id]')!.parentElement!.getBoundingClientRect().height)
  const open = await listHeight()
  await page.getByRole('button', { name: 'Collapse all' }).click()
  await expect(page.getByRole('textbox', { name: /^Sets \(/ })).toHaveCount(0)
  await expect(lastCard.getByText('2 sets × 10 reps')).toBeVisible()
  expect(await listHeight()).toBeLessThan(open / 2)

  // Moved up from the outline, the last exercise is 24th, in the list and in the saved program.
  await outline.getByRole('button', { name: `Move ${last.name} up` }).click()
  await expect(page.locator(`[aria-label="24. ${last.name}"]`)).toBeVisible()
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('button', { name: 'Saved' })).toBeDisabled()
  const stored = await callApi<{ programs: { items: { exerciseId: string }[] }[] }>(page, 'getPatient', {
    id: patient,
  })
  expect(stored.programs[0]!.items[23]!.exerciseId).toBe(last.id)
  expect(consoleErrors).toEqual([])
})
