import { fromWire } from '../../electron/bridge/server'
import type { PreviewResult } from '../../src/core/contract'
import { previewText } from '../support/pdf'
import { addPatient, callApi, expect, test, testClinic } from './fixtures'

test('pose a custom exercise in the editor, save it, add it to a program and see its diagram in the handout preview', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(`${bridge.url}/#/library`)
  // Start from my own copy of a built-in (its regions and steps filled in), then pose a new figure for it.
  await page.getByRole('button', { name: 'Clamshells', exact: true }).click()
  await page.getByRole('button', { name: 'Make my own version' }).click()
  const form = page.getByRole('dialog', { name: /Edit Clamshells \(my version\)/ })
  await form.getByRole('textbox', { name: /^Name/ }).fill('Standing knee lift')
  await form
    .getByLabel('Steps, one per line')
    .fill('Stand tall and hold a counter.\nLift one knee up to hip height.\nLower it slowly.')
  await form.getByRole('button', { name: 'Remove the diagram' }).click()
  await form.getByRole('button', { name: 'Add a diagram' }).click()
  await form.getByLabel('Figure position').click()
  await page.getByRole('option', { name: 'Standing' }).click()
  await form.getByLabel('Drawn for side').first().click()
  await page.getByRole('option', { name: 'Right' }).click()
  await form.getByRole('radio', { name: 'End pose' }).check({ force: true })
  await form.getByRole('radio', { name: 'Right leg' }).check({ force: true })
  // Out of range: drawn clamped, with a note that says so.
  const knee = form.getByRole('textbox', { name: /^Right knee: flexion \d+° \(number\)$/ })
  await knee.fill('170')
  await expect(form.getByText('Right knee flexion: 170° is outside 0° to 145°; drawn at 145°.')).toBeVisible()
  await form.getByRole('textbox', { name: /^Right knee: flexion \d+° \(number\)$/ }).fill('90')
  await form.getByRole('textbox', { name: /^Right hip: flexion \d+° \(number\)$/ }).fill('90')
  await expect(form.getByText(/is outside/)).toBeHidden()
  // Or drag a joint in the picture: pulling the right elbow forward and up raises the arm (shoulder flexion).
  await form.getByText('Right arm', { exact: true }).click()
  await expect(form.getByText('Right shoulder: flexion 0°')).toBeVisible()
  const elbow = await form.locator('circle[aria-label="Drag Right elbow"]').boundingBox()
  await page.mouse.move(elbow!.x + elbow!.width / 2, elbow!.y + elbow!.height / 2)
  await page.mouse.down()
  await page.mouse.move(elbow!.x + 45, elbow!.y - 30, { steps: 6 })
  await page.mouse.up()
  await expect(form.getByText(/^Right shoulder: flexion ([4-9]\d|1\d\d)°$/)).toBeVisible()
  await expect(form.getByRole('img', { name: 'Standing knee lift, side view' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/pose-editor.png' })
  await form.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('dialog').getByRole('img', { name: 'Standing knee lift, side view' })).toBeVisible()

  await callApi(page, 'updateSettings', { clinic: testClinic })
  const id = await addPatient(page, { firstName: 'Ada', lastName: 'Okafor' })
  await page.goto(`${bridge.url}/#/program/${id}`)
  const preview = page.waitForResponse((r) => r.url().endsWith('/api/previewHandout') && r.ok())
  await page.getByRole('textbox', { name: 'Find an exercise' }).fill('knee lift')
  await page.getByRole('button', { name: 'Add Standing knee lift', exact: true }).click()
  await expect(page.getByRole('img', { name: 'Standing knee lift, side view' })).toBeVisible()
  const reply = fromWire(await (await preview).text()) as { ok: boolean; value: PreviewResult }
  expect(reply, JSON.stringify(reply).slice(0, 300)).toMatchObject({ ok: true })
  // The card's picture is the diagram, in numbered frames with their caption.
  const text = (await previewText(reply.value)).all
  expect(text).toContain('1 Start')
  expect(text).toContain('2 Finish')
  await expect(page.getByRole('img', { name: /^Page 1 of \d+$/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/builder-diagram.png' })
  expect(consoleErrors).toEqual([])
})
