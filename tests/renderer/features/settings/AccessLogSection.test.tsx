import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AccessLogSection } from '../../../../src/features/settings/AccessLogSection'
import type { Patient } from '../../../../src/core/patient'
import type { Settings } from '../../../../src/core/settings'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

const must = async <T,>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
  const r = await result
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** Body rows of the log's table, as their cells' text. */
const rows = () =>
  within(screen.getByRole('table', { name: 'Access log' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    )

describe('Settings → Access log', () => {
  it('lists entries newest first, filters by patient, pages, sets who is working and exports', async () => {
    const api = fakeApi()
    const settings: Settings = await must(api.updateSettings({ therapists: [{ name: 'Dana Whitfield' }] }))
    const anna: Patient = await must(api.createPatient(patientInput()))
    const tom: Patient = await must(
      api.createPatient(patientInput({ firstName: 'Tom', lastName: 'Lee', chartNumber: 'B-1' })),
    )
    for (let i = 0; i < 25; i++) await must(api.getPatient({ id: anna.id }))
    await must(api.getPatient({ id: tom.id }))
    await must(api.deletePatient({ id: tom.id }))

    const { user } = renderWithApi(<AccessLogSection settings={settings} />, { api, roster: true })
    await waitFor(() => expect(rows()[0]?.[2]).toBe('Deleted'))
    expect(rows()).toHaveLength(25)
    // Tom is no longer on the roster: named by his initials only.
    expect(rows()[0]!.slice(1)).toEqual(['This computer', 'Deleted', 'TL (not on the roster)'])
    expect(rows()[1]!.slice(1)).toEqual(['This computer', 'Opened', 'TL (not on the roster)'])
    await waitFor(() => expect(rows()[2]!.slice(1)).toEqual(['This computer', 'Opened', 'Anna Łukasiewicz']))

    // 29 entries: the second page holds the 4 oldest, ending with the two patients being added.
    await user.click(screen.getByRole('button', { name: '2' }))
    await waitFor(() => expect(rows()).toHaveLength(4))
    expect(rows().map((r) => r[2])).toEqual(['Opened', 'Opened', 'Added', 'Added'])

    await user.selectOptions(screen.getByRole('combobox', { name: 'Patient' }), 'TL (not on the roster)')
    await waitFor(() => expect(rows().map((r) => r[2])).toEqual(['Deleted', 'Opened', 'Added']))
    expect(api.getAccessLog).toHaveBeenLastCalledWith({ page: 0, pageSize: 25, patientId: tom.id })

    const workingAs = screen.getByRole('combobox', { name: 'Working as' })
    await waitFor(() => expect(workingAs).toBeEnabled())
    expect(workingAs).toHaveValue('')
    await user.selectOptions(workingAs, 'Dana Whitfield')
    expect(api.setWorkingAs).toHaveBeenLastCalledWith({ name: 'Dana Whitfield' })
    await waitFor(() => expect(workingAs).toHaveValue('Dana Whitfield'))
    await must(api.getPatient({ id: anna.id }))
    const newest = await must(api.getAccessLog({ page: 0, pageSize: 1 }))
    expect(newest.entries[0]).toMatchObject({ who: 'Dana Whitfield', action: 'viewed', initials: 'AŁ' })

    await user.click(screen.getByRole('button', { name: 'Export as CSV…' }))
    expect(await screen.findByText(/^Access log saved to .*Homeplan_access-log_\d{4}-\d\d-\d\d\.csv$/)).toBeVisible()
  }, 30_000)

  it('says so when nothing has been recorded', async () => {
    renderWithApi(<AccessLogSection settings={undefined} />, { roster: true })
    expect(await screen.findByText('Nothing has been recorded yet.')).toBeVisible()
  })
})
