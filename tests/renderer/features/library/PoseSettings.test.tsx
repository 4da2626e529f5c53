import { screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { DiagramSpec } from '../../../../src/diagrams/spec'
import { editPose, newDiagram, type PoseEdit } from '../../../../src/features/library/pose-edit'
import { PoseSettings } from '../../../../src/features/library/PoseSettings'
import { renderWithApi } from '../../render-with-api'

function Harness({ edits, start }: { edits: PoseEdit[]; start: DiagramSpec }) {
  const [spec, setSpec] = useState(start)
  return <PoseSettings spec={spec} onEdit={(e) => (edits.push(e), setSpec((s) => editPose(s, e)))} />
}

describe('how the diagram is set up', () => {
  it('sets the side it is drawn for and puts it back to both', async () => {
    const edits: PoseEdit[] = []
    const { user } = renderWithApi(<Harness edits={edits} start={newDiagram('standing')} />)
    const side = screen.getByLabelText('Drawn for side', { selector: 'input' })
    await user.click(side)
    await user.click(await screen.findByRole('option', { name: 'Right', hidden: true }))
    expect(side).toHaveValue('Right')
    await user.click(side)
    await user.click(await screen.findByRole('option', { name: 'Both / not one-sided', hidden: true }))
    expect(edits).toEqual([
      { type: 'side', side: 'right' },
      { type: 'side', side: 'none' },
    ])
  })

  it('changes the figure position in plain words', async () => {
    const edits: PoseEdit[] = []
    const { user } = renderWithApi(<Harness edits={edits} start={newDiagram('standing')} />)
    const position = screen.getByLabelText('Figure position', { selector: 'input' })
    expect(position).toHaveValue('Standing')
    await user.click(position)
    await user.click(await screen.findByRole('option', { name: 'Lying on the back', hidden: true }))
    expect(edits).toEqual([{ type: 'base', base: 'supine' }])
  })

  it('shows the automatic views until views are chosen', () => {
    renderWithApi(<Harness edits={[]} start={newDiagram('standing')} />)
    expect(screen.getByLabelText('Views (up to 2)', { selector: 'input' })).toHaveAttribute(
      'placeholder',
      expect.stringMatching(/^Automatic: \w/),
    )
  })
})
