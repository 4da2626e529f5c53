import { screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { DiagramSpec } from '../../../../src/diagrams/spec'
import { editPose, newDiagram, type PoseEdit } from '../../../../src/features/library/pose-edit'
import { PoseProps } from '../../../../src/features/library/PoseProps'
import { renderWithApi } from '../../render-with-api'

function Harness({ edits, start }: { edits: PoseEdit[]; start: DiagramSpec }) {
  const [spec, setSpec] = useState(start)
  return <PoseProps spec={spec} onEdit={(e) => (edits.push(e), setSpec((s) => editPose(s, e)))} />
}

describe('the props of a diagram', () => {
  it('adds a push only once it is placed, toward the front unless told, then clears the row', async () => {
    const edits: PoseEdit[] = []
    const { user } = renderWithApi(<Harness edits={edits} start={newDiagram('standing')} />)
    const add = screen.getByRole('button', { name: 'Add' })
    expect(add).toBeDisabled()
    await user.click(screen.getByLabelText('Add a prop', { selector: 'input' }))
    await user.click(await screen.findByRole('option', { name: 'push', hidden: true }))
    expect(screen.getByLabelText('Placed at', { selector: 'input' })).toHaveAttribute('placeholder', 'Body part')
    expect(add).toBeDisabled()
    await user.click(screen.getByLabelText('Placed at', { selector: 'input' }))
    await user.click(await screen.findByRole('option', { name: 'Right hand', hidden: true }))
    await user.click(add)
    expect(edits).toEqual([{ type: 'add-prop', prop: { kind: 'push', at: 'rightHand', toward: 'front' } }])
    expect(screen.getByText('push at Right hand, toward front')).toBeInTheDocument()
    expect(screen.getByLabelText('Add a prop', { selector: 'input' })).toHaveValue('')
    expect(screen.queryByLabelText('Pushes toward', { selector: 'input' })).not.toBeInTheDocument()
  })

  it('removes the prop whose button was pressed', async () => {
    const edits: PoseEdit[] = []
    const start = {
      ...newDiagram('standing'),
      props: [{ kind: 'mat' as const }, { kind: 'wall' as const, at: 'leftHand' as const }],
    }
    const { user } = renderWithApi(<Harness edits={edits} start={start} />)
    await user.click(screen.getByRole('button', { name: 'Remove wall' }))
    expect(edits).toEqual([{ type: 'remove-prop', index: 1 }])
    expect(screen.queryByText('wall at Left hand')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Remove mat' })).toBeInTheDocument()
  })

  it('does not offer Add once the diagram has six props', () => {
    const start = { ...newDiagram('standing'), props: Array.from({ length: 6 }, () => ({ kind: 'mat' as const })) }
    renderWithApi(<Harness edits={[]} start={start} />)
    expect(screen.getByRole('button', { name: 'Add' })).toBeDisabled()
  })
})
