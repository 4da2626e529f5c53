import { MantineProvider } from '@mantine/core'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { Dosage } from '../../../src/core/dosage'
import { DosageEditor } from '../../../src/components/DosageEditor'
import { ApiProvider } from '../../../src/app/api-context'
import type { SettingsPatch } from '../../../src/core/settings'
import { fakeApi } from '../fake-api'

function Harness({ initial, onDosage }: { initial: Dosage; onDosage?: (d: Dosage) => void }) {
  const [dosage, setDosage] = useState(initial)
  return (
    <MantineProvider>
      <DosageEditor label="Bridges" value={dosage} onChange={(next) => (setDosage(next), onDosage?.(next))} />
    </MantineProvider>
  )
}

const type = (name: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } })
const line = () => screen.getByTestId('dosage-line')

describe('the dosage editor', () => {
  it('raising a single rep count moves “to” with it instead of leaving “11–10 reps”', () => {
    let latest: Dosage | undefined
    render(<Harness initial={{ sets: 2, reps: { min: 10, max: 10 } }} onDosage={(d) => (latest = d)} />)
    type('Reps from (Bridges)', '11')
    expect(latest!.reps).toEqual({ min: 11, max: 11 })
    expect(screen.getByRole('textbox', { name: 'Reps to (Bridges)' })).toHaveValue('11')
    expect(line()).toHaveTextContent('2 sets × 11 reps')
    // Lowering a single number keeps it single too.
    type('Reps from (Bridges)', '8')
    expect(latest!.reps).toEqual({ min: 8, max: 8 })
  })

  it('keeps a range’s upper end unless “from” passes it', () => {
    let latest: Dosage | undefined
    render(<Harness initial={{ reps: { min: 10, max: 15 } }} onDosage={(d) => (latest = d)} />)
    type('Reps from (Bridges)', '12')
    expect(latest!.reps).toEqual({ min: 12, max: 15 })
    type('Reps from (Bridges)', '20')
    expect(latest!.reps).toEqual({ min: 20, max: 20 })
  })

  it('says in plain words by the field when “to” is typed below “from”', () => {
    render(<Harness initial={{ reps: { min: 10, max: 15 } }} />)
    type('Reps to (Bridges)', '8')
    expect(screen.getByText('The upper end of the reps range must not be below the lower end.')).toBeInTheDocument()
  })

  it('takes a hold range and shows it in the handout line', () => {
    let latest: Dosage | undefined
    render(<Harness initial={{ reps: { min: 10, max: 10 }, holdSeconds: 5 }} onDosage={(d) => (latest = d)} />)
    type('Hold up to (s) (Bridges)', '10')
    expect(latest).toEqual({ reps: { min: 10, max: 10 }, holdSeconds: 5, holdSecondsMax: 10 })
    expect(line()).toHaveTextContent('10 reps · hold 5–10 s')
    // Raising the hold past its upper end takes the upper end along.
    type('Hold (s) (Bridges)', '12')
    expect(latest).toMatchObject({ holdSeconds: 12, holdSecondsMax: 12 })
    // Clearing the upper end makes it a single hold again.
    type('Hold up to (s) (Bridges)', '')
    expect(latest).toEqual({ reps: { min: 10, max: 10 }, holdSeconds: 12 })
    type('Hold up to (s) (Bridges)', '3')
    expect(screen.getByText('The upper end of the hold range must not be below the lower end.')).toBeInTheDocument()
  })
})

describe('the load unit', () => {
  /** The editor inside the app's api, with these settings saved first. */
  async function withSettings(patch: SettingsPatch, initial: Dosage, onDosage: (d: Dosage) => void) {
    const api = fakeApi()
    const saved = await api.updateSettings(patch)
    if (!saved.ok) throw new Error(saved.error.message)
    render(
      <ApiProvider api={api}>
        <Harness initial={initial} onDosage={onDosage} />
      </ApiProvider>,
    )
    await waitFor(() => expect(api.getSettings).toHaveBeenCalled())
  }

  it('starts a new load in pounds for a US Letter clinic and in kilograms for an A4 one', async () => {
    let latest: Dosage | undefined
    await withSettings({ paperSize: 'a4' }, { reps: { min: 10, max: 10 } }, (d) => (latest = d))
    await waitFor(() => expect(screen.getByLabelText('Unit', { selector: 'input' })).toHaveValue('kg'))
    type('Load', '5')
    expect(latest!.resistance).toEqual({ load: 5, unit: 'kg' })
    expect(line()).toHaveTextContent('10 reps · 5 kg')
  })

  it('uses the unit chosen in Settings over the paper size, and shows a load saved without a unit in it', async () => {
    let latest: Dosage | undefined
    await withSettings({ paperSize: 'a4', loadUnit: 'lb' }, { resistance: { load: 3 } }, (d) => (latest = d))
    await waitFor(() => expect(line()).toHaveTextContent('3 lb'))
    type('Load', '4')
    expect(latest!.resistance).toEqual({ load: 4, unit: 'lb' })
  })

  it('keeps a load’s own unit whatever the clinic’s', async () => {
    let latest: Dosage | undefined
    await withSettings({ paperSize: 'letter' }, { resistance: { load: 2, unit: 'kg' } }, (d) => (latest = d))
    type('Load', '2.5')
    expect(latest!.resistance).toEqual({ load: 2.5, unit: 'kg' })
    expect(line()).toHaveTextContent('2.5 kg')
  })

  it('is pounds outside the app (the default settings: US Letter)', () => {
    let latest: Dosage | undefined
    render(<Harness initial={{}} onDosage={(d) => (latest = d)} />)
    type('Load', '5')
    expect(latest!.resistance).toEqual({ load: 5, unit: 'lb' })
  })
})
