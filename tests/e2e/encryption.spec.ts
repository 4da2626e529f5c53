import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { removeDataDir, startTestBridge } from '../support/bridge'
import { patientInput } from '../support/patients'
import { expect, test } from './fixtures'

const PASSPHRASE = 'blue heron quiet river'

/** Every file's bytes under `dir` that hold `text` in the clear. */
async function filesHolding(dir: string, text: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      if ((await readFile(path)).includes(Buffer.from(text))) found.push(path)
    }
  return found
}

test('turn on encryption in Settings; started again, only the passphrase opens the roster', async ({ page }) => {
  const first = await startTestBridge()
  const dir = first.dataDir
  try {
    await page.goto(first.url)
    await page.evaluate((input) => window.api!.createPatient(input), patientInput({ lastName: 'Quintanilla' }))
    await page.goto(`${first.url}/#/settings`)
    await page.getByRole('button', { name: 'Turn on encryption…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Encrypt the data folder' })
    await expect(dialog.getByText('A lost passphrase cannot be recovered')).toBeVisible()
    await dialog.getByLabel('Clinic passphrase').fill(PASSPHRASE)
    await dialog.getByLabel('Type it again').fill(PASSPHRASE)
    await dialog.getByRole('checkbox', { name: /a lost passphrase means/ }).check()
    await dialog.getByRole('button', { name: 'Encrypt' }).click()
    await expect(page.getByText('The data folder is encrypted.')).toBeVisible({ timeout: 20_000 })
  } finally {
    await first.close()
  }
  expect(await filesHolding(dir, 'Quintanilla')).toEqual([])

  const again = await startTestBridge(dir)
  try {
    await page.goto(again.url)
    const field = page.getByLabel('Clinic passphrase')
    await expect(field).toBeVisible()
    expect(await page.locator('body').textContent()).not.toContain('Quintanilla')
    await field.fill('not the clinic passphrase')
    await page.getByRole('button', { name: 'Open' }).click()
    await expect(page.getByText(/That passphrase does not open this data folder/)).toBeVisible({ timeout: 10_000 })
    await field.fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Open' }).click()
    await expect(page.getByRole('link', { name: /Quintanilla/ })).toBeVisible({ timeout: 10_000 })
  } finally {
    await again.close()
    await removeDataDir(dir)
  }
})
