import { screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { Exercise } from '../../../../src/core/exercise'
import type { ProgramItem } from '../../../../src/core/patient'
import { StepsOverride } from '../../../../src/features/program/StepsOverride'
import { renderWithApi } from '../../render-with-api'

const exercise = {
  id: 'bridges',
  name: 'Bridges',
  steps: ['Lie on your back.', 'Lift your hips.'],
  translations: { es: { steps: ['Acuéstese boca arriba.', 'Suba la cadera.'] } },
} as unknown as Exercise

function Harness({ seen }: { seen: ProgramItem[] }) {
  const [item, setItem] = useState<ProgramItem>({
    id: 'item-1',
    exerciseId: 'bridges',
    dosage: {},
    instructionOverride: ['Lie on your back.', 'Lift your hips halfway.'],
  })
  // As the card does: the changed steps show only while there are any.
  if (!item.instructionOverride) return null
  return (
    <StepsOverride
      item={item}
      exercise={exercise}
      name="Bridges"
      change={(update) => setItem((i) => (seen.push(update(i)), update(i)))}
    />
  )
}

describe('steps changed for a patient', () => {
  it('adds their Spanish from the library’s Spanish steps, edits it, and removes it again', async () => {
    const seen: ProgramItem[] = []
    const { user } = renderWithApi(<Harness seen={seen} />)
    expect(screen.queryByRole('textbox', { name: 'Steps in Spanish (Bridges)' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Add the steps in Spanish' }))
    const spanish = screen.getByRole('textbox', { name: 'Steps in Spanish (Bridges)' })
    expect(spanish).toHaveValue('Acuéstese boca arriba.\nSuba la cadera.')
    await user.type(spanish, ' hasta la mitad')
    expect(seen.at(-1)!.translations).toEqual({
      es: { instructionOverride: ['Acuéstese boca arriba.', 'Suba la cadera. hasta la mitad'] },
    })
    // The English changed steps are untouched.
    expect(seen.at(-1)!.instructionOverride).toEqual(['Lie on your back.', 'Lift your hips halfway.'])
    await user.click(screen.getByRole('button', { name: 'Remove the Spanish steps' }))
    expect(seen.at(-1)).not.toHaveProperty('translations')
    expect(screen.queryByRole('textbox', { name: 'Steps in Spanish (Bridges)' })).toBeNull()
    // Back to the library's steps drops both.
    await user.click(screen.getByRole('button', { name: 'Add the steps in Spanish' }))
    await user.click(screen.getByRole('button', { name: 'Use the library’s steps again' }))
    expect(seen.at(-1)).not.toHaveProperty('instructionOverride')
    expect(seen.at(-1)).not.toHaveProperty('translations')
  })
})
