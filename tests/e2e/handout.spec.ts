import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pdfText } from '../support/pdf'
import { expect, test } from './fixtures'

test('clinic details, then export a handout from the builder and find it in the patient’s history', async ({ page, bridge, consoleErrors }) => {
  // Two live previews and an export of real PDFs: over a minute on a busy 2-core machine.
  test.slow()
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(`${bridge.url}/#/settings`)
  await page.getByLabel('Clinic name').fill('Riverside Physical Therapy')
  await page.getByLabel('Phone patients should call').fill('(206) 555-0142')
  await page.getByRole('button', { name: 'Add a therapist' }).click()
  await page.getByLabel('Therapist 1 name').fill('Jessica Jones')
  await page.getByLabel('Therapist 1 credentials').fill('PT, DPT')
  await page.getByRole('button', { name: 'Save clinic details' }).click()
  await expect(page.getByText('Clinic details saved.')).toBeVisible()

  const id = await page.evaluate(async () => {
    const api = (window as unknown as { api: { createPatient(a: unknown): Promise<{ value: { id: string } }> } }).api
    const r = await api.createPatient({
      firstName: 'Thị Mai', lastName: 'Nguyễn', therapist: 'Jessica Jones', status: 'active', patientType: 'new', appointment: { days: [], timesOfDay: [], coverage: null },
    })
    return r.value.id
  })
  await page.goto(`${bridge.url}/#/program/${id}`)
  const preview = page.getByTestId('handout-preview')
  await expect(page.getByText('Add an exercise to see the handout.')).toBeVisible()
  await page.getByRole('button', { name: 'Add Clamshells', exact: true }).click()
  // One exercise: the summary and its card, then the log page.
  await expect(preview).toHaveAttribute('data-pages', /^[23]$/)
  const before = Number(await preview.getAttribute('data-pages'))
  for (const name of ['Bridges', 'Hip flexor stretch', 'Prone hip extension']) {
    // The picker lists the best 40 matches: search the way a therapist would.
    await page.getByRole('textbox', { name: 'Find an exercise' }).fill(name)
    await page.getByRole('button', { name: `Add ${name}`, exact: true }).click()
  }
  await expect.poll(async () => Number(await preview.getAttribute('data-pages'))).toBeGreaterThan(before)
  await expect(page.getByRole('img', { name: 'Handout page 1' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/builder-preview.png' })
  for (const name of ['Hip flexor stretch', 'Prone hip extension']) await page.getByRole('button', { name: `Remove ${name}` }).click()
  await page.getByRole('button', { name: 'Export PDF…' }).click()
  await expect(page.getByText('Save the program first')).toBeVisible()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Save program' }).click()
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible()

  await page.getByRole('button', { name: 'Export PDF…' }).click()
  const exportBox = page.getByRole('dialog')
  await exportBox.getByText('Large print', { exact: true }).click()
  await exportBox.getByText('A4', { exact: true }).click()
  await page.getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(page.getByText('Handout saved')).toBeVisible()
  const today = new Date().toISOString().slice(0, 10)
  const file = `Nguyễn_Thị-Mai_Home-program_${today}.pdf`
  expect(bridge.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultName: file })

  const text = await pdfText(await readFile(join(bridge.dataDir, 'exports', file)))
  expect(text.all).toContain('Clamshells')
  expect(text.all.replace(/\s+/g, '')).toContain('Yourtherapist:JessicaJones,PT,DPT')
  expect(Math.round(text.pages[0]!.width)).toBe(595)

  await page.getByRole('link', { name: 'Nguyễn' }).first().click()
  const history = page.getByLabel('Handouts given')
  await expect(history).toContainText('large print, A4')
  await expect(history).toContainText(file)
  expect(consoleErrors).toEqual([])
})
