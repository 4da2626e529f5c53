import type { Page } from '@playwright/test'
import { addPatient, callApi, closeDialogs, expect, test, testClinic } from './fixtures'

/**
 * Text that does not fit its box, on the screen as it is now: an element whose own text (or an input's value) is
 * wider than the element, or a box that hides what overflows it (a button's label, a segmented control) while it
 * holds text. Deliberate truncation with the whole text one hover away (a `title` on it or around it) is allowed;
 * hidden elements (closed menus, screen-reader-only text) are left out.
 */
function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // An empty field's placeholder is drawn, not laid out: measured with the field's own font.
    const context = document.createElement('canvas').getContext('2d')!
    const placeholderWidth = (el: HTMLInputElement) => {
      const style = getComputedStyle(el, '::placeholder')
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      return context.measureText(el.placeholder).width
    }
    const innerWidth = (el: HTMLElement) => {
      const style = getComputedStyle(el)
      return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    }
    const found: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const input =
        (el instanceof HTMLInputElement && !['checkbox', 'radio', 'hidden'].includes(el.type)) ||
        el instanceof HTMLTextAreaElement
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
      const style = getComputedStyle(el)
      const hides = ['hidden', 'clip'].includes(style.overflowX) && Boolean(el.textContent?.trim())
      if (!input && !ownText && !hides) continue
      if (el.clientWidth === 0 || el.getClientRects().length === 0) continue
      if (style.visibility === 'hidden' || style.display === 'contents') continue
      const box = el.getBoundingClientRect()
      // A screen-reader-only element (1 px, clipped) is meant to be invisible.
      if (box.width <= 1 || box.height <= 1) continue
      const placeholderCut =
        el instanceof HTMLInputElement && !el.value && el.placeholder && placeholderWidth(el) > innerWidth(el) + 1
      if (!placeholderCut && el.scrollWidth <= el.clientWidth + 1) continue
      if (el.closest('[title]')) continue
      const text = input ? el.value || el.placeholder : el.textContent!.trim()
      const name = el.getAttribute('aria-label') ?? el.closest('[aria-label]')?.getAttribute('aria-label') ?? ''
      found.push(`${el.tagName.toLowerCase()} “${text.slice(0, 60)}”${name ? ` in “${name}”` : ''}`)
    }
    return found
  })
}

const screens = (patient: string, program: string) =>
  [
    ['the roster', '#/patients'],
    ['a patient’s page', `#/patients/${patient}`],
    ['the builder', `#/program/${patient}/${program}`],
    ['the library', '#/library'],
    ['the settings', '#/settings'],
  ] as const

/** Exercises whose names differ only at the end ("Ankle d…" four times) and every side, as a clinic would have. */
const items = [
  ['band-ankle-dorsiflexion', 'both'],
  ['band-ankle-plantarflexion', 'alternating'],
  ['band-ankle-inversion', 'left'],
  ['band-ankle-eversion', 'right'],
  ['clamshells', 'both'],
] as const

for (const language of ['en', 'es'] as const) {
  test(`no clipped text at 1280×720 on any screen (${language})`, async ({ page, bridge, consoleErrors }) => {
    test.slow()
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto(bridge.url)
    await callApi(page, 'updateSettings', { language, clinic: testClinic })
    const patient = await addPatient(page, {
      firstName: 'Maximiliana',
      lastName: 'Papadopoulou-Ramírez',
      chartNumber: 'MRN-2026-004417',
      condition: 'Right total hip replacement, 6 weeks post-op',
      handoutLanguage: language,
      status: 'active',
    })
    await addPatient(page, { firstName: 'Bartholomew', lastName: 'Okonkwo-Villanueva', status: 'discharged' })
    const saved = await callApi<{ programs: { id: string }[] }>(page, 'saveProgram', {
      patientId: patient,
      program: {
        title: 'Ankle and hip strengthening after sprain, phase 2',
        status: 'current',
        items: items.map(([exerciseId, side], i) => ({
          id: `item-00000${i}`,
          exerciseId,
          dosage: { sets: 3, reps: { min: 10, max: 15 }, holdSeconds: 5, timesPerDay: 2, side },
        })),
      },
    })
    // The screens read the language setting as the app starts.
    await page.reload()
    const problems: string[] = []
    for (const [name, hash] of screens(patient, saved.programs[0]!.id)) {
      await page.goto(`${bridge.url}/${hash}`)
      await expect(page.locator('main')).not.toBeEmpty()
      // Let lists, pictures and the preview settle before measuring.
      await page.waitForLoadState('networkidle')
      await page.waitForTimeout(1500)
      problems.push(...(await clippedText(page)).map((p) => `${name}: ${p}`))
    }
    // Every status on the roster ("Discharged", "Dado de alta"), not only the active patients shown first.
    await page.goto(`${bridge.url}/#/patients`)
    // The segment's label: its radio is drawn by the label, not on its own.
    await page
      .locator('label')
      .filter({ hasText: language === 'en' ? /^All$/ : /^Todos$/ })
      .click()
    await expect(page.getByText(/Okonkwo-Villanueva/)).toBeVisible()
    problems.push(...(await clippedText(page)).map((p) => `the roster, every status: ${p}`))
    // The new-patient form, a dialog of its own.
    await page.goto(`${bridge.url}/#/patients`)
    await page.getByRole('button', { name: language === 'en' ? /New patient/ : /Nuevo paciente/ }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await page.waitForTimeout(500)
    problems.push(...(await clippedText(page)).map((p) => `the patient form: ${p}`))
    await closeDialogs(page)

    expect(problems).toEqual([])
    expect(consoleErrors).toEqual([])
  })
}
