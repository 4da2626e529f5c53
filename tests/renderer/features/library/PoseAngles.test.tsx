import { fireEvent, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { resolvePose } from '../../../../src/diagrams/placement'
import type { DiagramSpec } from '../../../../src/diagrams/spec'
import { editPose, newDiagram, type PoseEdit } from '../../../../src/features/library/pose-edit'
import { PoseAngles } from '../../../../src/features/library/PoseAngles'
import { renderWithApi } from '../../render-with-api'

function Harness({ edits, start }: { edits: PoseEdit[]; start: DiagramSpec }) {
  const [spec, setSpec] = useState(start)
  const [frame, setFrame] = useState(1)
  return (
    <PoseAngles
      spec={spec}
      frame={frame}
      onFrame={setFrame}
      pose={resolvePose(spec.base, spec.keyframes[frame] ?? {})}
      onEdit={(e) => (edits.push(e), setSpec((s) => editPose(s, e)))}
    />
  )
}

describe('the angles of the pose being edited', () => {
  it('edits the pose chosen, with the body part’s angles in clinical words', async () => {
    const edits: PoseEdit[] = []
    const { user } = renderWithApi(<Harness edits={edits} start={newDiagram('standing')} />)
    await user.click(screen.getByRole('radio', { name: 'Start pose' }))
    await user.click(screen.getByRole('radio', { name: 'Trunk & neck' }))
    expect(screen.queryByText(/^Right hip/)).not.toBeInTheDocument()
    fireEvent.change(screen.getByRole('textbox', { name: 'Trunk: flexion 0° (number)' }), { target: { value: '-15' } })
    expect(await screen.findByText('Trunk: extension 15°')).toBeInTheDocument()
    expect(edits).toEqual([{ type: 'axial', frame: 0, angle: 'trunkFlexion', value: -15 }])
    expect(screen.getByText(/you are editing the start pose\.$/)).toBeInTheDocument()
  })

  it('copies the other pose and resets this one, naming each by its pose', async () => {
    const edits: PoseEdit[] = []
    const { user } = renderWithApi(<Harness edits={edits} start={newDiagram('standing')} />)
    await user.click(screen.getByRole('button', { name: 'Copy the start pose' }))
    await user.click(screen.getByRole('button', { name: 'Reset the end pose' }))
    expect(edits).toEqual([
      { type: 'copy-other-pose', frame: 1 },
      { type: 'reset-pose', frame: 1 },
    ])
  })

  it('shows the slider at its limit but the number as typed', () => {
    renderWithApi(
      <Harness edits={[]} start={{ ...newDiagram('standing'), keyframes: [{}, { right: { kneeFlexion: 170 } }] }} />,
    )
    expect(screen.getByRole('textbox', { name: 'Right knee: flexion 170° (number)' })).toHaveValue('170°')
    expect(within(screen.getByText('Right knee: flexion 170°').parentElement!).getByRole('slider')).toHaveAttribute(
      'aria-valuenow',
      '145',
    )
  })

  it('says when the figure position already bends joints', () => {
    renderWithApi(<Harness edits={[]} start={newDiagram('sitting')} />)
    expect(
      screen.getByText(
        'Angles are from the sitting on a chair position (which already bends some joints); you are editing the end pose.',
      ),
    ).toBeInTheDocument()
  })
})
