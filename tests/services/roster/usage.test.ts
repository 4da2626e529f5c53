import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RosterStore } from '../../../electron/services/roster/store'
import { describeUses, programsUsing } from '../../../electron/services/roster/usage'
import { syntheticPatients } from '../../support/patients'

describe('programsUsing', () => {
  it('lists every program that names the exercise, with its patient', async () => {
    const store = await RosterStore.open({ dir: await mkdtemp(join(tmpdir(), 'hp-usage-')) })
    for (const p of syntheticPatients(3, 2, 1)) await store.put(p)
    expect(programsUsing(store, 'clamshells')).toHaveLength(6)
    expect(programsUsing(store, 'clamshells')[0]).toEqual({
      patientId: 'patient-000000',
      patient: 'Anna Łukasiewicz',
      program: 'Hip strengthening',
    })
    expect(programsUsing(store, 'bridges')).toEqual([])
    await store.close()
  })

  it('refuses to answer (so nothing is deleted) while the patient file is not open', async () => {
    const store = await RosterStore.open({ dir: await mkdtemp(join(tmpdir(), 'hp-usage-')) })
    await store.close()
    expect(() => programsUsing(store, 'clamshells')).toThrow(
      /cannot check which programs use this exercise while the patient file is not open.*Nothing was deleted\./,
    )
  })
})

describe('describeUses', () => {
  it('counts programs, names each patient once, and shortens a long list', () => {
    const use = (n: number, program = 'P') => ({ patientId: `p${n}`, patient: `Patient ${n}`, program })
    expect(describeUses('Step-ups', [use(1), use(1, 'Q')])).toBe(
      '“Step-ups” is used in 2 programs (Patient 1). Remove it from those programs first. Nothing was deleted.',
    )
    expect(
      describeUses(
        'Step-ups',
        [1, 2, 3, 4, 5].map((n) => use(n)),
      ),
    ).toBe(
      '“Step-ups” is used in 5 programs (Patient 1, Patient 2, Patient 3, and 2 more). Remove it from those programs first. Nothing was deleted.',
    )
  })
})
