import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'

/** Excel on a Spanish Windows: Windows-1252, semicolons, day-first dates, a note over two lines. */
const clinicCsv = Buffer.from(
  [
    'Given;Apellidos;Fecha de nacimiento;Nº historia;Notas',
    'José;Peña;14/03/1956;H-1;"Rodilla derecha\r\ndesde marzo"',
    'María;Ibáñez;02/11/1961;H-2;',
    'Luis;Gil;31/02/1960;H-3;',
  ].join('\r\n'),
  'latin1',
)

test('import a CSV with a mapping and a dry run, undo it, import it again', async ({ page, bridge, consoleErrors }) => {
  await page.setViewportSize({ width: 1360, height: 900 })
  const file = join(bridge.dataDir, 'clinica.csv')
  await writeFile(file, clinicCsv)
  await page.goto(`${bridge.url}/#/patients`)
  await expect(page.getByText('No patients yet')).toBeVisible()

  const importFile = async () => {
    bridge.dialogs.answers.open.push(file)
    await page.getByRole('button', { name: 'CSV' }).click()
    await page.getByRole('menuitem', { name: 'Import from CSV…' }).click()
    const mapping = page.getByRole('dialog', { name: 'Import from CSV: match the columns' })
    await expect(mapping.getByText('clinica.csv: 3 rows (windows-1252).', { exact: false })).toBeVisible()
    await expect(mapping.getByRole('cell', { name: 'Peña' })).toBeVisible()
    return mapping
  }

  const mapping = await importFile()
  // "Given" is not a header Homeplan knows: the first name is chosen by hand.
  await expect(mapping.getByRole('button', { name: 'Check the rows' })).toBeDisabled()
  await mapping.getByLabel('Field for column Given').click()
  await page.getByRole('option', { name: 'First name' }).click()
  await page.screenshot({ path: 'test-results/screenshots/csv-mapping.png' })
  await mapping.getByRole('button', { name: 'Check the rows' }).click()

  const report = page.getByRole('dialog', { name: 'Import from CSV: what will happen' })
  await expect(report.getByText('2 new patients')).toBeVisible()
  await expect(
    report.getByText('Row 5 · Luis Gil: skipped: date of birth “31/02/1960” is not a real calendar date'),
  ).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/csv-dry-run.png' })
  await report.getByRole('button', { name: 'Import 2 patients' }).click()
  await expect(page.getByText('Imported from CSV: 2 new, 0 updated, 1 skipped.')).toBeVisible()
  await expect(page.getByRole('link', { name: /Peña, José/ })).toBeVisible()

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('The import was undone: the roster is back as it was before it.')).toBeVisible()
  await expect(page.getByText('No patients yet')).toBeVisible()

  // Again: the mapping chosen last time is offered, so the rows can be checked at once.
  const again = await importFile()
  await again.getByRole('button', { name: 'Check the rows' }).click()
  await expect(report.getByText('2 new patients')).toBeVisible()
  await report.getByRole('button', { name: 'Import 2 patients' }).click()
  await expect(page.getByText('Imported from CSV: 2 new, 0 updated, 1 skipped.')).toBeVisible()
  await page.getByRole('link', { name: /Peña, José/ }).click()
  await expect(page.getByRole('heading', { name: 'José Peña', level: 2 })).toBeVisible()
  await expect(page.getByText('desde marzo')).toBeVisible()
  expect(consoleErrors).toEqual([])
})
