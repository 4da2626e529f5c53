import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'

const sections = [
  { link: 'Patients', heading: 'Patients', text: 'No patients yet' },
  { link: 'Program builder', heading: 'Program builder', text: 'Who is this program for?' },
  { link: 'Exercise library', heading: 'Exercise library', text: 'Starter templates' },
  { link: 'Settings', heading: 'Settings', text: 'Everything Homeplan stores stays in this folder' },
]

test('the shell navigates all four sections and remembers dark mode', async ({ page, bridge, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 820 })
  await page.goto(bridge.url)
  await expect(page.getByRole('heading', { name: 'Patients', level: 2 })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/shell-patients-light.png' })

  const nav = page.getByRole('navigation', { name: 'Sections' })
  for (const section of sections) {
    await nav.getByRole('link', { name: section.link }).click()
    await expect(page.getByRole('heading', { name: section.heading, level: 2 })).toBeVisible()
    await expect(page.getByText(section.text)).toBeVisible()
    await expect(nav.getByRole('link', { name: section.link })).toHaveAttribute('aria-current', 'page')
  }
  await expect(page).toHaveURL(/#\/settings$/)
  await expect(page.getByTestId('data-folder-path')).toHaveText(bridge.dataDir)
  await expect(page.getByTestId('about')).toContainText('Homeplan 0.0.0-test')

  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')
  await page.getByRole('button', { name: 'Switch to dark mode' }).click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await expect
    .poll(async () => JSON.parse(await readFile(join(bridge.dataDir, 'settings.json'), 'utf8')).colorScheme)
    .toBe('dark')
  await page.getByRole('link', { name: 'Patients' }).click()
  await page.screenshot({ path: 'test-results/screenshots/shell-patients-dark.png' })

  // A fresh page (another browser profile) still opens dark: the choice lives in settings, not the browser.
  const other = await page.context().browser()!.newPage()
  await other.goto(`${bridge.url}/#/settings`)
  await expect(other.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await expect(other.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await other.screenshot({ path: 'test-results/screenshots/settings-dark.png', fullPage: true })
  await other.close()
  expect(consoleErrors).toEqual([])
})

test('Back and Forward move between sections', async ({ page, bridge }) => {
  await page.goto(`${bridge.url}/#/library`)
  await expect(page.getByRole('heading', { name: 'Exercise library', level: 2 })).toBeVisible()
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('heading', { name: 'Exercise library', level: 2 })).toBeVisible()
})

test('a refused call and a failed save both reach the user, and nothing changes', async ({ page, bridge }) => {
  await page.goto(`${bridge.url}/#/settings`)
  await expect(page.getByRole('radio', { name: 'US Letter', exact: true })).toBeChecked()

  // The transport itself refuses a bad argument with a typed error naming the field.
  const raw = await page.evaluate(() =>
    (window as unknown as { api: { updateSettings(a: unknown): Promise<unknown> } }).api.updateSettings({
      paperSize: 'tabloid',
    }),
  )
  expect(raw).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'paperSize' } })

  // Make the next save fail on disk: a folder now sits where settings.json would be renamed to.
  await mkdir(join(bridge.dataDir, 'settings.json', 'blocker'), { recursive: true })
  await page.getByText('A4', { exact: true }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'Could not save settings.json' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('The previous copy is unchanged')
  await expect(page.getByRole('radio', { name: 'US Letter', exact: true })).toBeChecked()
  await page.screenshot({ path: 'test-results/screenshots/settings-save-error.png' })
})
