import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { pdfText } from '../support/pdf'
import { addPatient, callApi, expect, test, testClinic } from './fixtures'

test('clinic details, then export a handout from the builder and find it in the patient’s history', async ({
  page,
  bridge,
  consoleErrors,
}) => {
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

  const id = await addPatient(page, { firstName: 'Thị Mai', lastName: 'Nguyễn', therapist: 'Jessica Jones' })
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
  // Each page is a canvas pdf.js drew on (dark pixels: the text), showing the page its key names.
  const first = page.getByRole('img', { name: /^Page 1 of \d+$/ })
  await expect(first).toBeVisible()
  await expect
    .poll(async () => (await first.getAttribute('data-drawn')) === (await first.getAttribute('data-key')))
    .toBe(true)
  const inked = await first.evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let dark = 0
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++
    return dark
  })
  expect(inked).toBeGreaterThan(1000)
  await page.screenshot({ path: 'test-results/screenshots/builder-preview.png' })
  for (const name of ['Hip flexor stretch', 'Prone hip extension'])
    await page.getByRole('button', { name: `Remove ${name}` }).click()
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
  const file = `TN_Home-program_${today}.pdf`
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

test('a changed dose shows in the builder as changed since the handout; the past handout is saved again byte for byte', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  test.slow()
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(`${bridge.url}/#/patients`)
  await callApi(page, 'updateSettings', { clinic: testClinic, openAfterExport: false })
  const patientId = await addPatient(page, { firstName: 'Anna', lastName: 'Łukasiewicz' })
  const items = [
    { id: 'item-000001', exerciseId: 'bridges', dosage: { sets: 2, reps: { min: 10, max: 10 } } },
    { id: 'item-000002', exerciseId: 'clamshells', dosage: { sets: 2, reps: { min: 15, max: 15 }, side: 'both' } },
  ]
  const saved = await callApi<{ programs: { id: string }[] }>(page, 'saveProgram', {
    patientId,
    program: { title: 'Hip strength', status: 'current', items },
  })
  const programId = saved.programs[0]!.id
  await page.goto(`${bridge.url}/#/program/${patientId}/${programId}`)
  await page.getByRole('button', { name: 'Export PDF…' }).click()
  await page.getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(page.getByText('Handout saved', { exact: true })).toBeVisible()
  // Closes the export box, so the builder's notice can be seen.
  await page.getByRole('button', { name: 'Export PDF…' }).click()
  await expect(page.getByRole('button', { name: 'Save as PDF…' })).toBeHidden()
  await expect(page.getByText(/^Matches the handout printed on /)).toBeVisible()

  await page.getByRole('textbox', { name: 'Sets (Bridges)' }).fill('3')
  await page.getByRole('textbox', { name: 'Reps from (Clamshells)' }).fill('12')
  await page.getByRole('textbox', { name: 'Reps to (Clamshells)' }).fill('12')
  const notice = page.getByRole('status').filter({ hasText: 'Changed since the handout printed on' })
  await expect(notice).toContainText('Bridges: 2 → 3 sets')
  await expect(notice).toContainText('Clamshells: 15 → 12 times')
  await page.screenshot({ path: 'test-results/screenshots/builder-changed-since.png' })

  await page.getByRole('button', { name: 'Save program' }).click()
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible()
  await page.goto(`${bridge.url}/#/patients/${patientId}`)
  const row = page.getByLabel('Handouts given').getByRole('group')
  await expect(row).toHaveCount(1)
  const file = (await row.textContent())!.match(/\S+\.pdf/)![0]
  const path = join(bridge.dataDir, 'exports', file)
  const original = await readFile(path)
  await rm(path)
  await row.getByRole('button', { name: 'Save again' }).click()
  await expect(page.getByText('Handout saved again, exactly as given')).toBeVisible()
  const again = await readFile(path)
  expect(again.equals(original)).toBe(true)
  expect((await pdfText(again)).all).toContain('Riverside Physical Therapy')
  await row.getByRole('button', { name: 'Show in folder' }).click()
  await expect(page.getByText('The handout is saved here')).toBeVisible()
  await expect(row).toHaveCount(1)
  await page.screenshot({ path: 'test-results/screenshots/patient-handout-history.png' })
  expect(consoleErrors).toEqual([])
})
