import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RosterList } from '../../../../src/features/patients/RosterList'
import { patientInput } from '../../../support/patients'
import { fakeApi, type FakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

/** Puts a CSV in the test's data folder and has the next open dialog choose it. */
function chooseFile(api: FakeApi, name: string, text: string) {
  const path = join(api.dataDir, name)
  writeFileSync(path, text)
  api.dialogs.answers.open.push(path)
}

const openImport = async (user: ReturnType<typeof renderWithApi>['user']) => {
  // Once the roster has loaded (its empty view or its list), so the menu is not redrawn under the click.
  await screen.findByText(/^(No patients yet|[\d,]+ on this computer)$/)
  await user.click(await screen.findByRole('button', { name: 'CSV' }))
  await user.click(await screen.findByRole('menuitem', { name: 'Import from CSV…' }, { timeout: 10_000 }))
}

describe('Import from CSV…', () => {
  it('file, mapping with a preview, dry run with reasons, import, then Undo puts the roster back', async () => {
    const api = fakeApi()
    await api.createPatient(patientInput({ firstName: 'Ana', lastName: 'Sanz', chartNumber: 'H-1' }))
    chooseFile(
      api,
      'clinic.csv',
      'Given,Apellidos,Fecha de nacimiento,MRN\nJosé,Peña,14/03/1956,H-2\nLuis,Gil,1/2/56,H-3\nEva,Ruiz,25/12/1961,H-1\nMax,Rey,,H-4\n',
    )
    const { user } = renderWithApi(<RosterList onNew={() => {}} />, { api, roster: true })
    await openImport(user)

    // Step 2: the columns, the first rows under them; "Given" is not a header Homeplan knows.
    const dialog = await screen.findByRole('dialog', { name: 'Import from CSV: match the columns' })
    expect(within(dialog).getByText('clinic.csv: 4 rows (utf-8).', { exact: false })).toBeInTheDocument()
    expect(within(dialog).getByRole('cell', { name: 'José' })).toBeInTheDocument()
    expect(within(dialog).getByText(/Choose the columns with the first name and the last name/)).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Check the rows' })).toBeDisabled()
    const given = within(dialog).getByLabelText('Field for column Given')
    await user.click(given)
    await waitFor(() => expect(given.getAttribute('aria-controls')).toBeTruthy())
    const options = document.getElementById(given.getAttribute('aria-controls')!)!
    await user.click(within(options).getByRole('option', { name: 'First name', hidden: true }))
    await user.click(within(dialog).getByRole('button', { name: 'Check the rows' }))

    // Step 3: the dry run, nothing written yet.
    const report = await screen.findByRole('dialog', { name: 'Import from CSV: what will happen' })
    expect(within(report).getByText('2 new patients')).toBeInTheDocument()
    expect(within(report).getByText('2 skipped')).toBeInTheDocument()
    const reasons = within(report).getByRole('list', { name: 'Rows updated or skipped' })
    expect(
      within(reasons).getByText(/Row 3 · Luis Gil: skipped: date of birth “1\/2\/56” has a two-digit year/),
    ).toBeInTheDocument()
    expect(
      within(reasons).getByText(/Row 4 · Eva Ruiz: skipped: chart number H-1 belongs to Ana Sanz/),
    ).toBeInTheDocument()
    expect(api.importCsv).not.toHaveBeenCalled()
    expect((await api.listPatients()).ok && (await api.listPatients())).toMatchObject({ value: [{ lastName: 'Sanz' }] })

    await user.click(within(report).getByRole('button', { name: 'Import 2 patients' }))
    expect(await screen.findByText('Imported from CSV: 2 new, 0 updated, 2 skipped.')).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Peña, José' })).toBeInTheDocument()
    expect(api.updateSettings).not.toHaveBeenCalled()

    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(
      await screen.findByText('The import was undone: the roster is back as it was before it.'),
    ).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Peña, José' })).toBeNull())
    expect(screen.getByRole('link', { name: 'Sanz, Ana' })).toBeInTheDocument()
  }, 60_000)

  it('asks for the date order when the column does not tell, and reads the dates again as chosen', async () => {
    const api = fakeApi()
    chooseFile(api, 'us.csv', 'First name,Last name,DOB\nAna,Sanz,03/04/1956\nLuis,Gil,05/06/1960\n')
    const { user } = renderWithApi(<RosterList onNew={() => {}} />, { api, roster: true })
    await openImport(user)
    await user.click(await screen.findByRole('button', { name: 'Check the rows' }))
    const report = await screen.findByRole('dialog', { name: 'Import from CSV: what will happen' })
    expect(within(report).getByText('2 skipped')).toBeInTheDocument()
    expect(within(report).getAllByText(/could be month or day first; choose the order above/)).toHaveLength(2)
    await user.click(within(report).getByText('Day/month/year (14/03/1956)'))
    expect(await within(report).findByText('2 new patients')).toBeInTheDocument()
    expect(api.planCsvImport).toHaveBeenLastCalledWith(expect.objectContaining({ dateOrder: 'dmy' }))
    await user.click(within(report).getByRole('button', { name: 'Import 2 patients' }))
    await screen.findByText('Imported from CSV: 2 new, 0 updated, 0 skipped.')
    const list = await api.listPatients()
    expect(list.ok && list.value.map((p) => p.dateOfBirth).sort()).toEqual(['1956-04-03', '1960-06-05'])
  }, 60_000)

  it('says why a file is refused, naming it', async () => {
    const api = fakeApi()
    chooseFile(api, 'numbers.csv', 'Ana,Sanz,1956-03-14\n')
    const { user } = renderWithApi(<RosterList onNew={() => {}} />, { api, roster: true })
    await openImport(user)
    expect(await screen.findByText('The CSV file was not read')).toBeInTheDocument()
    expect(screen.getByText(/numbers\.csv has no header row/)).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).toBeNull()
  }, 30_000)
})
