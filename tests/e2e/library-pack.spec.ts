import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { removeDataDir, startTestBridge } from '../support/bridge'
import { exerciseInput } from '../support/exercises'
import { callApi, expect, test } from './fixtures'

const stepUps = exerciseInput()

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` })

async function packMenu(page: Page, menu: string, item: string) {
  await page.getByRole('button', { name: menu }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

test('export a pack from one data folder and import it into another; a conflict is shown and kept both', async ({
  page,
  bridge,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  // The therapist who shares: a second bridge on its own data folder.
  const theirs = await startTestBridge()
  try {
    await page.goto(`${theirs.url}/#/library`)
    const exercise = await callApi<{ id: string }>(page, 'createExercise', stepUps)
    await callApi(page, 'saveTemplate', {
      template: {
        name: 'Knee week 1',
        items: [
          { exerciseId: exercise.id, dosage: { sets: 2 } },
          { exerciseId: 'bridges', dosage: { sets: 3 } },
        ],
      },
    })
    await page.reload()
    await packMenu(page, 'Packs', 'Share…')
    const share = page.getByRole('dialog', { name: 'Share templates and exercises as a pack' })
    await share.getByRole('textbox', { name: /Pack title/ }).fill('Clinic knee pack')
    await share.getByRole('checkbox', { name: 'Knee week 1' }).check()
    await shot(page, 'pack-share-en')
    await share.getByRole('button', { name: 'Save pack…' }).click()
    await expect(page.getByText(/^Pack saved: .*Clinic-knee-pack_.*\.homeplan-pack\.zip$/)).toBeVisible()
    const exports = join(theirs.dataDir, 'exports')
    const [first] = await readdir(exports)
    const firstPath = join(exports, first!)

    // The other computer opens it: both items are new.
    await page.goto(`${bridge.url}/#/library`)
    bridge.dialogs.answers.open.push(firstPath)
    await packMenu(page, 'Packs', 'Open a pack…')
    const preview = page.getByRole('dialog', { name: 'Import a library pack' })
    await expect(preview.getByRole('row', { name: /Step-ups.*New/ })).toBeVisible()
    await expect(preview.getByRole('row', { name: /Knee week 1.*New/ })).toBeVisible()
    await preview.getByRole('button', { name: 'Import' }).click()
    await expect(page.getByText('“Clinic knee pack” imported')).toBeVisible()
    await expect(page.getByRole('table', { name: 'Templates' }).getByText('Knee week 1')).toBeVisible()

    // Both change the exercise; the sharer's next pack is then a conflict here.
    await callApi(page, 'updateExercise', { id: exercise.id, exercise: { ...stepUps, steps: ['Mine.'] } })
    await page.goto(`${theirs.url}/#/library`)
    await callApi(page, 'updateExercise', { id: exercise.id, exercise: { ...stepUps, steps: ['Theirs.'] } })
    const second = await callApi<{ path: string }>(page, 'exportLibraryPack', {
      title: 'Clinic knee pack',
      templateIds: [],
      exerciseIds: [exercise.id],
    })
    await page.goto(`${bridge.url}/#/library`)
    bridge.dialogs.answers.open.push(second.path)
    await packMenu(page, 'Packs', 'Open a pack…')
    const row = preview.getByRole('row', { name: /Step-ups/ })
    await expect(row.getByText('Conflict')).toBeVisible()
    await shot(page, 'pack-preview-en')
    await row.getByText('Keep both').click()
    await preview.getByRole('button', { name: 'Import' }).click()
    await expect(page.getByText('“Clinic knee pack” imported')).toBeVisible()
    await page.getByRole('textbox', { name: 'Search exercises' }).fill('Step-ups')
    await expect(page.getByRole('button', { name: 'Step-ups (copy)', exact: true })).toBeVisible()
    // Mine kept beside it (the built-in Step-ups has the same name: two cards).
    await expect(page.getByRole('button', { name: 'Step-ups', exact: true })).toHaveCount(2)

    // The same two dialogs in Spanish, for a look at their layout.
    await callApi(page, 'updateSettings', { language: 'es' })
    await page.reload()
    await packMenu(page, 'Paquetes', 'Compartir…')
    const compartir = page.getByRole('dialog', { name: 'Compartir plantillas y ejercicios como paquete' })
    await compartir.getByRole('textbox', { name: /Título del paquete/ }).fill('Paquete de rodilla de la clínica')
    await compartir.getByRole('checkbox', { name: 'Knee week 1' }).check()
    await shot(page, 'pack-share-es')
    await compartir.getByRole('button', { name: 'Cancelar' }).click()
    bridge.dialogs.answers.open.push(second.path)
    await packMenu(page, 'Paquetes', 'Abrir un paquete…')
    const vista = page.getByRole('dialog', { name: 'Importar un paquete de biblioteca' })
    await expect(vista.getByRole('row', { name: /Step-ups/ })).toBeVisible()
    await shot(page, 'pack-preview-es')
  } finally {
    await theirs.close()
    await removeDataDir(theirs.dataDir)
  }
  expect(consoleErrors).toEqual([])
})
