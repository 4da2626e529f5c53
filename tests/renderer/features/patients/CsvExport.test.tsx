import { readFileSync } from 'node:fs'
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PatientHeader } from '../../../../src/features/patients/PatientHeader'
import { RosterList } from '../../../../src/features/patients/RosterList'
import type { Patient } from '../../../../src/core/patient'
import { patientInput } from '../../../support/patients'
import { fakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

/** The menu item, once the More menu has opened (it opens with a transition, slow on a loaded machine). */
async function openMore(user: ReturnType<typeof renderWithApi>['user']) {
  await user.click(screen.getByRole('button', { name: 'More' }))
  return screen.findByRole('menuitem', { name: 'Export programs as CSV', hidden: true }, { timeout: 10_000 })
}

describe('Export as CSV…', () => {
  it('saves the roster with the columns ticked, in the list’s order', async () => {
    const api = fakeApi()
    await api.createPatient(
      patientInput({
        firstName: 'Zoë',
        lastName: 'Peña',
        chartNumber: 'Z-1',
        phone: '555 0100',
        condition: 'Lateral hip pain',
      }),
    )
    const { user } = renderWithApi(<RosterList onNew={() => {}} />, { api, roster: true })
    await screen.findByText('1 on this computer')
    await user.click(screen.getByRole('button', { name: 'CSV' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Export as CSV…' }, { timeout: 10_000 }))
    const dialog = await screen.findByRole('dialog', { name: 'Export the roster as CSV' })
    for (const name of ['Date of birth', 'Email', 'Status', 'Phone'])
      await user.click(within(dialog).getByRole('checkbox', { name }))
    await user.click(within(dialog).getByRole('checkbox', { name: 'Condition' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save CSV…' }))
    expect(await screen.findByText(/^Saved .*Homeplan_roster_.*\.csv$/)).toBeInTheDocument()
    expect(api.exportRosterCsv).toHaveBeenCalledWith({ columns: ['firstName', 'lastName', 'chartNumber', 'condition'] })
    const [path] = api.dialogs.asked.filter((a) => a.kind === 'save').map((a) => a.defaultName!)
    const text = readFileSync(`${api.dataDir}/exports/${path}`, 'utf8')
    expect(text).toBe('\uFEFFFirst name,Last name,Chart number,Condition\r\nZoë,Peña,Z-1,Lateral hip pain\r\n')
  }, 30_000)

  it('saves one patient’s programs from the patient page, and is offered only when there are programs', async () => {
    const api = fakeApi()
    const created = await api.createPatient(patientInput({ firstName: 'Ana', lastName: 'Sanz' }))
    if (!created.ok) throw new Error('not created')
    const patient: Patient = created.value
    const props = { onEdit: () => {}, onArchive: () => {}, onDelete: () => {} }
    const { user, unmount } = renderWithApi(<PatientHeader patient={patient} {...props} />, { api })
    expect(await openMore(user)).toBeDisabled()

    const saved = await api.saveProgram({
      patientId: patient.id,
      program: { title: 'Week 1', status: 'current', items: [] },
    })
    if (!saved.ok) throw new Error('not saved')
    unmount()
    const again = renderWithApi(<PatientHeader patient={saved.value} {...props} />, { api })
    await again.user.click(await openMore(again.user))
    expect(await screen.findByText(/^Saved .*Sanz_Ana_programs_.*\.csv$/)).toBeInTheDocument()
    expect(api.exportProgramHistoryCsv).toHaveBeenCalledWith({ id: patient.id })
  }, 30_000)
})
