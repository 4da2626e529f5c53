import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pdfText } from '../support/pdf'
import { addPatient, callApi, expect, test, testClinic } from './fixtures'

test('a patient who reads Spanish: starter template, preview and exported handout in Spanish, recorded as such', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  // A live preview and an export of real PDFs.
  test.slow()
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(`${bridge.url}/#/patients`)
  await callApi(page, 'updateSettings', {
    clinic: {
      ...testClinic,
      closingMessage: 'Call us with any question.',
      translations: { es: { closingMessage: 'Llámenos con cualquier pregunta.' } },
    },
  })
  const id = await addPatient(page, { firstName: 'Rosa', lastName: 'Peña', handoutLanguage: 'es' })
  // The patient's page says which language the handouts print in.
  await page.goto(`${bridge.url}/#/patients/${id}`)
  await expect(page.getByText('Español')).toBeVisible()

  await page.goto(`${bridge.url}/#/program/${id}`)
  await page.getByRole('button', { name: 'Apply a template' }).click()
  await page
    .getByRole('menuitem', { name: /Hip strengthening/ })
    .first()
    .click()
  const preview = page.getByTestId('handout-preview')
  await expect(preview).toHaveAttribute('data-current', 'yes')
  await expect(page.getByRole('radio', { name: 'Español' })).toBeChecked()
  await page.getByRole('button', { name: 'Save program' }).click()
  await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible()

  await page.getByRole('button', { name: 'Export PDF…' }).click()
  await expect(page.getByRole('dialog').getByRole('radio', { name: 'Español' })).toBeChecked()
  await page.getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(page.getByText('Handout saved')).toBeVisible()
  const today = new Date().toISOString().slice(0, 10)
  const file = `RP_Ejercicios-en-casa_${today}.pdf`
  expect(bridge.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultName: file })

  const { all } = await pdfText(await readFile(join(bridge.dataDir, 'exports', file)))
  const text = all.replace(/\s+/g, ' ')
  for (const words of [
    'Sus ejercicios en casa',
    'Cómo usar esta hoja',
    'Almejas',
    'Puente',
    'Cuánto',
    'Llámenos con cualquier pregunta.',
  ])
    expect(text).toContain(words)
  for (const english of ['How to use', 'How much', 'Clamshells', 'Your therapist', 'Page 1', 'times', 'Call us with'])
    expect(text).not.toContain(english)

  await page.getByRole('link', { name: 'Peña' }).first().click()
  await expect(page.getByLabel('Handouts given')).toContainText('Español')
  expect(consoleErrors).toEqual([])
})
