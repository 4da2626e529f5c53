import { join } from 'node:path'
import type { Route } from '@playwright/test'
import { summarize } from '../../src/core/patient'
import { SnapshotFile } from '../../electron/services/roster/snapshot-file'
import { ROSTER_FILE } from '../../electron/services/roster/load'
import { syntheticPatients } from '../support/patients'
import { expect, test } from './fixtures'

/** Requests held until `release()`, to see what the window does before they are answered. */
function gate() {
  const held: string[] = []
  let open: () => void = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  return {
    held,
    release: () => open(),
    handle: async (route: Route) => {
      held.push(route.request().url().replace(/.*\//, ''))
      await opened
      await route.continue()
    },
  }
}

test('the roster’s first screen shows before the whole list and before any other section’s code has loaded', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  const patients = syntheticPatients(120, 0, 0)
  await new SnapshotFile(join(bridge.dataDir, ROSTER_FILE)).write({
    header: { savedAt: new Date().toISOString(), lastSeq: 0 },
    entries: patients.map((p) => ({ summary: summarize(p), patient: p })),
  })
  const list = gate()
  const chunks = gate()
  await page.route('**/api/listPatients', list.handle)
  // The builder (and pdf.js behind its preview), the library (and the pose editor), settings.
  await page.route(/\/assets\/(ProgramPage|LibraryPage|SettingsPage|DosageEditor|pdf)[-.]/, chunks.handle)
  await page.goto(bridge.url)

  const rows = page.locator('tbody tr')
  await expect(rows).toHaveCount(50)
  await expect(page.getByText('120 on this computer')).toBeVisible()
  const active = patients
    .filter((p) => p.status === 'active')
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))
  await expect(rows.first().getByRole('link')).toHaveText(
    `${active[0]!.lastName}, ${active[0]!.firstName}${active[0]!.preferredName ? ` (${active[0]!.preferredName})` : ''}`,
  )
  const search = page.getByRole('textbox', { name: 'Search patients' })
  await search.fill('MRN-100119')
  await expect(page.getByText('Loading all 120 patients…')).toBeVisible()
  list.release()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('MRN-100119')

  // The patients screen works in full without the other sections' code.
  await rows.first().getByRole('link').click()
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible()
  await page.getByRole('link', { name: '← All patients' }).click()
  await expect(search).toBeVisible()
  expect(chunks.held).toEqual([])

  // Opening the builder loads its code, with a loading state meanwhile.
  await page.getByRole('link', { name: /Program builder/ }).click()
  await expect(page.getByRole('status').getByText('Loading…')).toBeVisible()
  expect(chunks.held.some((name) => name.startsWith('ProgramPage'))).toBe(true)
  expect(chunks.held.some((name) => name.startsWith('pdf'))).toBe(false)
  chunks.release()
  await expect(page.getByRole('heading', { name: 'Program builder' })).toBeVisible()
  expect(consoleErrors).toEqual([])
})
