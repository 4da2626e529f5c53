import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { removeDataDir, startTestBridge } from '../support/bridge'
import { patientInput } from '../support/patients'
import { testServices } from '../support/services'
import { expect, test } from './fixtures'

test('a folder another Homeplan holds opens read-only, says who holds it, and Try again takes it once it is free', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1360, height: 900 })
  const dir = await mkdtemp(join(tmpdir(), 'homeplan-e2e-locked-'))
  const seed = testServices(dir)
  await seed.handlers.createPatient(patientInput({ firstName: 'Alice', lastName: 'Moreau' }))
  await seed.close()
  // Homeplan on the front desk's computer has the (shared) folder open.
  await writeFile(
    join(dir, 'homeplan.lock'),
    JSON.stringify({ pid: 4242, host: 'front-desk-pc', startedAt: new Date().toISOString(), token: 'front-desk' }),
  )
  const bridge = await startTestBridge(dir)
  try {
    await page.goto(bridge.url)
    const banner = page.getByTestId('read-only-banner')
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('front-desk-pc')
    await expect(page.getByRole('link', { name: /Moreau, Alice/ })).toBeVisible()
    await page.screenshot({ path: 'test-results/screenshots/roster-read-only.png' })

    // Nothing can be added while another Homeplan holds the folder.
    await expect(page.getByRole('button', { name: /New patient/ })).toBeDisabled()

    // The other computer closes Homeplan; Try again takes the folder.
    await rm(join(dir, 'homeplan.lock'))
    await banner.getByRole('button', { name: 'Try again' }).click()
    await expect(banner).toHaveCount(0)
    await expect(page.getByRole('button', { name: /New patient/ })).toBeEnabled()
  } finally {
    await bridge.close()
    await removeDataDir(dir)
  }
})

test('after a patient is deleted, Back and an old link show “not found”, never another patient', async ({
  page,
  bridge,
}) => {
  await page.setViewportSize({ width: 1360, height: 900 })
  const ids: string[] = []
  await page.goto(bridge.url)
  // The shortcut works once the roster is on screen (the window first asks main whether the folder is encrypted).
  await expect(page.getByRole('heading', { name: 'Patients', level: 2 })).toBeVisible()
  for (const [first, chart] of [
    ['Alice', 'A-1'],
    ['Bob', 'B-1'],
    ['Carol', 'C-1'],
  ] as const) {
    await page.keyboard.press('n')
    const form = page.getByRole('dialog', { name: 'New patient' })
    await form.getByLabel('First name').fill(first)
    await form.getByLabel('Last name').fill('Test')
    await form.getByLabel('Chart / MRN number').fill(chart)
    await form.getByRole('button', { name: 'Add patient' }).click()
    await expect(page.getByRole('heading', { name: `${first} Test`, level: 2 })).toBeVisible()
    ids.push(new URL(page.url()).hash.split('/').at(-1)!)
    await page.goto(`${bridge.url}/#/patients`)
  }
  await page.goto(`${bridge.url}/#/patients/${ids[1]}`)
  await page.getByRole('button', { name: 'More', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Delete…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete Bob Test?' })
  // A double click sends one delete, not two.
  await confirm.getByRole('button', { name: 'Delete Bob Test' }).dblclick()
  await expect(page.getByText('Bob Test was deleted.')).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('heading', { name: 'Carol Test', level: 2 })).toHaveCount(0)
  await page.goto(`${bridge.url}/#/patients/${ids[1]}`)
  await expect(page.getByText('Patient not found')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Carol Test', level: 2 })).toHaveCount(0)
  await page.goto(`${bridge.url}/#/patients`)
  await expect(page.getByRole('link', { name: /Test, Alice/ })).toBeVisible()
  await expect(page.getByRole('link', { name: /Test, Carol/ })).toBeVisible()
})
